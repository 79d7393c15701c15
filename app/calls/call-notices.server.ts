import { callDatesChangedEmail } from "../../emails/call-dates-changed";
import type { Tx } from "~/db.server";
import { callContact } from "~/documents/letter-texts";
import { enqueueEmail } from "~/mail/outbox.server";
import { applicantRecipients } from "~/mail/recipients.server";
import { publicUrl } from "~/utils/url.server";
import { DATE_LABELS, type DateChange } from "./call-rules";
import { effectiveClosesAt } from "./deadline.server";

/**
 * Tells the members of every organisation with a draft in the call that its dates changed.
 * Call it in the transaction that stores the change (transactional outbox): the messages
 * exist exactly when the change does. Returns the number of messages queued.
 */
export async function notifyCallDatesChanged(
  tx: Tx,
  input: { callId: string; changes: readonly DateChange[]; note: string | null; changedAt: Date },
): Promise<number> {
  const call = await tx.call.findUniqueOrThrow({ where: { id: input.callId }, select: { title: true, settings: true } });
  const drafts = await tx.application.findMany({
    where: { callId: input.callId, status: "DRAFT" },
    select: { id: true, reference: true, organisationId: true, submittedById: true, organisation: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  const changes = input.changes.map((change) => ({ label: DATE_LABELS[change.field], before: change.before, after: change.after }));
  // One change, one message per member and dossier, even if the same request is retried.
  const changeKey = `${input.changedAt.toISOString()}:${input.changes.map((c) => `${c.field}=${c.after?.toISOString() ?? "-"}`).join(",")}`;
  const contact = callContact(call.settings);
  let queued = 0;
  for (const draft of drafts) {
    const [recipients, deadline] = await Promise.all([
      applicantRecipients(tx, draft.organisationId, draft.submittedById),
      effectiveClosesAt(tx, input.callId, draft.organisationId),
    ]);
    const dossier = {
      reference: draft.reference,
      organisationName: draft.organisation.name,
      callTitle: call.title,
      dossierUrl: publicUrl(null, `/dossiers/${draft.id}`),
      contact,
    };
    for (const recipient of recipients) {
      await enqueueEmail(tx, {
        idempotencyKey: `call-dates-changed:${input.callId}:${changeKey}:${draft.id}:${recipient.userId}`,
        template: "call-dates-changed",
        to: recipient.email,
        applicationId: draft.id,
        userId: recipient.userId,
        ...callDatesChangedEmail({
          firstName: recipient.firstName,
          dossier,
          changes,
          closesAt: deadline.closesAt,
          extended: deadline.extended,
          note: input.note,
        }),
      });
      queued += 1;
    }
  }
  return queued;
}
