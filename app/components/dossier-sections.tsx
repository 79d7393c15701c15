import { Link } from "@remix-run/react";

type Section = {
  stepId: string;
  title: string;
  rows: Array<{ label: string; value: string; path: string }>;
  problems: Array<{ label: string; message: string }>;
  computed: Array<{ label: string; value: string | null }>;
};

/** All answers, step by step: the summary before submitting, the receipt and the print view. */
export function DossierSections({
  applicationId,
  basePath = `/dossiers/${applicationId}`,
  sections,
  editable,
}: {
  applicationId: string;
  /** Where the steps live: the dossier's, or one of its reports' */
  basePath?: string;
  sections: Section[];
  editable: boolean;
}) {
  return (
    <>
      {sections.map((section) => (
        <section key={section.stepId} className="summary-section" aria-labelledby={`sectie-${section.stepId}`}>
          <div className="summary-heading">
            <h2 id={`sectie-${section.stepId}`}>{section.title}</h2>
            {editable ? (
              <Link to={`${basePath}/stap/${section.stepId}`} className="no-print">
                Wijzigen<span className="visually-hidden"> ({section.title})</span>
              </Link>
            ) : null}
          </div>
          {editable && section.problems.length > 0 ? (
            <div className="notice notice--warning">
              <p>Nog aan te vullen:</p>
              <ul>
                {section.problems.map((problem) => (
                  <li key={`${problem.label}-${problem.message}`}>
                    {problem.label}: {problem.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <AnswerList rows={section.rows} computed={section.computed} />
        </section>
      ))}
    </>
  );
}

/** One step's answers as a definition list: the summary's sections and a read-only step page. */
export function AnswerList({ rows, computed }: Pick<Section, "rows" | "computed">) {
  return (
    <dl className="summary">
      {rows.map((row) => (
        <div key={row.path}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
      {computed.map((line) => (
        <div key={line.label}>
          <dt>{line.label}</dt>
          <dd>{line.value ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}
