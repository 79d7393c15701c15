import { forwardRef, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { describedBy, fieldId, HintAndError } from "./forms";

/**
 * Select, text area and radio group in the markup of TextField (app/components/forms.tsx):
 * a label, an optional hint, the error above the control, aria-describedby for both.
 */

function Label({ id, label, required, filter }: { id: string; label: string; required?: boolean; filter?: boolean }) {
  return (
    <label htmlFor={id}>
      {label}
      {required || filter ? null : <span className="optional"> (optioneel)</span>}
    </label>
  );
}

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  /** Text of an empty first option, if the field may stay empty */
  placeholder?: string;
  /** A search filter: never required, so no "(optioneel)" either */
  filter?: boolean;
  /** Required only in a case the hint names: no "(optioneel)" (see TextField) */
  conditional?: boolean;
};

export const SelectField = forwardRef<HTMLSelectElement, SelectProps>(function SelectField(
  { name, label, hint, error, required, options, placeholder, filter, conditional, ...select },
  ref,
) {
  const id = fieldId(name);
  return (
    <div className={error ? "field field--error" : "field"}>
      <Label id={id} label={label} required={required || conditional} filter={filter} />
      <HintAndError id={id} hint={hint} error={error} />
      <select
        ref={ref}
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        aria-required={required || undefined}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
});

type TextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { name: string; label: string; hint?: ReactNode; error?: string };

export const TextAreaField = forwardRef<HTMLTextAreaElement, TextAreaProps>(function TextAreaField(
  { name, label, hint, error, required, ...textarea },
  ref,
) {
  const id = fieldId(name);
  return (
    <div className={error ? "field field--error" : "field"}>
      <Label id={id} label={label} required={required} />
      <HintAndError id={id} hint={hint} error={error} />
      <textarea
        ref={ref}
        id={id}
        name={name}
        rows={3}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        aria-required={required || undefined}
        {...textarea}
      />
    </div>
  );
});

/** Radio buttons in a fieldset; the error summary links to the first option. */
export function RadioGroup({
  name,
  legend,
  options,
  defaultValue,
  error,
  register,
}: {
  name: string;
  legend: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  defaultValue?: string;
  error?: string;
  /** From react-hook-form: register(name) */
  register?: object;
}) {
  const id = fieldId(name);
  return (
    <fieldset className={error ? "field field--error" : "field"} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <HintAndError id={id} error={error} />
      {options.map((option, index) => (
        <label key={option.value} className="choice">
          <input
            type="radio"
            id={index === 0 ? id : `${id}-${option.value}`}
            name={name}
            value={option.value}
            defaultChecked={defaultValue === option.value}
            {...register}
          />{" "}
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The free-text box of a search form. */
export function SearchField({ name, label, hint, defaultValue }: { name: string; label: string; hint?: string; defaultValue?: string }) {
  const id = fieldId(name);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <HintAndError id={id} hint={hint} />
      <input id={id} name={name} type="search" defaultValue={defaultValue} aria-describedby={describedBy(id, hint, undefined)} />
    </div>
  );
}
