/**
 * Reads a PDF with the tools a recipient's archive would use (Debian's poppler-utils and qpdf),
 * not with our own parser: what they extract is what a reader gets.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import * as z from "zod";

const run = promisify(execFile);

export type PdfFont = { name: string; type: string; embedded: boolean; subset: boolean; unicode: boolean };

export type PdfInspection = {
  /** `pdftotext -layout`-free text, lines as the reader extracts them */
  text: string;
  fonts: PdfFont[];
  /** `pdfinfo` fields ("Title", "Tagged", "PDF version", …) */
  info: Record<string, string>;
  /** The XMP metadata packet (`pdfinfo -meta`) */
  xmp: string;
  /** `qpdf --check`: exit code 0 and its report */
  qpdfCheck: { ok: boolean; output: string };
  /** The document catalog, as qpdf's JSON shows it */
  catalog: Record<string, unknown>;
  /** Every structure type (/S) in the file, e.g. "/H1", "/P", "/LBody" */
  structureTypes: Set<string>;
};

// The parts of qpdf's JSON (version 2) the tests read: objects by "obj:N 0 R", and the trailer.
const qpdfJsonSchema = z.object({ qpdf: z.tuple([z.unknown(), z.record(z.string(), z.unknown())]) });
const dictionarySchema = z.object({ value: z.record(z.string(), z.unknown()) });
const trailerSchema = z.object({ value: z.object({ "/Root": z.string() }) });
/** A structure element: a dictionary with a type (/S) and a parent (/P). */
const structureElementSchema = z.object({ value: z.object({ "/S": z.string(), "/P": z.unknown() }) });

async function tool(command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string }; // execFile's error carries the outputs
    if (typeof failed.code !== "number") throw error;
    return { code: failed.code, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

/** pdffonts' table: the name column may contain spaces, the other columns are fixed words. */
function parseFonts(table: string): PdfFont[] {
  return table
    .split("\n")
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const match =
        /^(.+?)\s+(Type 1C?|Type 3|TrueType|CID Type 0C?|CID TrueType|Type 1 \(OT\)|CID Type 0 \(OT\))\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+/.exec(
          line,
        );
      if (!match) throw new Error(`pdffonts-regel niet begrepen: ${line}`);
      return { name: match[1]!, type: match[2]!, embedded: match[4] === "yes", subset: match[5] === "yes", unicode: match[6] === "yes" };
    });
}

export async function inspectPdf(pdf: Buffer): Promise<PdfInspection> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "pdf-inspect-"));
  const file = path.join(dir, "document.pdf");
  try {
    await writeFile(file, pdf);
    const [text, fonts, info, xmp, check, json] = await Promise.all([
      tool("pdftotext", ["-enc", "UTF-8", file, "-"]),
      tool("pdffonts", [file]),
      tool("pdfinfo", [file]),
      tool("pdfinfo", ["-meta", file]),
      tool("qpdf", ["--check", file]),
      tool("qpdf", ["--json=2", "--json-key=qpdf", file]),
    ]);
    for (const [name, result] of Object.entries({ pdftotext: text, pdffonts: fonts, pdfinfo: info, qpdf: json })) {
      if (result.code !== 0) throw new Error(`${name} faalde (${result.code}): ${result.stderr}`);
    }
    const objects = qpdfJsonSchema.parse(JSON.parse(json.stdout)).qpdf[1];
    const root = trailerSchema.parse(objects["trailer"]).value["/Root"];
    const structureTypes = new Set<string>();
    for (const object of Object.values(objects)) {
      const element = structureElementSchema.safeParse(object);
      if (element.success) structureTypes.add(element.data.value["/S"]);
    }
    return {
      text: text.stdout,
      fonts: parseFonts(fonts.stdout),
      info: Object.fromEntries(
        info.stdout
          .split("\n")
          .filter((line) => line.includes(":"))
          .map((line) => [line.slice(0, line.indexOf(":")).trim(), line.slice(line.indexOf(":") + 1).trim()]),
      ),
      xmp: xmp.stdout,
      qpdfCheck: { ok: check.code === 0, output: check.stdout + check.stderr },
      catalog: dictionarySchema.parse(objects[`obj:${root}`]).value,
      structureTypes,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `pdfsig`'s report on the signatures of a PDF (exit code 0 also when there are none). */
export async function pdfSignatures(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "pdf-sig-"));
  const file = path.join(dir, "document.pdf");
  try {
    await writeFile(file, pdf);
    const result = await tool("pdfsig", [file]);
    return result.stdout + result.stderr;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The extracted text with every run of white space as one space: for sentences that wrap. */
export function flowed(text: string): string {
  return text.replace(/\s+/g, " ");
}
