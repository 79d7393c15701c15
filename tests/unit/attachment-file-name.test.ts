import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { contentDisposition, sanitiseFileName } from "~/attachments/file-name";
import { ATTACHMENT_KINDS, formatFileSize, parseRemoveAttachmentIntent, removeAttachmentIntent } from "~/attachments/file-types";
import { FileField } from "~/components/file-field";

describe("sanitiseFileName", () => {
  it("keeps an ordinary name as it is", () => {
    expect(sanitiseFileName("Jaarrekening 2025 – vzw Brug.pdf", "pdf")).toBe("Jaarrekening 2025 – vzw Brug.pdf");
    expect(sanitiseFileName("BEGROTING.XLSX", "xlsx")).toBe("BEGROTING.XLSX");
  });

  it("gives the name the extension of the real content", () => {
    expect(sanitiseFileName("verslag.exe", "pdf")).toBe("verslag.exe.pdf");
    expect(sanitiseFileName("meerjarenplan", "pdf")).toBe("meerjarenplan.pdf");
  });

  it("removes paths, control characters, direction overrides and characters Windows refuses", () => {
    expect(sanitiseFileName("..\\..\\a:b*c?.pdf", "pdf")).toBe("a_b_c_.pdf");
    expect(sanitiseFileName("rapport\u202Efdp.exe", "pdf")).toBe("rapportfdp.exe.pdf");
    expect(sanitiseFileName("  .verborgen\r\nnaam .pdf. ", "pdf")).toBe("verborgen naam .pdf");
  });

  it("returns null for a name with nothing readable in it", () => {
    expect(sanitiseFileName("", "pdf")).toBeNull();
    expect(sanitiseFileName("...", "pdf")).toBeNull();
    expect(sanitiseFileName("\uFFFD\uFFFD.pdf", "pdf")).toBeNull();
  });

  it("shortens long names to 150 characters, keeping the extension and whole characters", () => {
    const name = sanitiseFileName(`${"😀".repeat(200)}.pdf`, "pdf")!;
    expect(Array.from(name)).toHaveLength(150);
    expect(name.endsWith("😀.pdf")).toBe(true);
  });
});

describe("contentDisposition", () => {
  it("sends an ASCII fallback and the exact UTF-8 name", () => {
    expect(contentDisposition("Begroting café (v2).pdf")).toBe(
      `attachment; filename="Begroting cafe (v2).pdf"; filename*=UTF-8''Begroting%20caf%C3%A9%20%28v2%29.pdf`,
    );
  });
});

describe("formatFileSize", () => {
  it("writes sizes the Flemish way", () => {
    expect(formatFileSize(1)).toBe("1 byte");
    expect(formatFileSize(900)).toBe("900 bytes");
    expect(formatFileSize(340 * 1024)).toBe("340 kB");
    expect(formatFileSize(Math.round(1.24 * 1024 * 1024))).toBe("1,2 MB");
    expect(formatFileSize(20 * 1024 * 1024)).toBe("20 MB");
  });
});

describe("remove intent", () => {
  it("round-trips an attachment id and ignores other intents", () => {
    expect(parseRemoveAttachmentIntent(removeAttachmentIntent("cm123abc"))).toBe("cm123abc");
    expect(parseRemoveAttachmentIntent("save")).toBeNull();
    expect(parseRemoveAttachmentIntent("remove-attachment:../x")).toBeNull();
    expect(parseRemoveAttachmentIntent(null)).toBeNull();
  });
});

describe("FileField", () => {
  const render = (props: Partial<Parameters<typeof FileField>[0]> = {}) =>
    renderToStaticMarkup(
      createElement(FileField, {
        name: "jaarrekening",
        label: "Laatste jaarrekening",
        kind: "pdf-or-spreadsheet",
        files: [{ id: "att1", fileName: "jaarrekening 2025.xlsx", sizeBytes: 1_300_000 }],
        required: true,
        canRemove: true,
        ...props,
      }),
    );

  it("lists the added files with a download link, the size and a remove button that works without JavaScript", () => {
    const html = render();
    expect(html).toContain('<a href="/bijlagen/att1" download="jaarrekening 2025.xlsx">jaarrekening 2025.xlsx</a>');
    expect(html).toContain("(1,2 MB)");
    expect(html).toContain('<button type="submit" name="intent" value="remove-attachment:att1" formnovalidate=""');
    expect(html).toContain('Verwijderen<span class="visually-hidden"> jaarrekening 2025.xlsx</span>');
    expect(html).toContain(`accept="${ATTACHMENT_KINDS["pdf-or-spreadsheet"].accept}"`);
    expect(html).toContain("PDF, XLSX of ODS, max. 20 MB");
  });

  it("ties the error and the hint to the input, as TextField does", () => {
    const html = render({ error: "Het bestand is leeg. Kies een bestand met inhoud.", files: [] });
    expect(html).toContain('class="field field--file field--error"');
    expect(html).toContain('<label for="veld-jaarrekening">');
    expect(html).toContain(
      '<p id="veld-jaarrekening-error" class="field-error"><span class="visually-hidden">Fout: </span>Het bestand is leeg.',
    );
    expect(html).toMatch(
      /<input type="file" id="veld-jaarrekening" name="jaarrekening" accept="[^"]+" aria-invalid="true" aria-describedby="veld-jaarrekening-hint veld-jaarrekening-error" aria-required="true"\/>/,
    );
  });

  it("hides the remove buttons when the dossier can no longer change", () => {
    expect(render({ canRemove: false })).not.toContain("Verwijderen");
  });
});
