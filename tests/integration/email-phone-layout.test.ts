import { chromium, type Browser } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMAIL_SAMPLES } from "../support/email-samples";

// On a phone the HTML version once broke inside words ("Oefenkansen Nederland|s"): the facts
// table and the links had `word-break:break-all`, which lets a line break between any two
// letters. Long tokens (a hash, a link) may still break, but only when they do not fit on a line
// of their own (`overflow-wrap:anywhere`). Checked in the produced HTML and in real Chromium.

const FORBIDDEN = [
  /word-break\s*:\s*break-(all|word)/i,
  /-ms-word-break/i,
  /line-break\s*:\s*anywhere/i,
  /hyphens\s*:\s*auto/i,
  /white-space\s*:\s*nowrap/i,
  // word-wrap is the old name of overflow-wrap: after it, it would undo `anywhere`.
  /overflow-wrap\s*:\s*anywhere\s*;\s*word-wrap/i,
];

describe("e-mail HTML styles", () => {
  it.each(EMAIL_SAMPLES)("%s: nothing that breaks ordinary words", (_template, render) => {
    const { html } = render();
    for (const pattern of FORBIDDEN) expect(html).not.toMatch(pattern);
    // Every wrap rule there is, is the one that breaks only what cannot fit.
    for (const [, value] of html.matchAll(/overflow-wrap\s*:\s*([a-z-]+)/gi)) expect(value).toBe("anywhere");
  });
});

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Words of at most `max` letters split over two lines, and how far the page scrolls sideways. */
async function layoutAt(html: string, width: number, max = 20) {
  const page = await browser.newPage({ viewport: { width, height: 800 }, javaScriptEnabled: true });
  try {
    await page.setContent(html);
    return await page.evaluate((longest) => {
      const split: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        // A line may break after a hyphen ("e-|mail"): the parts count as words.
        for (const match of text.matchAll(/[^\s-]+/g)) {
          if (match[0].length > longest) continue;
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
          if (tops.size > 1) split.push(match[0]);
        }
      }
      return { split, overflow: document.documentElement.scrollWidth - window.innerWidth };
    }, max);
  } finally {
    await page.close();
  }
}

describe("e-mail HTML on a phone", () => {
  it.each(EMAIL_SAMPLES)("%s: no word split over two lines at 320 and 375 px, no sideways scrolling", async (_template, render) => {
    const { html } = render();
    for (const width of [320, 375]) {
      const { split, overflow } = await layoutAt(html, width);
      expect({ width, split, overflow }).toEqual({ width, split: [], overflow: 0 });
    }
  });
});
