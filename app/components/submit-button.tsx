import { useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A form's submit button that says the portal is working while its post runs: its label
 * becomes `busyLabel` ("Bezig met indienen…"), its form gets aria-busy="true", and a second
 * press is ignored. It is never `disabled`, so focus stays on it (a disabled button loses it).
 *
 * It counts as pressed when a form is submitted through it, or through a hidden duplicate with
 * the same name and value (Enter in a field of the wizard); any other submit on the page makes
 * it unpressed again. It is busy while pressed and a post to its form's action is under way, so
 * a post the page's own checks stop (react-hook-form) never shows it busy.
 */
export function SubmitButton({
  children,
  busyLabel,
  className = "button",
  name,
  value,
}: {
  children: ReactNode;
  /** What the button says while its post runs, e.g. "Bezig met indienen…" */
  busyLabel: string;
  className?: string;
  name?: string;
  value?: string;
}) {
  const navigation = useNavigation();
  const ref = useRef<HTMLButtonElement>(null);
  const [pressed, setPressed] = useState(false);
  const form = ref.current?.form;
  const busy =
    pressed &&
    navigation.state !== "idle" &&
    navigation.formAction !== undefined &&
    form !== null &&
    form !== undefined &&
    new URL(navigation.formAction, form.action).pathname === new URL(form.action).pathname;

  useEffect(() => {
    const onSubmit = (event: SubmitEvent) => {
      const button = ref.current;
      if (!button) return;
      if (event.target === button.form && button.form?.getAttribute("aria-busy") === "true") {
        // A post of this form is already on its way: neither the browser nor the page sends another.
        event.preventDefault();
        event.stopPropagation();
        return;
      }
      const submitter = event.submitter;
      setPressed(
        event.target === button.form &&
          (submitter === button ||
            (submitter instanceof HTMLButtonElement && name !== undefined && submitter.name === name && submitter.value === (value ?? ""))),
      );
    };
    // Capturing on the document: before the page's own handlers, for every form of the page.
    document.addEventListener("submit", onSubmit, true);
    return () => document.removeEventListener("submit", onSubmit, true);
  }, [name, value]);

  // Done (the answer came, or the page moved on): unpressed again.
  const previous = useRef(navigation.state);
  useEffect(() => {
    if (previous.current !== "idle" && navigation.state === "idle") setPressed(false);
    previous.current = navigation.state;
  }, [navigation.state]);

  // Only the busy button marks its form, and unmarks it when it is done (a form has several).
  const marked = useRef<HTMLFormElement | null>(null);
  useEffect(() => {
    if (busy && form) {
      form.setAttribute("aria-busy", "true");
      marked.current = form;
    } else if (!busy && marked.current) {
      marked.current.removeAttribute("aria-busy");
      marked.current = null;
    }
  }, [busy, form]);

  return (
    <button ref={ref} type="submit" name={name} value={value} className={className} aria-disabled={busy ? true : undefined}>
      {busy ? busyLabel : children}
    </button>
  );
}
