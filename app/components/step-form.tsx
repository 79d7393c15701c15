import { Form, Link, useFetcher, useNavigation } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { labelForPath } from "~/forms/display";
import type { AnyFormDefinition } from "~/forms/registry";
import type { ParsedValues, RawValues } from "~/forms/types";
import { stepSchema } from "~/forms/validation";
import { schemaResolver } from "~/utils/schema-resolver";
import { brusselsTime, formatDate } from "~/utils/time-format";
import { ComputedLines } from "./computed-lines";
import { ConflictPanel } from "./conflict-panel";
import { FileField } from "./file-field";
import { StepFields, type UploadedFile } from "./form-fields";
import { ErrorSummary } from "./forms";
import { SubmitButton } from "./submit-button";
import { DeadlineNotice, WizardSteps } from "./wizard";

const AUTOSAVE_DELAY_MS = 2_000;

/**
 * What a step page of the wizard shows, whatever it fills: a dossier's application
 * (/dossiers/:id/stap/:step) or one of its reports (/dossiers/:id/verslagen/:phase/stap/:step,
 * docs/decisions/0057). The routes load it; this component is the one form for both.
 */
export type StepFormPage = {
  /** Where the steps and the summary live */
  basePath: string;
  /** The dossier's page ("Terug naar het dossier") */
  dossierPath: string;
  /** The step list's accessible name */
  stepsLabel?: string;
  header: {
    organisationName: string;
    callTitle: string;
    formTitle: string;
    closesAt: string;
    serverNow: string;
    deadlineExtended: boolean;
  };
  stepId: string;
  stepIndex: number;
  steps: ReadonlyArray<{ id: string; title: string; state: "complete" | "incomplete" | "empty" }>;
  settings: unknown;
  uploads: Record<string, UploadedFile[]>;
  version: number;
  fingerprint: string;
  lastSavedAt: string | null;
};

/** The server's answer to a button post that stays on the page. */
export type StepFormShown = {
  kind: "shown";
  outcome: "saved" | "refused" | "conflict";
  values: RawValues;
  errors: Record<string, string>;
  message?: string;
  focusPath?: string;
  conflict?: { theirs: RawValues; version: number; fingerprint: string; savedByName: string | null; savedAt: string | null };
  saved?: { version: number; fingerprint: string };
  revision: string;
};

/** The server's answer to an autosave (or a refusal of it). */
type AutosaveAnswer = { kind: "autosaved"; version: number; fingerprint: string; savedAt: string } | StepFormShown;

type PageData = StepFormPage;
type Shown = StepFormShown;

/** The heading, the step list and the way back around a step's form or its read-only answers. */
export function StepFrame({
  page,
  title,
  deadline,
  children,
}: {
  page: PageData;
  title: string;
  deadline?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="wizard">
      <p className="eyebrow">
        {page.header.organisationName} · {page.header.callTitle}
      </p>
      <h1>
        <span className="visually-hidden">{page.header.formTitle}, </span>
        Stap {page.stepIndex + 1} van {page.steps.length}: {title}
      </h1>
      {deadline}
      <div className="wizard-layout">
        <WizardSteps applicationId="" basePath={page.basePath} label={page.stepsLabel} steps={page.steps} currentId={page.stepId} />
        <div className="wizard-main">
          {children}
          <p>
            <Link to={page.dossierPath}>Terug naar het dossier</Link>
          </p>
        </div>
      </div>
    </section>
  );
}

/**
 * One step's form: the fields as data, validation next to each field with an error summary,
 * autosave a moment after typing, conflicts shown side by side, and buttons that work without
 * JavaScript.
 */
