import { describe, expect, it, vi } from "vitest";
import { addresseeOf } from "~/documents/addressee";
import { decisionLetterFilename, decisionLetterPdf, type DecisionLetterInput } from "~/documents/decision-letter.server";
import { DEFAULT_SIGNATORY_TITLE, letterSettingsOf, letterTextsFor } from "~/documents/letter-texts";
import { renderPdf } from "~/documents/pdf.server";
import { letterPartsOfAnswers } from "~/review/letter.server";
import { flowed, inspectPdf, type PdfInspection } from "../support/pdf-tools";

const ORGANISATION = "Kültür ve Dayanışma Derneği vzw";
const DECIDER = "Łukasz Wiśniewski";

/** What every document of the portal must be: PDF/A-2b, tagged, Dutch, fonts embedded, sound. */
function expectArchivable(pdf: PdfInspection, title: string) {
  expect(pdf.qpdfCheck.ok, pdf.qpdfCheck.output).toBe(true);
  expect(pdf.info["PDF version"]).toBe("1.7");
  expect(pdf.info["Title"]).toBe(title);
  expect(pdf.info["Tagged"]).toBe("yes");
  expect(pdf.info["Encrypted"]).toBe("no");
  expect(pdf.fonts.length).toBeGreaterThan(0);
  for (const font of pdf.fonts) expect(font, font.name).toMatchObject({ embedded: true, unicode: true, type: "CID TrueType" });
  expect(pdf.xmp).toContain("<pdfaid:part>2</pdfaid:part>");
  expect(pdf.xmp).toContain("<pdfaid:conformance>B</pdfaid:conformance>");
  expect(pdf.xmp).toContain(`<rdf:li xml:lang="x-default">${title}</rdf:li>`);
  expect(pdf.catalog["/Lang"]).toBe("u:nl-BE");
  expect(pdf.catalog["/OutputIntents"]).toHaveLength(1);
  expect(pdf.catalog["/StructTreeRoot"]).toBeTruthy();
}

function letter(overrides: Partial<DecisionLetterInput> = {}): DecisionLetterInput {
  return {
    reference: "ERK-2026-0007",
    organisation: { name: ORGANISATION, kind: "VZW", address: { street: "Sleepstraat 12", postalCode: "9000", city: "Gent" } },
    declaredAddress: null,
    contactPerson: { name: "Ayşe Yılmaz", role: "coördinator" },
    programme: {
      code: "SOC",
      name: "Sociale cohesie en participatie in een diverse samenleving",
      kind: "FUNDING",
      legalBasis: "Decreet van 7 juni 2013 betreffende het Vlaamse integratie- en inburgeringsbeleid",
    },
    call: {
      title: "Sociale cohesie – oproep 2026",
      opensAt: new Date("2026-01-04T23:00:00Z"),
      closesAt: new Date("2026-02-16T22:59:59.999Z"),
      letter: {},
    },
    outcome: "APPROVED",
    requestedCents: 1_234_567,
    grantedCents: 1_234_567,
    motivation: "Sterk plan met duidelijke partners in het onderwijs.",
    submittedAt: new Date("2026-02-10T09:30:00Z"),
    decidedAt: new Date("2026-04-15T08:00:00Z"),
    signatory: { name: DECIDER, jobTitle: "afdelingshoofd Lokaal Integratiebeleid" },
    seal: null,
    ...overrides,
  };
}

