/**
 * An independent RFC 4180 reader with a chosen separator, to read back what the portal
 * exports (";" for Excel nl-BE). Strict: a stray quote or an unterminated field throws.
 */
export function readCsv(text: string, separator = ";"): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && field === "") {
      const close = () => {
        for (let j = i + 1; j < text.length; j++) {
          if (text[j] === '"') {
            if (text[j + 1] === '"') j++;
            else return j;
          }
        }
        throw new Error("Aanhalingsteken niet gesloten");
      };
      const end = close();
      field = text.slice(i + 1, end).replace(/""/g, '"');
      i = end + 1;
      if (i < text.length && text[i] !== separator && text[i] !== "\r") throw new Error(`Tekst na aanhalingsteken op ${i}`);
      continue;
    }
    if (c === '"') throw new Error(`Onverwacht aanhalingsteken op ${i}`);
    if (c === separator) {
      row.push(field);
      field = "";
      i++;
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 2;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== "" || row.length > 0) throw new Error("Laatste regel eindigt niet op CRLF");
  return rows;
}
