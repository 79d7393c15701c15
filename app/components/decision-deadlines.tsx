import { Link } from "@remix-run/react";
import type { DeadlineLine } from "~/review/call-overview.server";
import { decisionDeadlineState, describeDaysLeft, describeOverdue, describeUndecided } from "~/review/decision-deadline";
import { formatDate } from "~/utils/time-format";

/** One line per call with an open decision deadline, for the staff dashboard. */
export function DecisionDeadlineList({ lines }: { lines: DeadlineLine[] }) {
  if (lines.length === 0) return <p>Er zijn geen openstaande beslissingstermijnen.</p>;
  return (
    <ul className="deadline-lines">
      {lines.map((line) => {
        const state = decisionDeadlineState(line.daysLeft);
        return (
          <li key={line.callId} className={`deadline-line deadline-line--${state}`}>
            <Link to={`/te-beoordelen/oproepen/${line.callId}`}>{line.title}</Link>: beslissing uiterlijk {formatDate(line.dueAt)} (
            {state === "passed" ? <strong>termijn {describeDaysLeft(line.daysLeft)}</strong> : describeDaysLeft(line.daysLeft)}),{" "}
            {describeUndecided(line.undecided)}
            {line.overdue > 0 ? (
              <>
                ,{" "}
                <Link to={`/te-beoordelen?oproep=${line.callId}&achterstand=ja`}>
                  <strong>{describeOverdue(line.overdue)}</strong>
                </Link>
              </>
            ) : null}
            .
          </li>
        );
      })}
    </ul>
  );
}