describe("PDF writer", () => {
  it("writes a tagged PDF/A-2b with embedded fonts whose text extracts exactly", async () => {
    const pdf = await inspectPdf(
      await renderPdf({
        title: "Proef",
        author: "AgII",
        subject: "Proefdocument",
        createdAt: new Date("2026-04-30T10:00:00Z"),
        footer: "Proef",
        blocks: [
          { kind: "heading", text: "Beslissing (proef)" },
          { kind: "paragraph", text: `Toegekend bedrag: € 12.345,67 voor ${ORGANISATION}.` },
          // On a line of only a few characters pdftotext guesses spaces from the gaps and may drop
          // them ("A B" reads "AB", in any font): the test lines are long enough not to be guessed.
          { kind: "paragraph", text: "Griekse Ω en Cyrillische Ж letters, ĳ, één \\ back – „citaat”" },
          { kind: "list", items: ["eerste punt", `tweede punt voor ${DECIDER}`] },
        ],
      }),
    );
    expectArchivable(pdf, "Proef");
    expect(pdf.text).toContain("Beslissing (proef)");
    expect(pdf.text).toContain(`Toegekend bedrag: € 12.345,67 voor ${ORGANISATION}.`);
    expect(pdf.text).toContain("Griekse Ω en Cyrillische Ж letters, ĳ, één \\ back – „citaat”");
    expect(pdf.text).toContain(`tweede punt voor ${DECIDER}`);
    expect(pdf.info["CreationDate"]).toContain("Apr 30 10:00:00 2026 UTC");
    expect(pdf.xmp).toContain("<xmp:CreateDate>2026-04-30T10:00:00Z</xmp:CreateDate>");
    expect([...pdf.structureTypes].sort()).toEqual(["/Document", "/H1", "/L", "/LBody", "/LI", "/Lbl", "/P"]);
    // Only the Noto Sans subsets: no standard font slipped in.
    expect(pdf.fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, "")).sort()).toEqual(["NotoSans-Bold", "NotoSans-Regular"]);
  });

  it("continues on new pages, numbering every page at its foot", async () => {
    const long = Array.from({ length: 900 }, (_, i) => `woord${i}`).join(" ");
    const pdf = await inspectPdf(
      await renderPdf({
        title: "Lang",
        author: "AgII",
        subject: "Lang",
        createdAt: new Date(),
        footer: "Lange proef",
        blocks: [{ kind: "paragraph", text: long }],
      }),
    );
    expectArchivable(pdf, "Lang");
    const pages = Number(pdf.info["Pages"]);
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++) expect(pdf.text).toContain(`Lange proef · pagina ${page} van ${pages}`);
    // Every word once, in order: nothing lost at a page break (the page numbers are in between).
    const words = flowed(pdf.text)
      .split(" ")
      .filter((word) => word.startsWith("woord"));
    expect(words.join(" ")).toBe(long);
  });

  it("replaces a character the font cannot draw by U+FFFD (never the empty .notdef glyph) and says so", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const pdf = await inspectPdf(
        await renderPdf({
          title: "Schrift",
          author: "AgII",
          subject: "Schrift",
          createdAt: new Date(),
          footer: "Schrift",
          blocks: [{ kind: "paragraph", text: "Vzw 中文 Dar" }],
        }),
      );
      expectArchivable(pdf, "Schrift");
      expect(pdf.text).toContain("Vzw \uFFFD\uFFFD Dar");
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("中 文"));
    } finally {
      warn.mockRestore();
    }
  });

  it("extracts every letter as itself, also after a glyph was reached through another character (ĳ, then j)", async () => {
    const render = (text: string) =>
      renderPdf({
        title: "Glyphs",
        author: "AgII",
        subject: "Glyphs",
        createdAt: new Date(),
        footer: "Glyphs",
        blocks: [{ kind: "paragraph", text }],
      });
    const first = await inspectPdf(await render("Ĳzendijke en ĳs staan eerst in dit document, vóór jaar en januari."));
    const second = await inspectPdf(
      await render("Een volgend document: het jaar, de maand juni, duidelijke afspraken, betreffende de financiering."),
    );
    expect(first.text).toContain("Ĳzendijke en ĳs staan eerst in dit document, vóór jaar en januari.");
    // Ligatures (ff, fi) extract as the letters they join.
    expect(second.text).toContain("Een volgend document: het jaar, de maand juni, duidelijke afspraken, betreffende de financiering.");
  });

  it("refuses metadata that would break the XMP packet", async () => {
    await expect(
      renderPdf({ title: "A & B", author: "AgII", subject: "x", createdAt: new Date(), footer: "x", blocks: [] }),
    ).rejects.toThrow(/&/);
  });
});

