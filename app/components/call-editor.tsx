import { Form } from "@remix-run/react";
import { SubmitButton } from "./submit-button";
import { useEffect, useRef, type FormEvent } from "react";
import { useFieldArray, useWatch } from "react-hook-form";
import { callFormLabels, callFormSchema, parseFormRef, rubricRows, SETTINGS_FIELDS_BY_FORM, type CallFormValues } from "~/calls/call-form";
import { ORGANISATION_KIND_LABELS, ORGANISATION_KINDS } from "~/domain/organisation";
import { rubricFor } from "~/review/rubric";
import type { FieldErrors } from "~/utils/forms";
import { SelectField, TextAreaField } from "./admin-fields";
import { ErrorSummary, fieldId, TextField, useZodForm } from "./forms";
import { handleLetterPreview, LetterTextFields } from "./letter-text-fields";
import { Markdown } from "./markdown";
import { LETTER_FORM_FIELDS, type LetterFormValues } from "~/calls/letter-form";
import type { ProgrammeKind } from "~/programmes/programme-form";

type Options = {
  /** With the letter texts a new call of the programme starts from. */
  programmes: Array<{ id: string; code: string; name: string; kind: ProgrammeKind; letter: LetterFormValues }>;
  forms: Array<{ key: string; version: number; title: string; stored: boolean }>;
};

/** What the edit page knows about the call that changes how the form behaves. */
export type CallFacts = { submitted: number; drafts: number; opened: boolean };

const EMPTY_CRITERION = { key: "", label: "", description: "", maxScore: "5" };

/**
 * The call form of the new and the edit page. Inputs are plain named fields (the post works
 * without JavaScript); react-hook-form validates with the action's schema and manages the
 * rubric rows.
 */
