import { useSubmit } from "@remix-run/react";
import { forwardRef, useEffect, useRef, type FormEvent, type InputHTMLAttributes, type MouseEvent, type ReactNode } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path } from "react-hook-form";
import type { $ZodType, input, output } from "zod/v4/core";
import type { FieldErrors } from "~/utils/forms";
import { schemaResolver } from "~/utils/schema-resolver";
import { isRecord } from "~/utils/guards";

/**
 * react-hook-form with the form's zod schema in the browser; the same schema runs in the
 * action. Inputs stay uncontrolled and named, so the form also posts without JavaScript.
 */
export function useZodForm<S extends $ZodType<FieldValues, FieldValues>>(
  schema: S,
  options: { defaultValues?: DefaultValues<input<S>>; serverErrors?: FieldErrors } = {},
) {
  const form = useForm<input<S>, unknown, output<S>>({
    resolver: schemaResolver(schema),
    mode: "onSubmit",
    // The error summary takes focus instead (it links to each field).
    shouldFocusError: false,
    reValidateMode: "onChange",
    defaultValues: options.defaultValues,
  });
  const submit = useSubmit();
  const clientErrors: FieldErrors = {};
  flattenErrors(form.formState.errors, "", clientErrors);
  // After a new submit the browser's verdict wins; server errors remain for fields it passed.
  const errors: FieldErrors = { ...(options.serverErrors ?? {}), ...clientErrors };
  const handleSubmit = form.handleSubmit((_values, event) => {
    const target: unknown = event?.target;
    if (target instanceof HTMLFormElement) submit(target);
  });
  // React ignores what a handler returns; handleSubmit's promise is dropped on purpose.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => void handleSubmit(event);
  /** Props for a field: registration, the value to render on the server (no-JS), its error. */
  const field = (name: Path<input<S>>) => {
    const value = isRecord(options.defaultValues) ? options.defaultValues[name] : undefined;
    return {
      ...form.register(name),
      defaultValue: typeof value === "string" || typeof value === "number" ? value : undefined,
      error: errors[name],
    };
  };
  // Changes with every submit attempt (in the browser, or a new answer from the server), and
  // only then: the error summary takes focus on an attempt, not while the user is typing.
  const attempt = `${form.formState.submitCount}|${JSON.stringify(options.serverErrors ?? {})}`;
  return { ...form, errors, onSubmit, field, attempt };
}

/** react-hook-form nests errors of "rubric.0.key"; the summary and the fields use the dotted path. */
function flattenErrors(errors: unknown, prefix: string, out: FieldErrors): void {
  if (!errors || typeof errors !== "object") return;
  const message = "message" in errors ? errors.message : undefined;
  if (prefix && typeof message === "string") out[prefix] ??= message;
  for (const [key, value] of Object.entries(errors)) {
    // At the top level every key is a field name (even "message" or "type").
    if (prefix && (key === "message" || key === "type" || key === "types" || key === "ref")) continue;
    flattenErrors(value, key === "root" ? prefix : prefix ? `${prefix}.${key}` : key, out);
  }
}

export function fieldId(name: string): string {
  return `veld-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  /**
   * Required only in a case the hint names (e.g. a partial approval's amount): the label says
   * neither "(optioneel)" nor that it is always required; the server checks the case.
   */
  conditional?: boolean;
};

/** The hint under a label, referenced by the field's aria-describedby (`<id>-hint`). */
export function FieldHint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={`${id}-hint`} className="hint">
      {children}
    </p>
  );
}

/** The message next to a field with a problem (`<id>-error`), announced as an error. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="field-error">
      <span className="visually-hidden">Fout: </span>
      {message}
    </p>
  );
}

/** The ids a field's aria-describedby names: its hint, anything extra (a counter), its error. */
export function describedBy(id: string, hint?: ReactNode, error?: string, extra?: string): string | undefined {
  return [hint ? `${id}-hint` : null, extra ?? null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** Hint and error of a field, in the order every field shows them. */
export function HintAndError({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      <FieldHint id={id}>{hint}</FieldHint>
      <FieldError id={id} message={error} />
    </>
  );
}

export const TextField = forwardRef<HTMLInputElement, FieldProps>(function TextField(
  { name, label, hint, error, required, conditional, ...input },
  ref,
) {
  const id = fieldId(name);
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={id}>
        {label}
        {required || conditional ? null : <span className="optional"> (optioneel)</span>}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <input
        ref={ref}
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        aria-required={required || undefined}
        {...input}
      />
    </div>
  );
});

/**
 * The list of problems at the top of a form, each linking to its field. It takes focus after
 * a submit attempt so keyboard and screen-reader users land on it.
 */
export function ErrorSummary({
  errors,
  labels,
  attempt,
}: {
  errors: FieldErrors;
  labels: Record<string, string>;
  /** From useZodForm: focus moves here once per submit attempt */
  attempt: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const hasErrors = entries.length > 0;
  useEffect(() => {
    if (hasErrors) ref.current?.focus();
    // Only a new attempt moves focus; errors that change while typing do not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);
  if (entries.length === 0) return null;
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">Er is een probleem</h2>
      <ul>
        {entries.map(([name, message]) => (
          <li key={name}>
            {labels[name] ? (
              <a href={`#${fieldId(name)}`} onClick={(event) => focusField(event, fieldId(name))}>
                {`${labels[name]}: ${message}`}
              </a>
            ) : (
              message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Focuses the field an error summary link points to, with its label in view. Without this the
 * browser follows the "#veld-..." link, which Remix counts as a navigation: it drops the
 * action's answer, so the errors (and the form as the server returned it) would vanish.
 * Without JavaScript the plain link still jumps to the field.
 */
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  (target.closest(".field, fieldset") ?? target).scrollIntoView({ block: "start" });
  target.focus({ preventScroll: true });
}