describe("decision letter", () => {
  it("names the organisation and the decider exactly, with every part a decision needs", async () => {
    const pdf = await inspectPdf(await decisionLetterPdf(letter()));
    expectArchivable(pdf, "Beslissing dossier ERK-2026-0007");
    const text = flowed(pdf.text);
    for (const part of [
      // Letterhead, addressee with contact person and address, reference and date.
      "Agentschap Integratie en Inburgering",
      `Aan de raad van bestuur van ${ORGANISATION}`,
      "t.a.v. Ayşe Yılmaz, coördinator",
      "Sleepstraat 12 9000 Gent",
      "Ons kenmerk: ERK-2026-0007",
      "Brussel, 15 april 2026",
      "Beslissing over uw subsidieaanvraag ERK-2026-0007",
      'Betreft: oproep "Sociale cohesie – oproep 2026" (Sociale cohesie en participatie in een diverse samenleving)',
      "Geachte leden van de raad van bestuur,",
      "Op 10 februari 2026 diende u een aanvraag in",
      // The decision, its motivation and legal basis (the decree and the call).
      "Het agentschap keurt uw aanvraag goed.",
      "Toegekend bedrag: € 12.345,67.",
      "Sterk plan met duidelijke partners in het onderwijs.",
      "Deze beslissing steunt op: Decreet van 7 juni 2013 betreffende het Vlaamse integratie- en inburgeringsbeleid.",
      'Oproep: "Sociale cohesie – oproep 2026", open van 5 januari 2026 tot en met 16 februari 2026.',
      // Payment, duties (the programme's own), contact, appeal routes.
      "Betaling",
      "60% van het toegekende bedrag als voorschot",
      "Wat verwacht het agentschap van u?",
      "van 15 juni 2026 tot en met 14 juni 2029",
      "Neem contact op met Agentschap Integratie en Inburgering, Team Subsidies, subsidies@agii.example, 02 000 00 00 en vermeld het dossiernummer ERK-2026-0007.",
      "Beroepsmogelijkheden",
      "Raad van State, afdeling Bestuursrechtspraak",
      "binnen 60 dagen na de kennisgeving",
      "Vlaamse Ombudsdienst",
      // Signed by name and function; unsealed, and it says so.
      `Met vriendelijke groeten, ${DECIDER} afdelingshoofd Lokaal Integratiebeleid Agentschap Integratie en Inburgering`,
      "Het is niet elektronisch verzegeld.",
    ]) {
      expect(text).toContain(part);
    }
    // The names on a line of their own, exactly as typed.
    expect(pdf.text.split("\n")).toContain(DECIDER);
    expect(pdf.text.split("\n")).toContain(`Aan de raad van bestuur van ${ORGANISATION}`);
    expect(decisionLetterFilename("OEF-2026-0042")).toBe("beslissing-OEF-2026-0042.pdf");
  });

  it("addresses a municipality's college, and a refusal has no payment or duties but keeps the appeal routes", async () => {
    const pdf = await inspectPdf(
      await decisionLetterPdf(
        letter({
          reference: "RAD-2026-0003",
          organisation: { name: "Gent", kind: "GEMEENTE", address: { street: "Botermarkt 1", postalCode: "9000", city: "Gent" } },
          programme: {
            code: "RAD",
            name: "Lokale regierol",
            kind: "FUNDING",
            legalBasis: "Decreet van 2024 betreffende de preventie van gewelddadige radicalisering",
          },
          outcome: "REFUSED",
          grantedCents: 0,
          signatory: { name: "Pieter Claes", jobTitle: null },
        }),
      ),
    );
    const text = flowed(pdf.text);
    expect(text).toContain("Aan het college van burgemeester en schepenen van Gent t.a.v. Ayşe Yılmaz, coördinator Botermarkt 1 9000 Gent");
    expect(text).toContain("Geacht college,");
    expect(text).toContain("Het agentschap weigert uw aanvraag. Er wordt geen subsidie toegekend.");
    expect(text).not.toContain("Betaling");
    expect(text).not.toContain("Wat verwacht het agentschap van u?");
    expect(text).toContain("Raad van State");
    expect(text).toContain(`Pieter Claes ${DEFAULT_SIGNATORY_TITLE}`);
  });

  it("a recognition states its period and duties, and pays nothing", async () => {
    const pdf = await inspectPdf(
      await decisionLetterPdf(
        letter({
          programme: {
            code: "ERK",
            name: "Erkenning partnerorganisaties",
            kind: "RECOGNITION",
            legalBasis: "Decreet van 2024; erkenning van partnerorganisaties",
          },
          requestedCents: null,
          grantedCents: null,
          recognitionPeriod: { startsOn: "2026-01-01", endsOn: "2030-12-31" },
        }),
      ),
    );
    const text = flowed(pdf.text);
    expect(text).toContain("Beslissing over uw aanvraag tot erkenning ERK-2026-0007");
    expect(text).toContain(`Het agentschap erkent ${ORGANISATION} als partnerorganisatie.`);
    expect(text).toContain("Erkenningsperiode: van 1 januari 2026 tot en met 31 december 2030.");
    expect(text).toContain("openbare register van erkende partnerorganisaties");
    expect(text).not.toContain("Betaling");
  });

  it("uses the call's own contact and texts when the call has them", async () => {
    const settings = letterSettingsOf({
      amountPerPlanCents: 2_500_000,
      letter: {
        contact: { name: "Team Sociale Cohesie", email: "cohesie@agii.example", phone: "02 123 45 67" },
        appealRoutes: ["Eigen beroepsweg."],
      },
    });
    const text = flowed((await inspectPdf(await decisionLetterPdf(letter({ call: { ...letter().call, letter: settings } })))).text);
    expect(text).toContain("Contact: Team Sociale Cohesie, cohesie@agii.example, 02 123 45 67");
    expect(text).toContain("Eigen beroepsweg.");
    expect(text).not.toContain("Raad van State");
  });
});

