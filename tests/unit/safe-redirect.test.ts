import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/utils/safe-redirect";
import { OPEN_REDIRECT_PAYLOADS, SAME_SITE_PATHS } from "../support/open-redirects";

describe("safeRedirect", () => {
  it.each(OPEN_REDIRECT_PAYLOADS.map((payload) => [JSON.stringify(payload).slice(0, 60), payload]))("refuses %s", (_name, payload) => {
    expect(safeRedirect(payload, "/terug")).toBe("/terug");
  });

  it.each(SAME_SITE_PATHS)("keeps %s", (path) => {
    expect(safeRedirect(path, "/terug")).toBe(path);
  });

  it("falls back for anything that is not a string", () => {
    for (const value of [undefined, null, 42, ["/mijn-dossiers"], { toString: () => "/mijn-dossiers" }]) {
      expect(safeRedirect(value)).toBe("/");
    }
  });

  it("never returns a value that resolves to another origin or breaks a header", () => {
    for (const payload of [...OPEN_REDIRECT_PAYLOADS, ...SAME_SITE_PATHS]) {
      const target = safeRedirect(payload);
      expect(new URL(target, "https://portaal.example").origin).toBe("https://portaal.example");
      expect(target).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
    }
  });
});
