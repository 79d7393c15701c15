import type { FormEvent } from "react";
import { LETTER_FORM_FIELDS, LETTER_FORM_LABELS, letterFormSchema, type LetterFormField, type LetterTextField } from "~/calls/letter-form";
import { isOneOf } from "~/utils/guards";
import { TextAreaField } from "./admin-fields";
import { fieldId, TextField } from "./forms";

type FieldProps = { name: string; defaultValue?: string | number; error?: string };

/**
 * The decision letter's fixed texts in the call editor, with a preview on a made-up dossier.
 * `field` is the editor's useZodForm field(): the names are the call form's.
 */
export function LetterTextFields({
  field,
  showPaymentTerms,
  preview,
}: {
  field: (name: LetterFormField) => FieldProps;
  /** Only funding letters have a payment paragraph. */
  showPaymentTerms: boolean;
  /** The preview route of a saved call; a new call has none yet. */
  preview?: { url: string };
}) {
  const points = (name: LetterTextField, rows: number, hint: string) => (
    <TextAreaField
      label={LETTER_FORM_LABELS[name]}
      rows={rows}
      hint={`${hint} Eén punt per alinea: een lege regel begint een nieuw punt. Leeg: de standaardtekst van het programma.`}
      {...field(name)}
    />
  );
  return (
    <>
      <h2 id="beslissingsbrief">Beslissingsbrief</h2>
      <p className="hint">
        Deze teksten komen in elke beslissingsbrief van de oproep. Ze staan hier zoals de brief ze nu gebruikt: de eigen teksten van de
        oproep, of anders die van het programma. Wat gelijk blijft aan het programma, volgt later ook zijn wijzigingen.
      </p>
      {points("letterLegalBasis", 3, "Het decreet en de oproep waarop de beslissing steunt.")}
      {showPaymentTerms ? points("letterPaymentTerms", 5, "Wanneer en hoe het agentschap betaalt (alleen bij een toekenning).") : null}
      {points("letterDuties", 7, "Wat de organisatie na een positieve beslissing moet doen.")}
      {points("letterAppealRoutes", 9, "Hoe de aanvrager de beslissing kan aanvechten.")}
      <fieldset className="field">
        <legend>Contact voor vragen over de beslissing</legend>
        <p className="hint">Leeg: het algemene contact van het agentschap.</p>
        <TextField label={LETTER_FORM_LABELS.letterContactName} autoComplete="off" {...field("letterContactName")} />
        <TextField label={LETTER_FORM_LABELS.letterContactEmail} type="email" autoComplete="off" {...field("letterContactEmail")} />
        <TextField
          label={LETTER_FORM_LABELS.letterContactPhone}
          type="tel"
          autoComplete="off"
          className="input--short"
          {...field("letterContactPhone")}
        />
      </fieldset>
      {preview ? (
        <p>
          <button
            type="submit"
            className="button button--secondary"
            formAction={preview.url}
            formTarget="_blank"
            formNoValidate
            data-letter-preview=""
          >
            Voorbeeldbrief met deze teksten downloaden (PDF)
          </button>{" "}
          <a href={preview.url} download>
            Voorbeeldbrief met de opgeslagen teksten downloaden (PDF)
          </a>
        </p>
      ) : (
        <p className="hint">Na het aanmaken van de oproep kunt u hier een voorbeeldbrief bekijken.</p>
      )}
    </>
  );
}

/**
 * The editor's submit handler lets the preview button through: it checks the letter's fields
 * and, when they are fine, posts the form natively to the preview in a new window. Remix's Form
 * would otherwise send it with fetch as a navigation (a PDF is not a page). Returns whether the
 * event was the preview's.
 */
export function handleLetterPreview(
  event: FormEvent<HTMLFormElement>,
  values: unknown,
  showErrors: (errors: Array<{ name: LetterFormField; message: string }>) => void,
): boolean {
  const native = event.nativeEvent;
  const button = typeof SubmitEvent !== "undefined" && native instanceof SubmitEvent ? native.submitter : null;
  if (!(button instanceof HTMLButtonElement) || !("letterPreview" in button.dataset)) return false;
  event.preventDefault();
  const checked = letterFormSchema.safeParse(values);
  if (!checked.success) {
    // In the order of the page, so the first field with a problem gets the focus.
    const errors = checked.error.issues
      .flatMap((issue) => {
        const name = issue.path[0];
        return isOneOf(LETTER_FORM_FIELDS, name) ? [{ name, message: issue.message }] : [];
      })
      .sort((a, b) => LETTER_FORM_FIELDS.indexOf(a.name) - LETTER_FORM_FIELDS.indexOf(b.name));
    showErrors(errors);
    if (errors[0]) document.getElementById(fieldId(errors[0].name))?.focus();
    return true;
  }
  const element = event.currentTarget;
  const saved = { action: element.getAttribute("action"), target: element.getAttribute("target") };
  element.setAttribute("action", button.formAction);
  element.setAttribute("target", "_blank");
  // submit() takes the action, target and fields now (no submit event, so Remix stays out).
  element.submit();
  restore(element, "action", saved.action);
  restore(element, "target", saved.target);
  return true;
}

function restore(element: HTMLFormElement, name: string, value: string | null) {
  if (value === null) element.removeAttribute(name);
  else element.setAttribute(name, value);
}
