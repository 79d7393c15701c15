import { Link } from "@remix-run/react";
import type { RecognitionCallLink } from "~/review/recognition-comparison.server";

/**
 * Links from the staff dashboard to the side-by-side comparison of each recognition call's
 * candidates. Load `calls` with recognitionCallLinks({ withCandidatesOnly: true }).
 */
export function RecognitionLinks({ calls }: { calls: readonly RecognitionCallLink[] }) {
  if (calls.length === 0) return null;
  return (
    <section aria-labelledby="erkenningen-vergelijken" className="recognition-links">
      <h2 id="erkenningen-vergelijken">Erkenningen: kandidaten vergelijken</h2>
      <ul>
        {calls.map((call) => (
          <li key={call.callId}>
            <Link to={`/te-beoordelen/erkenningen/${call.callId}`}>{`Vergelijk de kandidaten van ${call.title}`}</Link>{" "}
            <span className="hint">({candidateCount(call.candidates)})</span>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/te-beoordelen/erkenningen">Alle erkenningsoproepen</Link>
      </p>
    </section>
  );
}

export function candidateCount(count: number): string {
  return count === 1 ? "1 kandidaat" : `${count} kandidaten`;
}
