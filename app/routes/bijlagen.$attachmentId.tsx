import type { LoaderFunctionArgs } from "@remix-run/node";
import { openAttachmentForDownload } from "~/attachments/attachments.server";
import { contentDisposition } from "~/attachments/file-name";
import { requireViewer } from "~/auth/viewer.server";

/**
 * Resource route: the file of an attachment, for those who may see its dossier. A resource
 * route renders no error page, so refusals are short Dutch plain-text answers.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const result = await openAttachmentForDownload(viewer, params.attachmentId ?? "");
  if (!result.ok) {
    return new Response(result.message, {
      status: result.status,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const { download } = result;
  return new Response(download.body, {
    headers: {
      "Content-Type": download.mimeType,
      "Content-Length": String(download.sizeBytes),
      // Always a download, never shown inline within the portal's origin. server.js (helmet)
      // adds X-Content-Type-Options: nosniff to every response, so the type is not guessed.
      "Content-Disposition": contentDisposition(download.fileName),
      "Cache-Control": "private, no-store",
    },
  });
}
