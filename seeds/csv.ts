/**
 * A small RFC 4180 CSV reader for the reference files in seeds/: quoted fields (with "" as an
 * escaped quote, commas and line breaks inside quotes), CRLF or LF line ends, a UTF-8 byte
 * order mark, blank lines skipped. Bytes that are not valid UTF-8 are refused rather than
 * silently replaced, so a mis-encoded file cannot slip a "�" into a municipality's name.
 */
import { readFileSync } from "node:fs";

export function decodeUtf8(bytes: Uint8Array, source = "CSV"): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new Error(`${source} is geen geldige UTF-8-tekst.`);
  }
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let fieldWasQuoted = false;
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const endField = () => {
    row.push(field);
    field = "";
    fieldWasQuoted = false;
  };
  const endRow = () => {
    endField();
    // A blank line is a single empty, unquoted field: skip it.
    if (!(row.length === 1 && row[0] === "")) rows.push(row);
    row = [];
  };

  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (c === "\n") line++;
        field += c;
      }
    } else if (c === '"') {
      if (field !== "" || fieldWasQuoted) throw new Error(`CSV regel ${line}: onverwacht aanhalingsteken.`);
      quoted = true;
      fieldWasQuoted = true;
    } else if (c === ",") {
      endField();
    } else if (c === "\r" || c === "\n") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRow();
      line++;
    } else {
      if (fieldWasQuoted) throw new Error(`CSV regel ${line}: tekst na een afgesloten aanhalingsteken.`);
      field += c;
    }
  }
  if (quoted) throw new Error(`CSV regel ${line}: aanhalingsteken wordt niet gesloten.`);
  if (field !== "" || fieldWasQuoted || row.length > 0) endRow();
  return rows;
}

/**
 * Rows as objects keyed by the header. The header must contain exactly `columns` (in this
 * order) and every row must have as many fields as the header.
 */
export function parseCsvRecords<C extends string>(text: string, columns: readonly C[]): Array<Record<C, string>> {
  const [header, ...rows] = parseCsv(text);
  if (!header || header.join(",") !== columns.join(",")) {
    throw new Error(`CSV-kop is "${header?.join(",") ?? ""}", verwacht "${columns.join(",")}".`);
  }
  return rows.map((fields, index) => {
    if (fields.length !== columns.length) {
      throw new Error(`CSV-rij ${index + 2}: ${fields.length} velden, verwacht ${columns.length}.`);
    }
    return Object.fromEntries(columns.map((column, k) => [column, fields[k]!.trim()])) as Record<C, string>;
  });
}

export function readCsvRecords<C extends string>(file: string, columns: readonly C[]): Array<Record<C, string>> {
  return parseCsvRecords(decodeUtf8(readFileSync(file), file), columns);
}
