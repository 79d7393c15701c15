import { useFormContext, useWatch } from "react-hook-form";
import type { ReactNode } from "react";
import { formatCount } from "~/forms/messages";
import type { Field, RawRow, RawValue, RawValues, RepeatField, ScalarField } from "~/forms/types";
import { asBoolean, asList, asRows, asText, isVisible } from "~/forms/values";
import { describedBy, fieldId, HintAndError } from "./forms";

export type UploadedFile = { id: string; fileName: string; sizeBytes: number };

type Shared = {
  errors: Record<string, string>;
  uploads: Record<string, UploadedFile[]>;
  /** Renders a file field: uploads are handled by the attachments module. */
  renderFile: (field: Extract<ScalarField, { type: "file" }>, props: { error?: string; files: UploadedFile[] }) => ReactNode;
  /** Path of a field that should take focus (a row just added) */
  focusPath?: string;
};

/** Every field of a step, as data: the same markup for every programme's form. */
export function StepFields({ fields, values, ...shared }: Shared & { fields: readonly Field[]; values: Record<string, RawValue> }) {
  return (
    <>
      {fields.map((field) =>
        field.type === "repeat" ? (
          <Conditional key={field.name} field={field} scope="" values={values}>
            <RepeatFieldView field={field} rows={asRows(values[field.name])} {...shared} />
          </Conditional>
        ) : (
          <Conditional key={field.name} field={field} scope="" values={values}>
            <ScalarFieldView field={field} path={field.name} value={values[field.name]} {...shared} />
          </Conditional>
        ),
      )}
    </>
  );
}

/** Shows a field only when its condition holds; hidden fields keep what was typed in them. */
function Conditional({
  field,
  scope,
  values,
  children,
}: {
  field: Field;
  scope: string;
  values: Record<string, RawValue>;
  children: ReactNode;
}) {
  const { control } = useFormContext<RawValues>();
  const conditionPath = field.showIf ? `${scope}${field.showIf.field}` : undefined;
  const watched = useWatch({ control, name: conditionPath ?? "__none__", disabled: !conditionPath });
  if (!field.showIf) return <>{children}</>;
  const current = watched === undefined ? values[field.showIf.field] : watched;
  const shown = isVisible(field, { [field.showIf.field]: current });
  return <div hidden={!shown}>{children}</div>;
}

function Label({ htmlFor, field }: { htmlFor: string; field: ScalarField }) {
  return (
    <label htmlFor={htmlFor}>
      {field.label}
      {field.required ? null : <span className="optional"> (optioneel)</span>}
    </label>
  );
}

const INPUT_TYPES: Partial<Record<ScalarField["type"], { type: string; inputMode?: "decimal" | "numeric"; autoComplete?: string }>> = {
  text: { type: "text" },
  email: { type: "email", autoComplete: "email" },
  phone: { type: "tel", autoComplete: "tel" },
  iban: { type: "text", autoComplete: "off" },
  kbo: { type: "text", autoComplete: "off" },
  url: { type: "url", autoComplete: "url" },
  integer: { type: "text", inputMode: "numeric" },
  money: { type: "text", inputMode: "decimal" },
};