describe("letter texts and addressee", () => {
  it("takes a programme's own texts over its kind's, and a call's over both; bad call settings fall back", () => {
    const programme = (code: string, kind: "FUNDING" | "RECOGNITION" = "FUNDING") => ({ code, kind, legalBasis: "Decreet" });
    const funding = letterTextsFor(programme("NEW"));
    const oefenkansen = letterTextsFor(programme("OEF"));
    expect(oefenkansen.paymentTerms).toEqual(funding.paymentTerms);
    expect(oefenkansen.duties).not.toEqual(funding.duties);
    expect(oefenkansen.appealRoutes).toEqual(letterTextsFor(programme("ERK", "RECOGNITION")).appealRoutes);
    expect(letterTextsFor(programme("OEF"), { duties: ["Alleen dit."] }).duties).toEqual(["Alleen dit."]);
    expect(letterSettingsOf({ letter: { contact: { name: "X", email: "geen e-mail" } } })).toEqual({});
    expect(letterSettingsOf("geen object")).toEqual({});
  });

  it("addresses each kind of organisation to its board, with the address on record or else the declared one", () => {
    const base = { address: null, declaredAddress: null, contactPerson: null };
    expect(addresseeOf({ ...base, organisationName: "OCMW Leuven", organisationKind: "OCMW" }).board).toBe(
      "Aan het vast bureau van OCMW Leuven",
    );
    expect(addresseeOf({ ...base, organisationName: "Vlaamse Gemeenschapscommissie", organisationKind: "VGC" }).board).toBe(
      "Aan het College van de Vlaamse Gemeenschapscommissie",
    );
    expect(
      addresseeOf({ ...base, organisationName: "vzw Brugwerk", organisationKind: "VZW", declaredAddress: "Langestraat 5, 8000 Brugge" })
        .lines,
    ).toEqual(["Langestraat 5, 8000 Brugge"]);
  });

  it("reads the contact person and the address from the answers, ignoring answers of another shape", () => {
    expect(
      letterPartsOfAnswers(
        JSON.stringify({ contactVoornaam: "Lotte", contactAchternaam: "Maes", contactFunctie: "coördinator", adres: "Langestraat 5" }),
      ),
    ).toEqual({
      contactPerson: { name: "Lotte Maes", role: "coördinator" },
      declaredAddress: "Langestraat 5",
    });
    expect(letterPartsOfAnswers(JSON.stringify({ contactVoornaam: 42, adres: ["x"] }))).toEqual({
      contactPerson: null,
      declaredAddress: null,
    });
    expect(letterPartsOfAnswers("geen json")).toEqual({ contactPerson: null, declaredAddress: null });
  });
});
