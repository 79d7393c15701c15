import type { LoaderFunctionArgs } from "@remix-run/node";
import { openAttachmentForDownload } from "~/attachments/attachments.server";
import { contentDisposition } from "~/attachments/file-name";
import { UPLOAD_MESSAGES } from "~/attachments/file-types";
import { notFound, requireViewer } from "~/auth/viewer.server";

/** Resource route: the file of an attachment, for those who may see its dossier. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const download = await openAttachmentForDownload(viewer, params.attachmentId ?? "");
  if (!download) notFound(UPLOAD_MESSAGES.notFound);
  return new Response(download.body, {
    headers: {
      "Content-Type": download.mimeType,
      "Content-Length": String(download.sizeBytes),
      // Always a download, never rendered inline in the portal's origin.
      "Content-Disposition": contentDisposition(download.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
