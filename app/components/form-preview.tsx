import type { FormPreview as Preview } from "~/admin/form-versions.server";
import type { Field } from "~/forms/types";

const FIELD_TYPE_LABELS: Record<Field["type"], string> = {
  text: "Tekst",
  textarea: "Lange tekst",
  email: "E-mailadres",
  phone: "Telefoonnummer",
  iban: "Rekeningnummer (IBAN)",
  kbo: "Ondernemingsnummer",
  url: "Webadres",
  integer: "Geheel getal",
  money: "Bedrag in euro",
  radio: "Eén keuze (keuzerondjes)",
  select: "Eén keuze (keuzelijst)",
  checkboxes: "Meerdere keuzes",
  declaration: "Verklaring om aan te vinken",
  file: "Bestand",
  repeat: "Herhaalbare rijen",
};

function condition(showIf: NonNullable<Field["showIf"]>): string {
  if (showIf.equals !== undefined) return `alleen als ${showIf.field} = "${showIf.equals}"`;
  if (showIf.includes !== undefined) return `alleen als ${showIf.field} "${showIf.includes}" bevat`;
  if (showIf.notEquals !== undefined) return `alleen als ${showIf.field} niet "${showIf.notEquals}" is`;
  return `alleen als ${showIf.field} ingevuld is`;
}

function details(field: Field): string[] {
  const out = [FIELD_TYPE_LABELS[field.type], field.required ? "verplicht" : "optioneel"];
  if ((field.type === "text" || field.type === "textarea") && field.maxLength) out.push(`hoogstens ${field.maxLength} tekens`);
  if (field.type === "file") out.push(field.accept === "pdf" ? "pdf" : "pdf of rekenblad");
  if (field.type === "repeat") out.push(`hoogstens ${field.maxRows} rijen`);
  if (field.showIf) out.push(condition(field.showIf));
  return out;
}

function FieldItem({ field }: { field: Field }) {
  return (
    <li>
      <strong>{field.label}</strong> <code>{field.name}</code>
      <span className="form-preview__details"> — {details(field).join(", ")}</span>
      {field.hint ? <p className="hint">{field.hint}</p> : null}
      {"options" in field ? (
        <ul>
          {field.options.map((option) => (
            <li key={option.value}>{option.label}</li>
          ))}
        </ul>
      ) : null}
      {field.type === "repeat" ? (
        <ul>
          {field.fields.map((child) => (
            <FieldItem key={child.name} field={child} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** The steps and fields of a form version, read-only (admin pages). */
export function FormPreview({ preview, headingLevel = 2 }: { preview: Preview; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ol className="form-preview">
      {preview.steps.map((step, index) => (
        <li key={step.id}>
          <Heading>
            Stap {index + 1}: {step.title}
          </Heading>
          {step.intro ? <p>{step.intro}</p> : null}
          <ul>
            {step.fields.map((field) => (
              <FieldItem key={field.name} field={field} />
            ))}
          </ul>
          {step.computed.length > 0 ? <p className="hint">Berekend: {step.computed.join(", ")}</p> : null}
        </li>
      ))}
    </ol>
  );
}
