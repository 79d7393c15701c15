import { Link } from "@remix-run/react";
import type { ComparisonCell, RecognitionComparison } from "~/review/recognition-comparison.server";
import { TableRegion } from "./table-region";

const OVERLAP_EXPLANATION = "twee of meer organisaties werken rond hetzelfde thema, in dezelfde provincie, voor hetzelfde facet";

/**
 * The comparison matrix: one column per organisation, one row per option of each dimension.
 * Overlap is marked with an icon and text as well as a background, never by colour alone.
 */
export function RecognitionMatrix({ comparison }: { comparison: RecognitionComparison }) {
  const { columns, groups } = comparison;
  const span = columns.length + 1;
  return (
    <TableRegion labelledBy="vergelijking-titel">
      <table className="recognition-matrix">
        <caption id="vergelijking-titel">Vergelijking van de organisaties</caption>
        <thead>
          <tr>
            <td />
            {columns.map((column) => (
              <th scope="col" key={column.id}>
                {column.name}
                {column.kind === "recognised" ? <span className="recognition-matrix__tag">al erkend</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Dossier</th>
            {columns.map((column) => (
              <td key={column.id}>
                <Link to={`/dossiers/${column.applicationId}`}>{column.reference ?? "Dossier"}</Link>
                {column.recognisedIn ? <span className="hint recognition-matrix__note">{column.recognisedIn}</span> : null}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Status</th>
            {columns.map((column) => (
              <td key={column.id}>
                <span className="status">{column.statusLabel}</span>
                {column.period ? <span className="hint recognition-matrix__note">{column.period}</span> : null}
                {column.inOverlap ? null : <span className="hint recognition-matrix__note">telt niet mee voor overlap</span>}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Voorstel</th>
            {columns.map((column) => (
              <td key={column.id}>{column.proposalLabel ?? "—"}</td>
            ))}
          </tr>
        </tbody>
        {groups.map((group) => (
          <tbody key={group.dimension}>
            <tr className="recognition-matrix__group">
              <th scope="rowgroup" colSpan={span}>
                {group.heading}
                <span className="recognition-matrix__group-note">
                  {group.definesOverlap ? " (bepaalt overlap)" : " (ter informatie, bepaalt geen overlap)"}
                </span>
              </th>
            </tr>
            {group.rows.map((row) => (
              <tr key={row.value} className={row.overlap ? "overlap-row" : undefined}>
                <th scope="row">
                  {row.label}
                  {row.overlap ? (
                    <span className="overlap-flag">
                      <span aria-hidden="true">⚠ </span>Overlap
                      <span className="visually-hidden">{`: ${OVERLAP_EXPLANATION}.`}</span>
                    </span>
                  ) : null}
                </th>
                {row.cells.map((cell, index) => (
                  <MatrixCell key={columns[index]?.id ?? index} cell={cell} />
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </TableRegion>
  );
}

function MatrixCell({ cell }: { cell: ComparisonCell }) {
  if (cell.covered && cell.overlap) {
    return (
      <td className="matrix-cell matrix-cell--overlap">
        <span aria-hidden="true">⚠ </span>Ja, overlap
      </td>
    );
  }
  if (cell.covered) {
    return (
      <td className="matrix-cell matrix-cell--yes">
        <span aria-hidden="true">✓ </span>Ja
      </td>
    );
  }
  return (
    <td className="matrix-cell matrix-cell--no">
      <span aria-hidden="true">– </span>Nee
    </td>
  );
}
