import * as z from "zod";
import { parseEuroToCents } from "~/forms/parse";
import { optionalText, REQUIRED, requiredText } from "~/utils/schemas";
import type { ScoreInput } from "./assessment.server";
import { outcomeSchema } from "./rules";

/** One zod schema per staff form on the review page, for the browser and the action alike. */
const MULTILINE = { multiline: true };
const isoDate = z.string({ error: REQUIRED }).regex(/^\d{4}-\d{2}-\d{2}$/, "Geef een datum op.");

export const assignFormSchema = z.object({
  assigneeId: z.string({ error: "Gelieve een optie te kiezen." }).min(1, "Gelieve een optie te kiezen."),
  reason: optionalText(1000),
});

export const informationFormSchema = z.object({
  questions: requiredText(3000, MULTILINE),
  dueDate: isoDate,
});

export const proposalFormSchema = z.object({
  outcome: outcomeSchema,
  amount: z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const cents = parseEuroToCents(value);
      if (cents === null) ctx.addIssue({ code: "custom", message: "Geef een bedrag in euro op, bv. 12.345,67." });
      return cents;
    }),
  motivation: requiredText(3000, MULTILINE),
});

export const decisionFormSchema = z.object({
  choice: z.enum(["decide", "send-back"], { error: "Gelieve een optie te kiezen." }),
  motivation: requiredText(3000, MULTILINE),
  recognitionEndsOn: z.string().optional(),
});

/**
 * The scores: the hidden "criterion" fields list the keys, each with "score-<key>" and
 * "motivation-<key>" (the assessment checks them against the call's rubric).
 */
export const assessFormSchema = z
  .object({ criterion: z.array(z.string()) })
  .catchall(z.string())
  .transform((post): ScoreInput[] =>
    post.criterion.map((key) => {
      const score = post[`score-${key}`] ?? "";
      return { key, score: score ? Number(score) : null, motivation: post[`motivation-${key}`] ?? "" };
    }),
  );

export const noteFormSchema = z.object({ text: requiredText(4000, MULTILINE) });

export const answerFormSchema = z.object({ answer: requiredText(5000, MULTILINE) });
