import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decisionLetterPdf, type DecisionLetterInput } from "~/documents/decision-letter.server";
import { demoSealCertificate } from "~/documents/demo-seal.server";
import { configuredSeal, readSealKey, type SealKey } from "~/documents/seal.server";
import { flowed, inspectPdf, pdfSignatures } from "../support/pdf-tools";

const PASSPHRASE = "proef-zegel";
let dir: string;
let p12: Buffer;
let key: SealKey;

const letter = (seal: DecisionLetterInput["seal"]): DecisionLetterInput => ({
  reference: "OEF-2026-0042",
  organisation: { name: "Kültür ve Dayanışma Derneği vzw", kind: "VZW", address: null },
  declaredAddress: null,
  contactPerson: null,
  programme: { code: "OEF", name: "Oefenkansen Nederlands", kind: "FUNDING", legalBasis: "Decreet van 7 juni 2013" },
  call: {
    title: "Oefenkansen Nederlands 2026",
    opensAt: new Date("2025-11-02T23:00:00Z"),
    closesAt: new Date("2025-12-19T22:59:59.999Z"),
    letter: {},
  },
  outcome: "APPROVED",
  requestedCents: 13_500_000,
  grantedCents: 13_500_000,
  motivation: "Sterk plan.",
  submittedAt: new Date("2025-12-15T15:40:00Z"),
  decidedAt: new Date("2026-01-27T14:02:00Z"),
  signatory: { name: "Łukasz Wiśniewski", jobTitle: "afdelingshoofd" },
  seal,
});

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "zegel-"));
  p12 = demoSealCertificate(PASSPHRASE, new Date("2026-01-01T00:00:00Z"));
  key = readSealKey(p12, PASSPHRASE);
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe("electronic seal", () => {
  it("seals a letter with a PAdES signature that pdfsig validates, and the letter says so", async () => {
    const pdf = await decisionLetterPdf(letter({ key, signedAt: new Date("2026-01-27T14:02:05Z") }));
    const report = await pdfSignatures(pdf);
    expect(report).toContain("Signature Type: ETSI.CAdES.detached");
    expect(report).toContain("Signing Hash Algorithm: SHA-256");
    expect(report).toContain("Signer Certificate Common Name: Agentschap Integratie en Inburgering (demozegel)");
    expect(report).toContain("Total document signed");
    expect(report).toContain("Signature Validation: Signature is Valid.");
    // Self-signed: valid, but nobody vouches for the signer.
    expect(report).not.toContain("Certificate Validation: Certificate is Trusted");

    const inspected = await inspectPdf(pdf);
    expect(inspected.qpdfCheck.ok, inspected.qpdfCheck.output).toBe(true);
    expect(inspected.xmp).toContain("<pdfaid:part>2</pdfaid:part>");
    for (const font of inspected.fonts) expect(font.embedded, font.name).toBe(true);
    expect(inspected.catalog["/AcroForm"]).toBeTruthy();
    expect(flowed(inspected.text)).toContain("Het draagt het elektronische zegel van het agentschap");
    expect(inspected.text.split("\n")).toContain("Łukasz Wiśniewski");
  });

  it("a changed byte breaks the seal", async () => {
    const pdf = await decisionLetterPdf(letter({ key, signedAt: new Date() }));
    const tampered = Buffer.from(pdf);
    const at = tampered.indexOf("/Title");
    tampered[at + 8] = tampered[at + 8]! ^ 1;
    expect(await pdfSignatures(tampered)).not.toContain("Signature is Valid.");
  });

  it("without a seal the letter has no signature and says it is not sealed", async () => {
    const pdf = await decisionLetterPdf(letter(null));
    expect(await pdfSignatures(pdf)).toContain("does not contain any signatures");
    expect(flowed((await inspectPdf(pdf)).text)).toContain("Het is niet elektronisch verzegeld.");
  });

  it("is configured by LETTER_SEAL_P12 and LETTER_SEAL_PASSPHRASE; a wrong passphrase is an error, not an unsealed letter", async () => {
    const file = path.join(dir, "zegel.p12");
    await writeFile(file, p12);
    const saved = { p12: process.env.LETTER_SEAL_P12, passphrase: process.env.LETTER_SEAL_PASSPHRASE };
    try {
      delete process.env.LETTER_SEAL_P12;
      expect(configuredSeal()).toBeNull();
      process.env.LETTER_SEAL_P12 = file;
      delete process.env.LETTER_SEAL_PASSPHRASE;
      expect(() => configuredSeal()).toThrow(/LETTER_SEAL_PASSPHRASE/);
      process.env.LETTER_SEAL_PASSPHRASE = "fout";
      expect(() => configuredSeal()).toThrow(/kan niet gelezen worden/);
      process.env.LETTER_SEAL_PASSPHRASE = PASSPHRASE;
      expect(configuredSeal()?.name).toBe("Agentschap Integratie en Inburgering (demozegel)");
    } finally {
      if (saved.p12 === undefined) delete process.env.LETTER_SEAL_P12;
      else process.env.LETTER_SEAL_P12 = saved.p12;
      if (saved.passphrase === undefined) delete process.env.LETTER_SEAL_PASSPHRASE;
      else process.env.LETTER_SEAL_PASSPHRASE = saved.passphrase;
    }
  });
});
