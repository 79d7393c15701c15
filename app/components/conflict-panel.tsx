import { displayFields, labelForPath } from "~/forms/display";
import type { Field, RawValues } from "~/forms/types";
import { formatDateTime } from "~/utils/time-format";
import { TableRegion } from "./table-region";

/**
 * Shown when a colleague saved the same step after this page was loaded: both versions side
 * by side. The form below keeps what this user typed; saving again replaces the colleague's
 * answers on purpose, reloading takes theirs.
 */
export function ConflictPanel({
  fields,
  mine,
  theirs,
  savedByName,
  savedAt,
}: {
  fields: readonly Field[];
  mine: RawValues;
  theirs: RawValues;
  savedByName: string | null;
  savedAt: string | null;
}) {
  const who = savedByName ?? "Een collega";
  const always = () => true;
  const mineRows = displayFields(
    fields.filter((f) => f.type !== "file"),
    mine,
    {},
    always,
  );
  const theirRows = new Map(
    displayFields(
      fields.filter((f) => f.type !== "file"),
      theirs,
      {},
      always,
    ).map((row) => [row.path, row.value]),
  );
  const differences = mineRows.filter((row) => (theirRows.get(row.path) ?? "") !== row.value);
  const paths = new Set(mineRows.map((row) => row.path));
  const onlyTheirs = [...theirRows.entries()].filter(([path]) => !paths.has(path));
  return (
    <div className="conflict" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">Uw wijzigingen zijn nog niet bewaard</h2>
      <p>
        {who} heeft deze stap bewaard{savedAt ? ` op ${formatDateTime(savedAt)}` : ""}, nadat u ze opende. Om niets te overschrijven zonder
        dat u het weet, hebben we uw versie niet bewaard. Vergelijk beide versies:
      </p>
      <TableRegion label={`Verschillen tussen uw versie en die van ${who}`}>
        <table>
          <caption className="visually-hidden">Verschillen tussen uw versie en die van {who}</caption>
          <thead>
            <tr>
              <th scope="col">Vraag</th>
              <th scope="col">Uw versie</th>
              <th scope="col">Versie van {who}</th>
            </tr>
          </thead>
          <tbody>
            {differences.map((row) => (
              <tr key={row.path}>
                <th scope="row">{row.label}</th>
                <td>{row.value}</td>
                <td>{theirRows.get(row.path) ?? "Niet ingevuld"}</td>
              </tr>
            ))}
            {onlyTheirs.map(([path, value]) => (
              <tr key={path}>
                <th scope="row">{labelForPath(fields, path) ?? path}</th>
                <td>Niet ingevuld</td>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <p>
        Wilt u uw versie houden? Kies hieronder opnieuw <strong>Tussentijds bewaren</strong>: uw antwoorden vervangen dan die van {who}.
        Wilt u de versie van {who}? <a href="">Laad de stap opnieuw</a>; uw wijzigingen vervallen dan.
      </p>
    </div>
  );
}
