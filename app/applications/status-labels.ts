import { APPLICATION_STATUS_LABELS, type ApplicationStatus } from "~/domain/application-status";

/** A positive decision on a recognition reads "Erkend", not "Goedgekeurd". */
export function statusLabel(status: ApplicationStatus, programmeKind: string): string {
  if (programmeKind === "RECOGNITION") {
    if (status === "APPROVED") return "Erkend";
    if (status === "REFUSED") return "Niet erkend";
  }
  return APPLICATION_STATUS_LABELS[status];
}
