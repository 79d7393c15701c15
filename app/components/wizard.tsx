import { Link } from "@remix-run/react";
import { isDeadlineNear } from "~/calls/call-state";
import { isPastDeadline } from "~/calls/deadline";
import { formatDateTime } from "~/utils/time-format";
import { Countdown } from "./countdown";

type StepState = "complete" | "incomplete" | "empty";

const STATE_LABELS: Record<StepState, string> = {
  complete: "volledig",
  incomplete: "nog aan te vullen",
  empty: "nog niet ingevuld",
};

/** The step list with progress; every step can be revisited at any time. */
export function WizardSteps({
  applicationId,
  basePath = `/dossiers/${applicationId}`,
  label = "Stappen van de aanvraag",
  steps,
  currentId,
}: {
  applicationId: string;
  /** Where the steps live: the dossier's, or one of its reports' (docs/decisions/0057) */
  basePath?: string;
  label?: string;
  steps: ReadonlyArray<{ id: string; title: string; state: StepState }>;
  /** A step id, or "overzicht" for the summary page */
  currentId: string;
}) {
  const done = steps.filter((step) => step.state === "complete").length;
  return (
    <nav className="wizard-steps" aria-label={label}>
      <p className="wizard-progress">
        {done} van {steps.length} stappen volledig
        <progress max={steps.length} value={done} aria-hidden="true" />
      </p>
      <ol>
        {steps.map((step, index) => (
          <li key={step.id} className={`wizard-step wizard-step--${step.state}`}>
            <Link to={`${basePath}/stap/${step.id}`} aria-current={step.id === currentId ? "step" : undefined}>
              <span className="wizard-step-number">{index + 1}.</span> {step.title}
              <span className="wizard-step-state"> ({STATE_LABELS[step.state]})</span>
            </Link>
          </li>
        ))}
        <li className="wizard-step">
          <Link to={`${basePath}/overzicht`} aria-current={currentId === "overzicht" ? "step" : undefined}>
            <span className="wizard-step-number">{steps.length + 1}.</span> Overzicht en indienen
          </Link>
        </li>
      </ol>
    </nav>
  );
}

/**
 * The organisation's deadline, the time left, and a warning in the last 48 hours. Once the
 * deadline has passed it shows nothing: the page then says so once, with the refusal's own
 * message (deadlinePassedMessage in app/applications/editability.ts).
 */
export function DeadlineNotice({ closesAt, serverNow, extended }: { closesAt: string; serverNow: string; extended: boolean }) {
  if (isPastDeadline(closesAt, new Date(serverNow))) return null;
  const near = isDeadlineNear(closesAt, new Date(serverNow));
  return (
    <p className={near ? "notice notice--warning deadline" : "deadline"}>
      {near ? <strong>Opgelet: de deadline is binnen 48 uur. </strong> : null}
      Indienen kan tot {formatDateTime(closesAt)}
      {extended ? " (verlengde termijn voor uw organisatie)" : ""}: <Countdown until={closesAt} serverNow={serverNow} />.
    </p>
  );
}
