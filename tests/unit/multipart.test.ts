import { describe, expect, it } from "vitest";
import {
  MultipartError,
  multipartBoundary,
  parseContentDisposition,
  parseMultipart,
  type PartHeaders,
} from "~/attachments/multipart.server";

type ParsedPart = PartHeaders & { body: string };

async function parse(body: Uint8Array, boundary: string, chunkSizes: () => number): Promise<ParsedPart[]> {
  async function* chunks() {
    for (let i = 0; i < body.byteLength; ) {
      const size = chunkSizes();
      yield body.subarray(i, i + size);
      i += size;
    }
  }
  const parts: ParsedPart[] = [];
  let data: Uint8Array[] = [];
  await parseMultipart(chunks(), boundary, {
    start: (headers) => {
      parts.push({ ...headers, body: "" });
      data = [];
    },
    data: (chunk) => {
      data.push(Uint8Array.from(chunk));
    },
    end: () => {
      parts.at(-1)!.body = Buffer.concat(data).toString("utf8");
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
        { name: "naam", filename: undefined, contentType: undefined, body: "Stad Antwerpen" },
        {
          name: "omschrijving",
          filename: undefined,
          contentType: undefined,
          body: "Regel één\r\nRegel twee -- met streepjes\r\n------",
        },
        {
          name: "statuten",
          filename: "begroting; definitief=v2.pdf",
          contentType: "application/pdf",
          body: "%PDF-1.7\r\n--\r\n%%EOF",
        },
        { name: "na", filename: undefined, contentType: undefined, body: "veld na het bestand" },
      ]);
    }
  });

  it("refuses a body that stops before the closing delimiter", async () => {
    const { body, boundary } = await encode(sampleForm());
    await expect(parse(body.subarray(0, body.byteLength - 10), boundary, () => 64)).rejects.toBeInstanceOf(
      MultipartError,
    );
  });

  it("reads an empty file input as a file part with file name \"\"", async () => {
    // What browsers send for <input type=file> without a chosen file (undici leaves filename out).
    const body = new TextEncoder().encode(
      '--b\r\nContent-Disposition: form-data; name="bijlage"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n--b--\r\n',
    );
    expect(await parse(body, "b", () => 5)).toEqual([
      { name: "bijlage", filename: "", contentType: "application/octet-stream", body: "" },
    ]);
  });

  it("refuses a part without a name", async () => {
    const body = new TextEncoder().encode("--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--\r\n");
    await expect(parse(body, "b", () => 8)).rejects.toThrow("Een deel van het formulier heeft geen naam.");
  });
});

describe("parseContentDisposition", () => {
  it("keeps quotes, semicolons and equals signs inside a quoted file name", () => {
    expect(parseContentDisposition('form-data; name="bijlage"; filename="a; b=c.pdf"')).toEqual({
      name: "bijlage",
      filename: "a; b=c.pdf",
    });
    expect(parseContentDisposition('form-data; name="f"; filename="rapport %22finaal%22.pdf"').filename).toBe(
      'rapport "finaal".pdf',
    );
  });

  it("keeps only the last segment of a Windows or Unix path", () => {
    expect(parseContentDisposition('form-data; name="f"; filename="C:\\Users\\jan\\statuten.pdf"').filename).toBe(
      "statuten.pdf",
    );
    expect(parseContentDisposition('form-data; name="f"; filename="../../etc/passwd"').filename).toBe("passwd");
  });

  it("prefers the UTF-8 filename* form", () => {
    expect(
      parseContentDisposition("form-data; name=f; filename=\"jaarrekening.pdf\"; filename*=UTF-8''jaarrekening%20%E2%82%AC.pdf"),
    ).toEqual({ name: "f", filename: "jaarrekening €.pdf" });
  });

  it("reads a text field as a part without filename", () => {
    expect(parseContentDisposition('form-data; name="titel"')).toEqual({ name: "titel", filename: undefined });
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
