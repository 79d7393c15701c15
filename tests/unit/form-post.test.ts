import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { discardUploads } from "~/attachments/upload.server";
import { callFormSchema, callFormValuesFromInput } from "~/calls/call-form";
import { formInput, parseFormData } from "~/utils/forms";
import { readFormPost } from "~/utils/read-form-post.server";
import { repeated, requiredText, REQUIRED } from "~/utils/schemas";

function form(entries: Array<[string, string | File]>): FormData {
  const formData = new FormData();
  for (const [name, value] of entries) formData.append(name, value);
  return formData;
}

function post(body: FormData | URLSearchParams | string, contentType?: string): Request {
  const headers = contentType ? { "content-type": contentType } : undefined;
  return new Request("http://localhost/form", { method: "POST", body, headers });
}

describe("reading a post in the shape of its schema", () => {
  it("collects every value of a repeated name where the schema has a list, also none or one", () => {
    const schema = z.object({ roles: z.array(z.string()), kinds: z.array(z.string()), none: z.array(z.string()) });
    const input = formInput(
      schema,
      form([
        ["roles", "REVIEWER"],
        ["roles", "ADMIN"],
        ["kinds", "GEMEENTE"],
      ]),
    );
    expect(input).toEqual({ roles: ["REVIEWER", "ADMIN"], kinds: ["GEMEENTE"], none: [] });
  });

  it("sees the list through optional, default, preprocess and pipes", () => {
    const schema = z.object({
      a: z.array(z.string()).optional(),
      b: z.array(z.string()).default([]),
      c: repeated(z.string()),
      d: z.array(z.string()).pipe(z.array(z.string()).min(1)),
    });
    const input = formInput(
      schema,
      form([
        ["a", "1"],
        ["b", "2"],
        ["c", "3"],
        ["d", "4"],
        ["d", "5"],
      ]),
    );
    expect(input).toEqual({ a: ["1"], b: ["2"], c: ["3"], d: ["4", "5"] });
  });

  it("keeps a repeated name where the schema wants one value, so the schema refuses it", () => {
    const schema = z.object({ redirectTo: z.string().optional(), email: z.string() });
    const formData = form([
      ["redirectTo", "/mijn-dossiers"],
      ["redirectTo", "//evil.test"],
      ["email", "a@b.be"],
    ]);
    expect(formInput(schema, formData)).toEqual({ redirectTo: ["/mijn-dossiers", "//evil.test"], email: "a@b.be" });
    const parsed = parseFormData(schema, formData);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? null : Object.keys(parsed.errors)).toEqual(["redirectTo"]);
  });

  it("reads rows of a list of objects from dotted names, in number order, without gaps", () => {
    const schema = z.object({ rubric: z.array(z.object({ key: z.string(), tags: z.array(z.string()) })) });
    const input = formInput(
      schema,
      form([
        ["rubric.2.key", "begroting"],
        ["rubric.0.key", "relevantie"],
        ["rubric.0.tags", "a"],
        ["rubric.0.tags", "b"],
        ["rubric.x.key", "geen rij"],
      ]),
    );
    expect(input).toEqual({
      rubric: [
        { key: "relevantie", tags: ["a", "b"] },
        { key: "begroting", tags: [] },
      ],
    });
  });

  it("reads only the names the schema knows, unless it takes any others (catchall, record)", () => {
    const formData = form([
      ["known", "1"],
      ["score-relevantie", "4"],
      ["intent", "save"],
    ]);
    expect(formInput(z.object({ known: z.string() }), formData)).toEqual({ known: "1" });
    expect(formInput(z.object({ known: z.string() }).catchall(z.string()), formData)).toEqual({
      known: "1",
      "score-relevantie": "4",
      intent: "save",
    });
    expect(formInput(z.record(z.string(), z.unknown()), formData)).toEqual({ known: "1", "score-relevantie": "4", intent: "save" });
  });

  it("reads every option's names for a union, and both halves of an intersection", () => {
    const union = z.discriminatedUnion("form", [
      z.object({ form: z.literal("a"), list: z.array(z.string()) }),
      z.object({ form: z.literal("b"), text: z.string() }),
    ]);
    const formData = form([
      ["form", "a"],
      ["list", "x"],
      ["text", "y"],
    ]);
    expect(formInput(union, formData)).toEqual({ form: "a", list: ["x"], text: "y" });
    const both = z.object({ intent: z.string() }).and(z.object({ kinds: z.array(z.string()) }));
    expect(
      formInput(
        both,
        form([
          ["intent", "confirm"],
          ["kinds", "VZW"],
        ]),
      ),
    ).toEqual({ intent: "confirm", kinds: ["VZW"] });
  });

  it("gives a name that was not posted as absent, and a nested group nobody posted as absent", () => {
    const schema = z.object({ title: z.string().optional(), contact: z.object({ email: z.string() }).optional() });
    expect(formInput(schema, form([]))).toEqual({ title: undefined, contact: undefined });
    expect(formInput(schema, form([["contact.email", "a@b.be"]]))).toEqual({ title: undefined, contact: { email: "a@b.be" } });
  });
});

