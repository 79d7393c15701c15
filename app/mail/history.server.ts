import { prisma } from "~/db.server";
import { emailStatusSchema, PRIVATE_LINK_TEMPLATES } from "~/domain/email-status";
import { canViewApplication, type Viewer } from "~/domain/permissions";

const HISTORY_LIMIT = 200;

/**
 * The e-mails the portal sent or queued for the viewer: addressed to their address, or to their
 * account under an earlier address. Newest first. The plain text only (never the HTML), and
 * not for messages with a one-time link: a history page must not hand out reset links.
 */
export async function emailHistoryFor(viewer: Viewer) {
  const rows = await prisma.emailOutbox.findMany({
    where: { OR: [{ toAddress: viewer.email }, { userId: viewer.userId }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: HISTORY_LIMIT,
    select: {
      id: true,
      createdAt: true,
      sentAt: true,
      subject: true,
      status: true,
      template: true,
      textBody: true,
      application: { select: { id: true, reference: true, organisationId: true } },
    },
  });
  return rows.map((row) => {
    const hidden = PRIVATE_LINK_TEMPLATES.includes(row.template);
    // Only link a dossier the viewer may still open (someone may have left the organisation).
    const dossier = row.application && canViewApplication(viewer, row.application) ? row.application : null;
    return {
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      sentAt: row.sentAt?.toISOString() ?? null,
      subject: row.subject,
      status: emailStatusSchema.parse(row.status),
      text: hidden ? null : row.textBody,
      dossier: dossier ? { id: dossier.id, reference: dossier.reference } : null,
    };
  });
}
export type EmailHistoryItem = Awaited<ReturnType<typeof emailHistoryFor>>[number];
