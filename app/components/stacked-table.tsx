import type { ReactNode } from "react";

export type StackedColumn<Row> = { label: string; amount?: boolean; cell: (row: Row) => ReactNode };

/**
 * A list table that becomes stacked rows on a narrow screen (app.css, below 40rem): each row a
 * block, each cell preceded by its column's name (from data-label). The explicit ARIA roles keep
 * the table's semantics in browsers that drop them once a table's display changes (Safari).
 */
export function StackedTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  caption: string;
  columns: Array<StackedColumn<Row>>;
  rows: Row[];
  rowKey: (row: Row) => string;
}) {
  return (
    <table className="table--stacked" role="table">
      <caption>{caption}</caption>
      <thead role="rowgroup">
        <tr role="row">
          {columns.map((column) => (
            <th key={column.label} scope="col" role="columnheader" className={column.amount ? "amount" : undefined}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup">
        {rows.map((row) => (
          <tr key={rowKey(row)} role="row">
            {columns.map((column) => (
              <td key={column.label} role="cell" data-label={column.label} className={column.amount ? "amount" : undefined}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
