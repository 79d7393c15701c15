import * as z from "zod/mini";
import { parseEuroToCents } from "~/forms/parse";
import { REQUIRED, requiredText } from "~/utils/schemas";

/** One zod schema per form on the staff page of a grant's money, for the browser and the action. */
export const prepareAdvanceFormSchema = z.object({
  phaseKey: z.string({ error: REQUIRED }).check(z.minLength(1, REQUIRED)),
});

const learners = z.pipe(
  z.string({ error: REQUIRED }).check(z.trim(), z.regex(/^\d{1,7}$/, "Geef een geheel aantal deelnemers op, bv. 280.")),
  z.transform(Number),
);

const euros = z.pipe(
  z.string({ error: REQUIRED }).check(z.trim(), z.minLength(1, REQUIRED)),
  z.transform((value: string, ctx) => {
    const cents = parseEuroToCents(value);
    if (cents === null) ctx.issues.push({ code: "custom", message: "Geef een bedrag in euro op, bv. 12.345,67.", input: value });
    return cents ?? 0;
  }),
);

/** The settlement's one figure: learners reached (REACH) or accepted costs in euro (COSTS). */
export const settleFormSchema = z.discriminatedUnion("basis", [
  z.object({ basis: z.literal("REACH"), figure: learners }),
  z.object({ basis: z.literal("COSTS"), figure: euros }),
]);

export const orderFormSchema = z.object({ orderId: z.string({ error: REQUIRED }).check(z.minLength(1, REQUIRED)) });

export const markPaidFormSchema = z.object({
  orderId: z.string({ error: REQUIRED }).check(z.minLength(1, REQUIRED)),
  paidOn: z.string({ error: REQUIRED }).check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "Geef een datum op.")),
});

export const cancelOrderFormSchema = z.object({
  orderId: z.string({ error: REQUIRED }).check(z.minLength(1, REQUIRED)),
  reason: requiredText(1000),
});

/** A staff action on one report of the dossier (docs/decisions/0057). */
export const reportActionFormSchema = z.object({ phaseKey: z.string({ error: REQUIRED }).check(z.minLength(1, REQUIRED)) });

export const reportInfoFormSchema = z.object({
  phaseKey: z.string({ error: REQUIRED }).check(z.minLength(1, REQUIRED)),
  questions: requiredText(2000),
  dueDate: z.string({ error: REQUIRED }).check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "Geef een datum op.")),
});