describe("parseFormData", () => {
  const schema = z.object({ name: requiredText(20), kinds: z.array(z.enum(["GEMEENTE", "VZW"])).min(1, "Kies er minstens één.") });

  it("gives the typed values", () => {
    expect(
      parseFormData(
        schema,
        form([
          ["name", " Gent "],
          ["kinds", "GEMEENTE"],
          ["kinds", "VZW"],
        ]),
      ),
    ).toEqual({
      ok: true,
      data: { name: "Gent", kinds: ["GEMEENTE", "VZW"] },
    });
  });

  it("gives the first message per field path, and what was typed, without secrets", () => {
    const parsed = parseFormData(
      schema.extend({ password: z.string().min(8, "Te kort.") }),
      form([
        ["name", ""],
        ["password", "kort"],
      ]),
      {
        secretFields: ["password"],
      },
    );
    expect(parsed).toEqual({
      ok: false,
      errors: { name: REQUIRED, kinds: "Kies er minstens één.", password: "Te kort." },
      values: { name: "" },
    });
  });

  it('puts errors about the whole form under "form", and row errors under their dotted path', () => {
    const rows = z
      .object({ rows: z.array(z.object({ key: z.string().min(1, REQUIRED) })) })
      .refine((value) => value.rows.length > 1, "Twee rijen nodig.");
    const parsed = parseFormData(rows, form([["rows.0.key", ""]]));
    expect(parsed.ok ? null : parsed.errors).toEqual({ "rows.0.key": REQUIRED, form: "Twee rijen nodig." });
    const whole = parseFormData(rows, form([["rows.0.key", "a"]]));
    expect(whole.ok ? null : whole.errors).toEqual({ form: "Twee rijen nodig." });
  });
});

describe("readFormPost", () => {
  const schema = z.object({ email: z.string().min(1, REQUIRED), password: z.string(), roles: z.array(z.string()) });

  it("reads an urlencoded post once and checks it with several schemas", async () => {
    const body = new URLSearchParams([
      ["intent", "roles"],
      ["roles", "ADMIN"],
      ["roles", "DECIDER"],
      ["email", ""],
      ["password", "geheim"],
    ]);
    const formPost = await readFormPost(post(body), { secretFields: ["password"] });
    expect(formPost.parse(z.object({ intent: z.enum(["roles"]) }))).toEqual({ ok: true, data: { intent: "roles" } });
    expect(formPost.parse(schema)).toEqual({
      ok: false,
      errors: { email: REQUIRED },
      values: { intent: "roles", roles: "DECIDER", email: "" },
    });
    expect(formPost.fail({ form: "Onbekende gebruiker." })).toEqual({
      ok: false,
      errors: { form: "Onbekende gebruiker." },
      values: { intent: "roles", roles: "DECIDER", email: "" },
    });
    expect(formPost.files).toEqual([]);
  });

  it("refuses a post that is not a form, and files where the route takes none", async () => {
    await expect(readFormPost(post('{"email":"a@b.be"}', "application/json"))).rejects.toMatchObject({ init: { status: 415 } });
    const withFile = form([
      ["answer", "Zie bijlage"],
      ["bijlage", new File(["%PDF-1.7"], "a.pdf", { type: "application/pdf" })],
    ]);
    await expect(readFormPost(post(withFile))).rejects.toMatchObject({ init: { status: 415 } });
  });

  it("hands over the files of a multipart post beside its fields, where the route takes files", async () => {
    const content = "%PDF-1.7\n%%EOF\n";
    const body = form([
      ["answer", "Zie bijlage"],
      ["bijlagen", new File([content], "begroting.pdf", { type: "application/pdf" })],
      ["bijlagen", new File(["tweede"], "tweede.pdf", { type: "application/pdf" })],
    ]);
    const formPost = await readFormPost(post(body), { files: true });
    try {
      expect(formPost.parse(z.object({ answer: z.string() }))).toEqual({ ok: true, data: { answer: "Zie bijlage" } });
      expect(formPost.files.map(({ field, fileName, sizeBytes, tooLarge }) => ({ field, fileName, sizeBytes, tooLarge }))).toEqual([
        { field: "bijlagen", fileName: "begroting.pdf", sizeBytes: content.length, tooLarge: false },
        { field: "bijlagen", fileName: "tweede.pdf", sizeBytes: 6, tooLarge: false },
      ]);
      expect(await readFile(formPost.files[0]!.tempPath, "utf8")).toBe(content);
      // Files are not form values: the schema never sees them, the page never gets them back.
      expect(formPost.input(z.object({ bijlagen: z.array(z.string()) }))).toEqual({ bijlagen: [] });
      expect(formPost.values).toEqual({ answer: "Zie bijlage" });
    } finally {
      await discardUploads(formPost.files);
    }
  });

  it("reads an urlencoded post too where the route takes files (the autosave)", async () => {
    const formPost = await readFormPost(post(new URLSearchParams([["intent", "autosave"]])), { files: true });
    expect(formPost.parse(z.object({ intent: z.string() }))).toEqual({ ok: true, data: { intent: "autosave" } });
    expect(formPost.files).toEqual([]);
  });
});

describe("the call form shown again after a refused post", () => {
  it("has every field as typed: texts, ticked kinds and rubric rows", () => {
    const formData = form([
      ["title", "Oproep 2027"],
      ["eligibleKinds", "GEMEENTE"],
      ["eligibleKinds", "OCMW"],
      ["rubric.0.key", "relevantie"],
      ["rubric.0.maxScore", "11"],
    ]);
    const values = callFormValuesFromInput(formInput(callFormSchema, formData));
    expect(values.title).toBe("Oproep 2027");
    expect(values.description).toBe("");
    expect(values.eligibleKinds).toEqual(["GEMEENTE", "OCMW"]);
    expect(values.rubric).toEqual([{ key: "relevantie", label: "", description: "", maxScore: "11" }]);
  });
});
