import { EDITABLE_STATUSES, isStatusIn } from "~/domain/application-status";
import { canEditApplication, type Viewer } from "~/domain/permissions";

/**
 * Adding or removing attachments is editing the dossier: only members of its (not merged)
 * organisation, and only while it is a draft. Pure, for loaders (show the buttons) and actions.
 */
export function canChangeAttachments(viewer: Viewer, application: { organisationId: string; status: string }): boolean {
  return canEditApplication(viewer, application) && isStatusIn(EDITABLE_STATUSES, application.status);
}
