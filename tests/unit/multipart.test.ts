import { describe, expect, it } from "vitest";
import { MultipartError, multipartBoundary, parseMultipart } from "~/attachments/multipart.server";

type ParsedPart = { name: string; filename?: string; contentType?: string; body: string };

const LIMITS = { maxFieldBytes: 1024 * 1024, maxFileBytes: 20 * 1024 * 1024, maxParts: 1000 };

async function parse(body: Uint8Array, boundary: string, chunkSizes: () => number, limits = LIMITS): Promise<ParsedPart[]> {
  async function* chunks() {
    for (let i = 0; i < body.byteLength;) {
      const size = chunkSizes();
      yield body.subarray(i, i + size);
      i += size;
    }
  }
  // Text fields keep their place among the files: each part takes its slot when it starts.
  const parts: ParsedPart[] = [];
  await parseMultipart(chunks(), `multipart/form-data; boundary=${boundary}`, limits, {
    field: (name, value) => {
      parts.push({ name, body: value });
    },
    file: async ({ name, filename, contentType, stream }) => {
      const part: ParsedPart = { name, filename, contentType, body: "" };
      parts.push(part);
      const data: Buffer[] = [];
      for await (const chunk of stream) data.push(chunk as Buffer);
      part.body = Buffer.concat(data).toString("utf8");
    },
  });
  return parts;
}

/** The exact bytes a browser engine (undici's FormData, as in Node's fetch) sends. */
async function encode(form: FormData): Promise<{ body: Uint8Array; boundary: string }> {
  const request = new Request("http://localhost/", { method: "POST", body: form });
  const boundary = multipartBoundary(request.headers.get("content-type"))!;
  return { body: new Uint8Array(await request.arrayBuffer()), boundary };
}

/** One raw part with the given Content-Disposition, as its name and file name come out. */
async function disposition(value: string): Promise<{ name: string; filename?: string }> {
  const body = new TextEncoder().encode(`--b\r\nContent-Disposition: ${value}\r\n\r\nx\r\n--b--\r\n`);
  const [part] = await parse(body, "b", () => 7);
  return part!.filename === undefined ? { name: part!.name } : { name: part!.name, filename: part!.filename };
}

function sampleForm(): FormData {
  const form = new FormData();
  form.append("naam", "Stad Antwerpen");
  form.append("omschrijving", "Regel één\r\nRegel twee -- met streepjes\r\n------");
  form.append("statuten", new File(["%PDF-1.7\r\n--\r\n%%EOF"], "begroting; definitief=v2.pdf", { type: "application/pdf" }));
  form.append("na", "veld na het bestand");
  return form;
}

