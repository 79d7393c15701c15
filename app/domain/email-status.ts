import * as z from "zod/mini";

/** Life of an e-mail in the outbox (EmailOutbox.status). */
export const EMAIL_STATUSES = ["PENDING", "SENDING", "SENT", "FAILED"] as const;
export const emailStatusSchema = z.enum(EMAIL_STATUSES);
export type EmailStatus = z.infer<typeof emailStatusSchema>;

export const EMAIL_STATUS_LABELS: Record<EmailStatus, string> = {
  PENDING: "In de wachtrij",
  SENDING: "Wordt verstuurd",
  SENT: "Verstuurd",
  FAILED: "Mislukt",
};

/** Messages whose text holds a one-time link: never shown again in the portal. */
export const PRIVATE_LINK_TEMPLATES: readonly string[] = ["password-reset", "invitation"];
