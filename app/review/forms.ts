import * as z from "zod/mini";
import { parseEuroToCents } from "~/forms/parse";
import { optionalText, REQUIRED, requiredText } from "~/utils/schemas";
import type { ScoreInput } from "./assessment.server";
import { outcomeSchema } from "./rules";

/** One zod schema per staff form on the review page, for the browser and the action alike. */
const MULTILINE = { multiline: true };
const isoDate = z.string({ error: REQUIRED }).check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "Geef een datum op."));

export const assignFormSchema = z.object({
  assigneeId: z.string({ error: "Gelieve een optie te kiezen." }).check(z.minLength(1, "Gelieve een optie te kiezen.")),
  reason: optionalText(1000),
});

export const informationFormSchema = z.object({
  questions: requiredText(3000, MULTILINE),
  dueDate: isoDate,
});

export const proposalFormSchema = z.object({
  outcome: outcomeSchema,
  amount: z.pipe(
    z.optional(z.string().check(z.trim())),
    z.transform((value: string | undefined, ctx) => {
      if (!value) return null;
      const cents = parseEuroToCents(value);
      if (cents === null) ctx.issues.push({ code: "custom", message: "Geef een bedrag in euro op, bv. 12.345,67.", input: value });
      return cents;
    }),
  ),
  motivation: requiredText(3000, MULTILINE),
});

export const decisionFormSchema = z.object({
  choice: z.enum(["decide", "send-back"], { error: "Gelieve een optie te kiezen." }),
  motivation: requiredText(3000, MULTILINE),
  recognitionEndsOn: z.optional(z.string()),
});

/**
 * The scores: the hidden "criterion" fields list the keys, each with "score-<key>" and
 * "motivation-<key>" (the assessment checks them against the call's rubric).
 */
export const assessFormSchema = z.pipe(
  z.catchall(z.object({ criterion: z.array(z.string()) }), z.string()),
  z.transform((post): ScoreInput[] =>
    post.criterion.map((key) => {
      const score = post[`score-${key}`] ?? "";
      return { key, score: score ? Number(score) : null, motivation: post[`motivation-${key}`] ?? "" };
    }),
  ),
);

export const noteFormSchema = z.object({ text: requiredText(4000, MULTILINE) });

export const answerFormSchema = z.object({ answer: requiredText(5000, MULTILINE) });
