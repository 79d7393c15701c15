import type { ReportCell, ReportTable } from "~/reports/tables";
import { TableRegion } from "./table-region";

/**
 * One table of a report, with the link to the same table as CSV. The first column heads its
 * row. A wide or long table scrolls inside a region that keyboard users can reach.
 */
export function ReportTableView({ table, csvHref, long = false }: { table: ReportTable; csvHref: string; long?: boolean }) {
  const captionId = `tabel-${table.key}`;
  const content = (
    <table className="report-table">
      <caption id={captionId}>{table.caption}</caption>
      <thead>
        <tr>
          {table.columns.map((column) => (
            <th key={column.label} scope="col" className={column.numeric ? "amount" : undefined}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, index) => (
          <Row key={index} cells={row} table={table} />
        ))}
      </tbody>
      {table.totals.length > 0 ? (
        <tfoot>
          {table.totals.map((row, index) => (
            <Row key={index} cells={row} table={table} />
          ))}
        </tfoot>
      ) : null}
    </table>
  );
  return (
    <>
      <TableRegion labelledBy={captionId} className={long ? "report-table__scroll" : undefined}>
        {content}
      </TableRegion>
      <p className="report-download">
        <a href={csvHref} download>
          {table.downloadLabel}
        </a>
      </p>
    </>
  );
}

function Row({ cells, table }: { cells: ReportCell[]; table: ReportTable }) {
  const [head, ...rest] = cells;
  return (
    <tr>
      <th scope="row">{head?.text}</th>
      {rest.map((cell, index) => (
        <td key={index} className={table.columns[index + 1]?.numeric ? "amount" : undefined}>
          {cell.text}
        </td>
      ))}
    </tr>
  );
}
