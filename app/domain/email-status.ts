import { z } from "zod";

/** Life of an e-mail in the outbox (EmailOutbox.status). */
export const EMAIL_STATUSES = ["PENDING", "SENDING", "SENT", "FAILED"] as const;
export const emailStatusSchema = z.enum(EMAIL_STATUSES);
export type EmailStatus = z.infer<typeof emailStatusSchema>;