export function StepForm({
  page,
  shown,
  step,
  values,
  canRemoveFiles = true,
}: {
  page: PageData;
  shown?: Shown;
  step: AnyFormDefinition["steps"][number];
  values: RawValues;
  canRemoveFiles?: boolean;
}) {
  const navigation = useNavigation();
  const autosave = useFetcher<AutosaveAnswer>();
  const formRef = useRef<HTMLFormElement>(null);
  const [base, setBase] = useState(() =>
    shown?.conflict
      ? { version: shown.conflict.version, fingerprint: shown.conflict.fingerprint }
      : (shown?.saved ?? { version: page.version, fingerprint: page.fingerprint }),
  );
  const [savedAt, setSavedAt] = useState<string | null>(page.lastSavedAt);
  const [autosaveProblem, setAutosaveProblem] = useState<string | null>(null);

  const attachmentCounts = useMemo(
    () => Object.fromEntries(Object.entries(page.uploads).map(([field, files]) => [field, files.length])),
    [page.uploads],
  );
  const schema = useMemo(() => stepSchema(step, page.settings, { attachmentCounts }), [step, page.settings, attachmentCounts]);
  const methods = useForm<RawValues, unknown, ParsedValues>({
    resolver: schemaResolver(schema),
    mode: "onTouched",
    shouldFocusError: false,
    defaultValues: values,
  });

  // Answers from the autosave: the next save builds on the version it created.
  useEffect(() => {
    const answer = autosave.data;
    if (!answer) return;
    if (answer.kind === "autosaved") {
      setBase({ version: answer.version, fingerprint: answer.fingerprint });
      setSavedAt(answer.savedAt);
      setAutosaveProblem(null);
    } else if (answer.kind === "shown" && answer.outcome === "conflict") {
      setAutosaveProblem("Een collega heeft deze stap intussen gewijzigd. Bewaar om beide versies te zien.");
    } else if (answer.kind === "shown" && answer.message) {
      setAutosaveProblem(answer.message);
    }
  }, [autosave.data]);

  // Saves while typing, a moment after the last keystroke; files are sent only with the buttons.
  const watched = useWatch({ control: methods.control });
  const firstRender = useRef(true);
  const autosaveTimer = useRef<number>();
  // Read when the timer fires, not when it was set: a button may have been pressed since.
  const busy = useRef(false);
  busy.current = navigation.state !== "idle" || autosave.state !== "idle";
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (!methods.formState.isDirty) return;
    const timer = (autosaveTimer.current = window.setTimeout(() => {
      const element = formRef.current;
      if (!element || busy.current) return;
      const formData = new FormData(element);
      for (const input of element.querySelectorAll<HTMLInputElement>("input[type=file]")) formData.delete(input.name);
      formData.set("intent", "autosave");
      formData.set("baseVersion", String(base.version));
      formData.set("baseFingerprint", base.fingerprint);
      autosave.submit(formData, { method: "post" });
    }, AUTOSAVE_DELAY_MS));
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change of the answers starts the timer
  }, [watched]);

  const clientErrors: Record<string, string> = {};
  collectErrors(methods.formState.errors, "", clientErrors);
  const serverErrors = shown?.errors ?? {};
  const errors: Record<string, string> = { ...serverErrors };
  for (const path of Object.keys(serverErrors)) if (methods.getFieldState(path).isTouched && !clientErrors[path]) delete errors[path];
  Object.assign(errors, clientErrors);
  const labels = Object.fromEntries(
    Object.keys(errors).flatMap((path) => {
      const label = labelForPath(step.fields, path);
      return label ? [[path, label]] : [];
    }),
  );
  const attempt = `${methods.formState.submitCount}|${shown?.revision ?? ""}`;
  const index = page.stepIndex;
  const isLast = index === page.steps.length - 1;
  // A step with a file field sends its files with the buttons (never with the autosave).
  const busyLabel = step.fields.some((field) => field.type === "file") ? "Bezig met bewaren en opladen…" : "Bezig met bewaren…";

  return (
    <StepFrame
      page={page}
      title={step.title}
      deadline={
        <DeadlineNotice closesAt={page.header.closesAt} serverNow={page.header.serverNow} extended={page.header.deadlineExtended} />
      }
    >
      {shown?.conflict ? (
        <ConflictPanel
          fields={step.fields}
          mine={values}
          theirs={shown.conflict.theirs}
          savedByName={shown.conflict.savedByName}
          savedAt={shown.conflict.savedAt}
        />
      ) : null}
      {shown?.outcome === "saved" && Object.keys(shown.errors).length === 0 ? (
        <p className="notice" role="status">
          Uw antwoorden zijn bewaard.
        </p>
      ) : null}
      {shown?.outcome === "saved" && Object.keys(shown.errors).length > 0 ? (
        <p className="notice notice--warning" role="status">
          Uw antwoorden zijn bewaard, maar deze stap is nog niet volledig.
        </p>
      ) : null}
      <ErrorSummary errors={errors} labels={labels} attempt={attempt} />
      {step.intro ? <p className="intro">{step.intro}</p> : null}
      <FormProvider {...methods}>
        <Form
          method="post"
          encType="multipart/form-data"
          noValidate
          ref={formRef}
          className="stack"
          aria-label={step.title}
          // A button post saves these answers itself; an autosave after it would only race it.
          onSubmit={() => window.clearTimeout(autosaveTimer.current)}
        >
          {/* Enter in a field means "save and continue", not the first row button. */}
          <button type="submit" name="intent" value="next" className="visually-hidden" tabIndex={-1} aria-hidden="true">
            Bewaren en verder
          </button>
          <input type="hidden" name="baseVersion" value={base.version} />
          <input type="hidden" name="baseFingerprint" value={base.fingerprint} />
          <StepFields
            fields={step.fields}
            values={values}
            errors={errors}
            uploads={page.uploads}
            focusPath={shown?.focusPath}
            renderFile={(field, props) => (
              <FileField
                name={field.name}
                label={field.label}
                hint={field.hint}
                kind={field.accept}
                required={field.required}
                files={props.files}
                error={props.error}
                canRemove={canRemoveFiles}
              />
            )}
          />
          {step.computed ? <ComputedLines step={step} settings={page.settings} /> : null}
          <div className="wizard-actions">
            <SubmitButton name="intent" value="next" busyLabel={busyLabel}>
              {isLast ? "Bewaren en naar het overzicht" : "Bewaren en verder"}
            </SubmitButton>
            <SubmitButton name="intent" value="save" className="button button--secondary" busyLabel={busyLabel}>
              Tussentijds bewaren
            </SubmitButton>
            {index > 0 ? (
              <SubmitButton name="intent" value="previous" className="button button--secondary" busyLabel={busyLabel}>
                Vorige stap
              </SubmitButton>
            ) : null}
          </div>
          <p className="autosave-status" role="status">
            {autosaveProblem ?? (savedAt ? `Laatst bewaard om ${brusselsTime(savedAt)} op ${formatDate(savedAt)}.` : "Nog niet bewaard.")}
          </p>
        </Form>
      </FormProvider>
    </StepFrame>
  );
}

/** react-hook-form's nested errors as "path": "message". */
function collectErrors(node: unknown, prefix: string, into: Record<string, string>) {
  if (!node || typeof node !== "object") return;
  const message = "message" in node ? node.message : undefined;
  if (typeof message === "string" && prefix) {
    into[prefix] = message;
    return;
  }
  for (const [key, child] of Object.entries(node)) {
    if (key === "ref" || key === "type" || key === "types") continue;
    collectErrors(child, prefix ? `${prefix}.${key}` : key, into);
  }
}
