import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { contentDisposition } from "~/attachments/file-name";
import { requireViewer } from "~/auth/viewer.server";
import { LETTER_FORM_LABELS, letterFormSchema, letterSettingsFromForm } from "~/calls/letter-form";
import { letterPreviewPdf } from "~/calls/letter-preview.server";
import type { LetterSettings } from "~/documents/letter-texts";
import { hasRole } from "~/domain/permissions";
import { lookup } from "~/utils/guards";
import { readFormPost } from "~/utils/read-form-post.server";

/**
 * Resource route: a call's decision letter on a made-up dossier, marked VOORBEELD, for
 * administrators, as a download like every PDF of the portal. GET uses the saved texts; the editor POSTs its form to preview unsaved ones
 * (nothing is saved). Not audited: it reads no dossier and changes nothing. A resource route
 * renders no error page, so refusals are short Dutch plain text.
 */
function plain(status: 400 | 403 | 404, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

async function preview(callId: string, letter?: LetterSettings): Promise<Response> {
  const pdf = await letterPreviewPdf(callId, letter);
  if (!pdf) return plain(404, "Deze oproep bestaat niet.");
  return new Response(new Uint8Array(pdf.content), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": contentDisposition(pdf.filename),
      "Cache-Control": "private, no-store",
    },
  });
}

async function requireAdmin(request: Request): Promise<Response | null> {
  // requireStaff would throw an error page's data, which a resource route cannot render.
  const viewer = await requireViewer(request);
  return hasRole(viewer, "ADMIN") ? null : plain(403, "Alleen beheerders kunnen een voorbeeldbrief bekijken.");
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  return (await requireAdmin(request)) ?? preview(params.callId ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const refused = await requireAdmin(request);
  if (refused) return refused;
  const post = await readFormPost(request);
  const parsed = post.parse(letterFormSchema);
  if (!parsed.ok) {
    // Only without JavaScript: the editor checks these fields before it opens the preview.
    const lines = Object.entries(parsed.errors).map(([name, message]) => `${lookup(LETTER_FORM_LABELS, name) ?? name}: ${message}`);
    return plain(
      400,
      ["Het voorbeeld kan niet gemaakt worden:", ...lines, "", "Ga terug naar de oproep en verbeter de teksten."].join("\n"),
    );
  }
  return preview(params.callId ?? "", letterSettingsFromForm(parsed.data));
}