function ScalarFieldView({
  field,
  path,
  value,
  errors,
  uploads,
  renderFile,
  focusPath,
}: Shared & { field: ScalarField; path: string; value: RawValue }) {
  const { register } = useFormContext();
  const id = fieldId(path);
  const error = errors[path];
  const className = error ? "field field--error" : "field";
  const common = {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-required": field.required || undefined,
    autoFocus: focusPath === path || undefined,
  } as const;

  switch (field.type) {
    case "file":
      return <>{renderFile(field, { error, files: uploads[field.name] ?? [] })}</>;
    case "textarea":
      return (
        <div className={className}>
          <Label htmlFor={id} field={field} />
          <HintAndError id={id} hint={field.hint} error={error} />
          <textarea
            {...common}
            rows={6}
            defaultValue={asText(value)}
            aria-describedby={describedBy(id, field.hint, error, `${id}-count`)}
            {...register(path)}
          />
          <CharacterCount path={path} id={`${id}-count`} max={field.maxLength} initial={asText(value)} />
        </div>
      );
    case "select":
      return (
        <div className={className}>
          <Label htmlFor={id} field={field} />
          <HintAndError id={id} hint={field.hint} error={error} />
          <select {...common} defaultValue={asText(value)} aria-describedby={describedBy(id, field.hint, error)} {...register(path)}>
            <option value="">Kies een optie</option>
            {field.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      );
    case "radio":
    case "checkboxes": {
      const chosen = field.type === "radio" ? [asText(value)] : asList(value);
      return (
        <fieldset className={`${className} choice-group`} aria-describedby={describedBy(id, field.hint, error)}>
          <legend>
            {field.label}
            {field.required ? null : <span className="optional"> (optioneel)</span>}
          </legend>
          <HintAndError id={id} hint={field.hint} error={error} />
          {field.options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${index}`;
            return (
              <div className="choice" key={option.value}>
                <input
                  id={optionId}
                  type={field.type === "radio" ? "radio" : "checkbox"}
                  value={option.value}
                  defaultChecked={chosen.includes(option.value)}
                  aria-invalid={error ? true : undefined}
                  autoFocus={(focusPath === path && index === 0) || undefined}
                  {...register(path)}
                />
                <label htmlFor={optionId}>{option.label}</label>
              </div>
            );
          })}
        </fieldset>
      );
    }
    case "declaration":
      return (
        <div className={`${className} choice`}>
          <HintAndError id={id} hint={field.hint} error={error} />
          <input
            {...common}
            type="checkbox"
            defaultChecked={asBoolean(value)}
            aria-describedby={describedBy(id, field.hint, error)}
            {...register(path)}
          />
          <label htmlFor={id}>{field.label}</label>
        </div>
      );
    default: {
      const input = INPUT_TYPES[field.type] ?? { type: "text" };
      const autoComplete = field.type === "text" ? field.autoComplete : input.autoComplete;
      return (
        <div className={className}>
          <Label htmlFor={id} field={field} />
          <HintAndError id={id} hint={field.hint} error={error} />
          <div className={field.type === "money" ? "input-prefix" : undefined}>
            {field.type === "money" ? <span aria-hidden="true">€</span> : null}
            <input
              {...common}
              type={input.type}
              inputMode={input.inputMode}
              autoComplete={autoComplete ?? "off"}
              defaultValue={asText(value)}
              aria-describedby={describedBy(id, field.hint, error)}
              className={field.type === "money" || field.type === "integer" ? "input--short" : undefined}
              {...register(path)}
            />
          </div>
        </div>
      );
    }
  }
}

/**
 * A live "123 / 2.000 tekens" under a text area. It never cuts the text off: going over the
 * limit is said here and by the validation, so nothing typed disappears.
 */
function CharacterCount({ path, id, max, initial }: { path: string; id: string; max: number; initial: string }) {
  const { control } = useFormContext<RawValues>();
  const watched: unknown = useWatch({ control, name: path });
  const text = typeof watched === "string" ? watched : initial;
  const length = [...text.replace(/\r\n/g, "\n")].length;
  const over = length > max;
  return (
    <p id={id} className={over ? "char-count char-count--over" : "char-count"} aria-live={over ? "polite" : "off"}>
      {over
        ? `${formatCount(length - max)} ${length - max === 1 ? "teken" : "tekens"} te veel (${formatCount(length)} van ${formatCount(max)})`
        : `${formatCount(length)} van ${formatCount(max)} tekens`}
    </p>
  );
}

function RepeatFieldView({ field, rows, ...shared }: Shared & { field: RepeatField; rows: RawRow[] }) {
  const id = fieldId(field.name);
  const error = shared.errors[field.name];
  return (
    <fieldset className={error ? "repeat field--error" : "repeat"} aria-describedby={describedBy(id, field.hint, error)}>
      <legend>
        {field.label}
        {field.required ? null : <span className="optional"> (optioneel)</span>}
      </legend>
      <HintAndError id={id} hint={field.hint} error={error} />
      {/* The target of the error summary when a row is missing */}
      <span id={id} tabIndex={-1} />
      {rows.map((row, index) => (
        <fieldset className="repeat-row" key={index}>
          <legend>{`${field.rowLabel} ${index + 1}`}</legend>
          <input type="hidden" name={`${field.name}.${index}._row`} value="1" />
          {field.fields.map((sub) => (
            <Conditional key={sub.name} field={sub} scope={`${field.name}.${index}.`} values={row}>
              <ScalarFieldView field={sub} path={`${field.name}.${index}.${sub.name}`} value={row[sub.name]} {...shared} />
            </Conditional>
          ))}
          <button
            type="submit"
            name="intent"
            value={`remove-row:${field.name}:${index}`}
            className="button button--secondary button--small"
          >
            {`${field.rowLabel} ${index + 1} verwijderen`}
          </button>
        </fieldset>
      ))}
      {rows.length < field.maxRows ? (
        <button type="submit" name="intent" value={`add-row:${field.name}`} className="button button--secondary">
          {field.addLabel}
        </button>
      ) : null}
    </fieldset>
  );
}