describe("parseMultipart", () => {
  it("reads text fields and files as a browser sends them, whatever the chunk sizes", async () => {
    const { body, boundary } = await encode(sampleForm());
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (const sizes of [() => body.byteLength, () => 1, () => 3, () => 1 + (random() % 97)]) {
      const parts = await parse(body, boundary, sizes);
      expect(parts).toEqual([
        { name: "naam", body: "Stad Antwerpen" },
        { name: "omschrijving", body: "Regel één\r\nRegel twee -- met streepjes\r\n------" },
        {
          name: "statuten",
          filename: "begroting; definitief=v2.pdf",
          contentType: "application/pdf",
          body: "%PDF-1.7\r\n--\r\n%%EOF",
        },
        { name: "na", body: "veld na het bestand" },
      ]);
    }
  });

  it("refuses a body that stops before the closing delimiter", async () => {
    const { body, boundary } = await encode(sampleForm());
    await expect(parse(body.subarray(0, body.byteLength - 10), boundary, () => 64)).rejects.toBeInstanceOf(MultipartError);
  });

  it('reads an empty file input as a file part with file name ""', async () => {
    // What browsers send for <input type=file> without a chosen file (undici leaves filename out).
    const body = new TextEncoder().encode(
      '--b\r\nContent-Disposition: form-data; name="bijlage"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n--b--\r\n',
    );
    expect(await parse(body, "b", () => 5)).toEqual([{ name: "bijlage", filename: "", contentType: "application/octet-stream", body: "" }]);
  });

  it("refuses a part without a name", async () => {
    const body = new TextEncoder().encode("--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--\r\n");
    await expect(parse(body, "b", () => 8)).rejects.toThrow("Een deel van het formulier heeft geen naam.");
    const nameless = new TextEncoder().encode("--b\r\nContent-Disposition: form-data\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--\r\n");
    await expect(parse(nameless, "b", () => 8)).rejects.toThrow("Een deel van het formulier heeft geen naam.");
  });

  it("refuses a part without Content-Disposition between good ones, whatever the chunk sizes", async () => {
    const body = new TextEncoder().encode(
      '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b\r\nContent-Type: text/plain\r\n\r\nx\r\n' +
        '--b\r\nContent-Disposition: form-data; name="titel"\r\n\r\nPlan\r\n--b--\r\n--b\r\nepilogue',
    );
    for (const size of [1, 2, 3, 5, 1000]) {
      await expect(parse(body, "b", () => size)).rejects.toThrow("Een deel van het formulier heeft geen naam.");
    }
  });

  it("does not count a delimiter in the epilogue as a part", async () => {
    const body = new TextEncoder().encode(
      '--b\r\nContent-Disposition: form-data; name="titel"\r\n\r\nPlan\r\n--b--\r\n--b\r\nX: y\r\n\r\nz',
    );
    for (const size of [1, 3, 1000]) expect(await parse(body, "b", () => size)).toEqual([{ name: "titel", body: "Plan" }]);
  });

  it("refuses a text field over its limit and a form with too many parts", async () => {
    const { body, boundary } = await encode(sampleForm());
    // "omschrijving" is the longest field: 48 bytes in UTF-8.
    await expect(parse(body, boundary, () => 64, { ...LIMITS, maxFieldBytes: 47 })).rejects.toThrow("Het veld omschrijving is te lang.");
    expect(await parse(body, boundary, () => 64, { ...LIMITS, maxFieldBytes: 48 })).toHaveLength(4);
    await expect(parse(body, boundary, () => 64, { ...LIMITS, maxParts: 3 })).rejects.toThrow("Te veel delen in het formulier.");
    expect(await parse(body, boundary, () => 64, { ...LIMITS, maxParts: 4 })).toHaveLength(4);
  });

  it("reports a cut-off body to a file handler that starts reading late, without an unhandled error", async () => {
    async function* cut() {
      yield new TextEncoder().encode('--b\r\nContent-Disposition: form-data; name="a"; filename="a.pdf"\r\n\r\n%PDF-1.7 and no end');
    }
    const parsing = parseMultipart(cut(), "multipart/form-data; boundary=b", LIMITS, {
      field: () => {},
      file: async ({ stream }) => {
        await new Promise((resolve) => setTimeout(resolve, 20)); // as opening the temp file does
        for await (const chunk of stream) void chunk; // drain it
      },
    });
    await expect(parsing).rejects.toBeInstanceOf(MultipartError);
  });

  it("passes the body's own error on, after the file handler has finished", async () => {
    const { body, boundary } = await encode(sampleForm());
    class Broken extends Error {}
    async function* breaksOff() {
      yield body.subarray(0, body.byteLength - 40);
      throw new Broken("client went away");
    }
    let fileSettled = false;
    const parsing = parseMultipart(breaksOff(), `multipart/form-data; boundary=${boundary}`, LIMITS, {
      field: () => {},
      file: async ({ stream }) => {
        try {
          for await (const chunk of stream) void chunk; // drain it
        } finally {
          fileSettled = true;
        }
      },
    });
    await expect(parsing).rejects.toBeInstanceOf(Broken);
    expect(fileSettled).toBe(true);
  });
});

describe("file and field names", () => {
  it("keeps quotes, semicolons and equals signs inside a quoted file name", async () => {
    expect(await disposition('form-data; name="bijlage"; filename="a; b=c.pdf"')).toEqual({ name: "bijlage", filename: "a; b=c.pdf" });
    expect((await disposition('form-data; name="f"; filename="rapport %22finaal%22.pdf"')).filename).toBe('rapport "finaal".pdf');
  });

  it("keeps only the last segment of a Windows or Unix path", async () => {
    expect((await disposition('form-data; name="f"; filename="C:\\Users\\jan\\statuten.pdf"')).filename).toBe("statuten.pdf");
    expect((await disposition('form-data; name="f"; filename="../../etc/passwd"')).filename).toBe("passwd");
  });

  it("prefers the UTF-8 filename* form", async () => {
    expect(await disposition("form-data; name=f; filename=\"jaarrekening.pdf\"; filename*=UTF-8''jaarrekening%20%E2%82%AC.pdf")).toEqual({
      name: "f",
      filename: "jaarrekening €.pdf",
    });
  });

  it("reads a text field as a part without filename", async () => {
    expect(await disposition('form-data; name="titel"')).toEqual({ name: "titel" });
  });
});

describe("multipartBoundary", () => {
  it("finds the boundary of multipart/form-data only", () => {
    expect(multipartBoundary("multipart/form-data; boundary=----abc")).toBe("----abc");
    expect(multipartBoundary('multipart/form-data; boundary="a b"')).toBe("a b");
    expect(multipartBoundary("application/x-www-form-urlencoded")).toBeNull();
    expect(multipartBoundary("multipart/form-data")).toBeNull();
    expect(multipartBoundary(null)).toBeNull();
  });
});
