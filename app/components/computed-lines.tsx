import { useFormContext, useWatch } from "react-hook-form";
import type { RawValues, Step } from "~/forms/types";
import { validateFields } from "~/forms/validation";

/** Totals computed from what is typed (budget, maximum contribution), updated while typing. */
export function ComputedLines({ step, settings, values }: { step: Step<unknown>; settings: unknown; values?: RawValues }) {
  // The wizard's form holds the answers as typed (useForm<RawValues> in the step page).
  const context = useFormContext<RawValues>();
  const watched = useWatch({ control: context?.control });
  const current = values ?? watched ?? {};
  const parsed = validateFields(step.fields, current, { attachmentCounts: {} }, () => undefined);
  return (
    <dl className="computed" aria-live="polite">
      {(step.computed ?? []).map((line) => (
        <div key={line.label}>
          <dt>{line.label}</dt>
          <dd>{line.value(parsed, settings) ?? "Wordt berekend zodra de bedragen ingevuld zijn."}</dd>
        </div>
      ))}
    </dl>
  );
}
