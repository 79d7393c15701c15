import { Form } from "@remix-run/react";
import type { $ZodType, input } from "zod/v4/core";
import {
  PROGRAMME_KIND_LABELS,
  PROGRAMME_KINDS,
  PROGRAMME_LABELS,
  programmeCreateSchema,
  programmeFormSchema,
  type ProgrammeFormData,
} from "~/programmes/programme-form";
import type { FieldErrors } from "~/utils/forms";
import { RadioGroup, TextAreaField } from "./admin-fields";
import { ErrorSummary, TextField, useZodForm } from "./forms";
import { isOneOf } from "~/utils/guards";
import { SubmitButton } from "./submit-button";

type Values = Partial<Record<"code" | "name" | "description" | "kind" | "legalBasis", string>>;

/** The programme form of the new and the edit page; the code is typed only on creation. */
export function ProgrammeForm({
  mode,
  values,
  serverErrors,
  submitLabel,
}: {
  mode: "create" | "edit";
  values: Values;
  serverErrors?: FieldErrors;
  submitLabel: string;
}) {
  // On the edit page the code is not posted: it cannot change.
  // Both read the same fields; the create schema only makes the code required.
  const schema: $ZodType<ProgrammeFormData, input<typeof programmeFormSchema>> = mode === "create"
    ? programmeCreateSchema
    : programmeFormSchema;
  const form = useZodForm(schema, {
    defaultValues: {
      code: values.code ?? "",
      name: values.name ?? "",
      description: values.description ?? "",
      kind: isOneOf(PROGRAMME_KINDS, values.kind) ? values.kind : undefined,
      legalBasis: values.legalBasis ?? "",
    },
    serverErrors,
  });
  return (
    <>
      <ErrorSummary errors={form.errors} labels={PROGRAMME_LABELS} attempt={form.attempt} />
      <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
        {mode === "create" ? (
          <TextField
            label={PROGRAMME_LABELS.code}
            hint="Drie hoofdletters, bv. SOC. De code staat in elk dossiernummer (SOC-2026-0001) en kan later niet meer wijzigen."
            required
            autoComplete="off"
            maxLength={3}
            className="input--short"
            {...form.field("code")}
          />
        ) : null}
        <TextField label={PROGRAMME_LABELS.name} required autoComplete="off" {...form.field("name")} />
        <TextAreaField label={PROGRAMME_LABELS.description} required rows={5} {...form.field("description")} />
        <RadioGroup
          name="kind"
          legend={PROGRAMME_LABELS.kind}
          options={PROGRAMME_KINDS.map((kind) => ({ value: kind, label: PROGRAMME_KIND_LABELS[kind] }))}
          defaultValue={values.kind}
          error={form.errors.kind}
          register={form.register("kind")}
        />
        <TextAreaField
          label={PROGRAMME_LABELS.legalBasis}
          hint="Zoals ze in de beslissingen geciteerd wordt."
          required
          rows={3}
          {...form.field("legalBasis")}
        />
        <SubmitButton busyLabel="Bezig met opslaan…">{submitLabel}</SubmitButton>
      </Form>
    </>
  );
}
