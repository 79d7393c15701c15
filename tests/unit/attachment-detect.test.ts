import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bytesSource, detectFileFormat } from "~/attachments/detect";

// Fixtures in tests/fixtures/attachments were made with LibreOffice 7.4 (PDF, XLSX, ODS, DOCX,
// ODT export) and Info-ZIP (archief.zip): real files, a few kB each. begroting-macro.xlsm is
// begroting.xlsx with an xl/vbaProject.bin entry added.
function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.resolve("tests/fixtures/attachments", name)));
}

const detect = (bytes: Uint8Array) => detectFileFormat(bytesSource(bytes));

describe("detectFileFormat", () => {
  it("recognises a PDF by its %PDF- header", async () => {
    expect(await detect(fixture("statuten.pdf"))).toBe("pdf");
  });

  it("recognises an XLSX workbook by its ZIP entries", async () => {
    expect(await detect(fixture("begroting.xlsx"))).toBe("xlsx");
  });

  it("recognises an ODS spreadsheet by its stored mimetype entry", async () => {
    expect(await detect(fixture("begroting.ods"))).toBe("ods");
  });

  it("refuses a Windows executable renamed to .pdf", async () => {
    // The start of a PE file: "MZ", the DOS stub, and a PE header further on.
    const exe = new Uint8Array(512);
    exe.set([0x4d, 0x5a, 0x90, 0x00, 0x03]);
    exe.set(new TextEncoder().encode("This program cannot be run in DOS mode."), 0x4e);
    exe.set([0x50, 0x45, 0x00, 0x00], 0x80);
    expect(await detect(exe)).toBeNull();
  });

  it("refuses a Word document and a text document, although both are ZIP files", async () => {
    expect(await detect(fixture("statuten.docx"))).toBeNull();
    expect(await detect(fixture("statuten.odt"))).toBeNull();
  });

  it("refuses a ZIP archive without spreadsheet content", async () => {
    expect(await detect(fixture("archief.zip"))).toBeNull();
  });

  it("refuses an empty file and a file of a few bytes", async () => {
    expect(await detect(new Uint8Array())).toBeNull();
    expect(await detect(new TextEncoder().encode("%PD"))).toBeNull();
    expect(await detect(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBeNull();
  });

  it("refuses a PDF header that does not open the file", async () => {
    expect(await detect(new TextEncoder().encode("MZ....%PDF-1.7"))).toBeNull();
  });

  it("refuses a truncated workbook whose central directory is missing", async () => {
    const xlsx = fixture("begroting.xlsx");
    expect(await detect(xlsx.subarray(0, xlsx.byteLength - 200))).toBeNull();
  });

  it("refuses a workbook with macros (xl/vbaProject.bin)", async () => {
    // begroting.xlsx with a VBA container added (Python's zipfile), as in an .xlsm file.
    expect(await detect(fixture("begroting-macro.xlsm"))).toBeNull();
  });
});