export function CallEditor({
  mode,
  values,
  serverErrors,
  options,
  facts,
  submitLabel,
  letterPreviewUrl,
}: {
  mode: "create" | "edit";
  values: CallFormValues;
  serverErrors?: FieldErrors;
  options: Options;
  facts?: CallFacts;
  submitLabel: string;
  /** The saved call's letter preview (edit page). */
  letterPreviewUrl?: string;
}) {
  const form = useZodForm(callFormSchema, { defaultValues: values, serverErrors });
  const rubric = useFieldArray({ control: form.control, name: "rubric" });
  const addButton = useRef<HTMLButtonElement>(null);
  const formVersion = useWatch({ control: form.control, name: "formVersion" }) ?? values.formVersion;
  const description = useWatch({ control: form.control, name: "description" }) ?? values.description;
  const settingsFields = SETTINGS_FIELDS_BY_FORM[parseFormRef(String(formVersion ?? "")).key] ?? [];
  const labels = callFormLabels(rubric.fields.length);
  // A new call whose criteria were not touched follows the default criteria of the chosen form.
  const chosenFormKey = parseFormRef(String(formVersion ?? "")).key;
  const untouchedRubric = useRef(JSON.stringify(rubricRows(values.rubric)));
  useEffect(() => {
    if (mode !== "create" || JSON.stringify(rubricRows(form.getValues("rubric"))) !== untouchedRubric.current) return;
    const defaults = rubricRows(rubricFor(chosenFormKey, {}));
    if (JSON.stringify(defaults) === untouchedRubric.current) return;
    untouchedRubric.current = JSON.stringify(defaults);
    rubric.replace(defaults);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosenFormKey]);
  // A new call whose letter texts were not touched takes those of the chosen programme.
  const programmeId = useWatch({ control: form.control, name: "programmeId" }) ?? values.programmeId;
  const programme = options.programmes.find((p) => p.id === programmeId);
  const shownLetter = useRef(programme?.letter);
  useEffect(() => {
    if (mode !== "create" || !programme) return;
    const previous = shownLetter.current;
    for (const name of LETTER_FORM_FIELDS) {
      const current = form.getValues(name) ?? "";
      if (current === "" || current === previous?.[name]) form.setValue(name, programme.letter[name]);
    }
    shownLetter.current = programme.letter;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [programmeId]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const preview = handleLetterPreview(event, form.getValues(), (letterErrors) => {
      form.clearErrors();
      for (const { name, message } of letterErrors) form.setError(name, { type: "custom", message });
    });
    if (!preview) form.onSubmit(event);
  };
  const checkedKinds = Array.isArray(values.eligibleKinds) ? values.eligibleKinds : [];
  const errors = form.errors;
  const submitted = facts?.submitted ?? 0;
  const frozen = submitted > 0;

  return (
    <>
      <ErrorSummary errors={errors} labels={labels} attempt={form.attempt} />
      <Form method="post" className="stack call-editor" noValidate onSubmit={onSubmit}>
        {mode === "create" ? (
          <SelectField
            label={labels.programmeId}
            required
            placeholder="Kies een programma"
            options={options.programmes.map((p) => ({ value: p.id, label: `${p.code} – ${p.name}` }))}
            {...form.field("programmeId")}
          />
        ) : null}
        <TextField label={labels.title} required autoComplete="off" {...form.field("title")} />
        <TextAreaField
          label={labels.description}
          required
          rows={8}
          hint={
            <>
              Opmaak: een lege regel begint een nieuwe alinea; **vet**, *schuin*, een lijst met regels die met "- " beginnen, en een link
              als [tekst](https://…).
            </>
          }
          {...form.field("description")}
        />
        {description ? (
          <section className="markdown-preview" aria-labelledby="description-preview-title">
            <h2 id="description-preview-title">Voorbeeld van de beschrijving</h2>
            <Markdown text={String(description)} />
          </section>
        ) : null}
        <TextField
          label={labels.year}
          hint="Bv. 2026 geeft dossiernummers als SOC-2026-0001."
          required
          inputMode="numeric"
          autoComplete="off"
          className="input--short"
          {...form.field("year")}
        />

        <h2>Data</h2>
        <p className="hint">
          Alle data en uren zijn Belgische tijd. Een uur telt tot het einde van die minuut: 23:59 is tot en met 23:59:59.
        </p>
        {facts?.opened ? (
          <p className="notice notice--warning">
            Deze oproep is al open. U kunt de data nog wijzigen; de wijziging komt in de audit trail
            {facts.drafts > 0
              ? ` en de leden van ${facts.drafts === 1 ? "de organisatie" : `de ${facts.drafts} organisaties`} met een concept krijgen een e-mail.`
              : "."}
          </p>
        ) : null}
        <DateTimeFields legend="Open vanaf" date="opensDate" time="opensTime" form={form} required />
        <DateTimeFields legend="Indienen tot" date="closesDate" time="closesTime" form={form} required />
        <DateTimeFields legend="Beslissing uiterlijk" date="decisionDate" time="decisionTime" form={form} />
        {facts?.opened && facts.drafts > 0 ? (
          <TextAreaField
            label={labels.changeNote}
            hint="Komt in de e-mail als u de data wijzigt, bv. waarom de termijn verschuift."
            rows={3}
            {...form.field("changeNote")}
          />
        ) : null}

        <h2>Aanvragers en budget</h2>
        <fieldset
          className={errors.eligibleKinds ? "field field--error" : "field"}
          aria-describedby={errors.eligibleKinds ? `${fieldId("eligibleKinds")}-error` : undefined}
        >
          <legend>{labels.eligibleKinds}</legend>
          {errors.eligibleKinds ? (
            <p id={`${fieldId("eligibleKinds")}-error`} className="field-error">
              <span className="visually-hidden">Fout: </span>
              {errors.eligibleKinds}
            </p>
          ) : null}
          {ORGANISATION_KINDS.map((kind, index) => (
            <label key={kind} className="choice">
              <input
                type="checkbox"
                id={index === 0 ? fieldId("eligibleKinds") : `${fieldId("eligibleKinds")}-${kind}`}
                value={kind}
                defaultChecked={checkedKinds.includes(kind)}
                {...form.register("eligibleKinds")}
              />{" "}
              {ORGANISATION_KIND_LABELS[kind]}
            </label>
          ))}
        </fieldset>
        <TextField
          label={labels.budget}
          hint="In euro, bv. 1.500.000,00. Leeg voor een erkenning zonder bedrag."
          inputMode="decimal"
          autoComplete="off"
          className="input--short"
          {...form.field("budget")}
        />

        <h2>Formulier</h2>
        <SelectField
          label={labels.formVersion}
          required
          hint={
            frozen
              ? `Ligt vast: er ${submitted === 1 ? "is al 1 dossier" : `zijn al ${submitted} dossiers`} verstuurd met deze versie. Een nieuwe versie hoort bij een nieuwe oproep.`
              : "Nieuwe aanvragen gebruiken deze versie; bestaande concepten houden de versie waarmee ze begonnen."
          }
          options={options.forms.map((f) => ({
            value: `${f.key}@${f.version}`,
            label: `${f.title} (${f.key}, versie ${f.version}${f.stored ? ", opgeslagen als gegevens" : ""})`,
          }))}
          {...form.field("formVersion")}
        />
        {settingsFields.length > 0 ? (
          <fieldset className="field">
            <legend>Instellingen van dit formulier</legend>
            {settingsFields.includes("ratePerLearner") ? (
              <TextField
                label={labels.ratePerLearner}
                hint="In euro. Leeg: € 60,00."
                inputMode="decimal"
                autoComplete="off"
                className="input--short"
                {...form.field("ratePerLearner")}
              />
            ) : null}
            {settingsFields.includes("maxLearners") ? (
              <TextField
                label={labels.maxLearners}
                hint="Leeg: 2.250."
                inputMode="numeric"
                autoComplete="off"
                className="input--short"
                {...form.field("maxLearners")}
              />
            ) : null}
            {settingsFields.includes("amountPerPlan") ? (
              <TextField
                label={labels.amountPerPlan}
                hint="In euro. Leeg: € 25.000,00."
                inputMode="decimal"
                autoComplete="off"
                className="input--short"
                {...form.field("amountPerPlan")}
              />
            ) : null}
            {settingsFields.includes("recognitionStartsOn") ? (
              <TextField label={labels.recognitionStartsOn} type="date" {...form.field("recognitionStartsOn")} />
            ) : null}
          </fieldset>
        ) : null}

        <h2>Beoordelingscriteria</h2>
        <p className="hint">Beoordelaars geven per criterium een score van 1 tot de maximumscore, met een motivering.</p>
        {errors.rubric ? (
          <p id={`${fieldId("rubric")}-error`} className="field-error">
            <span className="visually-hidden">Fout: </span>
            {errors.rubric}
          </p>
        ) : null}
        <ol className="rubric-rows" id={fieldId("rubric")} tabIndex={-1}>
          {rubric.fields.map((row, index) => {
            const name = (field: "key" | "label" | "description" | "maxScore") => `rubric.${index}.${field}` as const;
            const error = (field: "key" | "label" | "description" | "maxScore") => errors[name(field)];
            const described = (field: "key" | "label" | "description" | "maxScore") => ({
              error: error(field),
              defaultValue: row[field] ?? "",
            });
            return (
              <li key={row.id} className="rubric-row">
                <fieldset>
                  <legend>Criterium {index + 1}</legend>
                  <div className="rubric-row__fields">
                    <TextField label="Naam" required autoComplete="off" {...form.register(name("label"))} {...described("label")} />
                    <TextField
                      label="Sleutel"
                      hint="Kleine letters, cijfers, koppeltekens."
                      required
                      autoComplete="off"
                      className="input--short"
                      {...form.register(name("key"))}
                      {...described("key")}
                    />
                    <TextField
                      label="Maximumscore"
                      required
                      inputMode="numeric"
                      autoComplete="off"
                      className="input--tiny"
                      {...form.register(name("maxScore"))}
                      {...described("maxScore")}
                    />
                  </div>
                  <TextAreaField
                    label="Toelichting voor de beoordelaars"
                    rows={2}
                    {...form.register(name("description"))}
                    {...described("description")}
                  />
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => {
                      rubric.remove(index);
                      addButton.current?.focus();
                    }}
                  >
                    Criterium {index + 1} verwijderen
                  </button>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <p>
          <button
            ref={addButton}
            type="button"
            className="button button--secondary"
            onClick={() => rubric.append({ ...EMPTY_CRITERION }, { shouldFocus: true, focusName: `rubric.${rubric.fields.length}.label` })}
          >
            Criterium toevoegen
          </button>
        </p>

        <LetterTextFields
          field={form.field}
          showPaymentTerms={programme?.kind !== "RECOGNITION"}
          preview={letterPreviewUrl ? { url: letterPreviewUrl } : undefined}
        />

        <SubmitButton busyLabel="Bezig met bewaren…">{submitLabel}</SubmitButton>
      </Form>
    </>
  );
}

type EditorForm = ReturnType<typeof useZodForm<typeof callFormSchema>>;

/** A Brussels date and time side by side, in a fieldset named after the moment. */
function DateTimeFields({
  legend,
  date,
  time,
  form,
  required,
}: {
  legend: string;
  date: "opensDate" | "closesDate" | "decisionDate";
  time: "opensTime" | "closesTime" | "decisionTime";
  form: EditorForm;
  required?: boolean;
}) {
  return (
    <fieldset className="date-time">
      <legend>{legend}</legend>
      <TextField label="Datum" type="date" required={required} {...form.field(date)} />
      <TextField label="Uur" type="time" required={required} {...form.field(time)} />
    </fieldset>
  );
}
