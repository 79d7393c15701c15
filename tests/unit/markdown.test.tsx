import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "~/components/markdown";
import { markdownToPlainText, parseMarkdown, safeHref } from "~/utils/markdown";

const render = (text: string) => renderToStaticMarkup(<Markdown text={text} />);
const inner = (text: string) => render(text).replace(/^<div class="markdown">|<\/div>$/g, "");

describe("the markdown of call descriptions", () => {
  it("makes paragraphs of blocks separated by a blank line, and line breaks of single newlines", () => {
    expect(inner("Eerste alinea\nzelfde alinea\r\n\r\nTweede alinea")).toBe("<p>Eerste alinea<br/>zelfde alinea</p><p>Tweede alinea</p>");
  });

  it("renders bold, italic and bold with italic inside", () => {
    expect(inner("Dit is **vet**, *schuin* en **vet met *schuin***.")).toBe(
      "<p>Dit is <strong>vet</strong>, <em>schuin</em> en <strong>vet met <em>schuin</em></strong>.</p>",
    );
  });

  it("leaves lone asterisks and unfinished markup as text", () => {
    expect(inner("3 * 4 = 12 en **niet gesloten")).toBe("<p>3 * 4 = 12 en **niet gesloten</p>");
  });

  it("renders bulleted and numbered lists, and a paragraph after them", () => {
    expect(inner("Acties:\n- mentoring\n* rolmodellen\n  over twee regels\n\n1. eerst\n2. dan\nTot slot")).toBe(
      "<p>Acties:</p><ul><li>mentoring</li><li>rolmodellen<br/>over twee regels</li></ul><ol><li>eerst</li><li>dan</li></ol><p>Tot slot</p>",
    );
  });

  it("links http and https URLs only", () => {
    expect(inner("[AgII](https://www.integratie-inburgering.be) en [oud](http://example.be/a?b=1&c=2)")).toBe(
      '<p><a href="https://www.integratie-inburgering.be/" rel="noopener noreferrer nofollow">AgII</a> en ' +
        '<a href="http://example.be/a?b=1&amp;c=2" rel="noopener noreferrer nofollow">oud</a></p>',
    );
    expect(safeHref("mailto:info@agii.be")).toBeNull();
    expect(safeHref("/relatief")).toBeNull();
  });

  it("keeps the text readable without markup", () => {
    expect(markdownToPlainText("**Let op:** lees\n- de [oproep](https://x.be)\n- de bijlage")).toBe(
      "Let op: lees\n\nde oproep; de bijlage",
    );
  });
});

describe("what an attacker might type", () => {
  it("escapes HTML, so a script tag is text", () => {
    const html = render('<script>alert("x")</script><img src=x onerror=alert(1)>');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
  });

  it("never links javascript:, data: or vbscript: URLs, also disguised", () => {
    for (const href of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "%6Aavascript:alert(1)",
      "data:text/html;base64,PHNjcmlwdD4=",
      "vbscript:msgbox(1)",
      "java&#115;cript:alert(1)",
      "//evil.example/x",
    ]) {
      const html = render(`[klik](${href})`);
      expect(html, href).not.toContain("<a");
      expect(html, href).toContain("klik");
    }
  });

  it("cannot break out of the href attribute", () => {
    const html = render('[klik](https://example.be/"onmouseover="alert(1))');
    expect(html).not.toMatch(/<a[^>]*\sonmouseover=/);
    const link = parseMarkdown('[klik](https://example.be/"><script>)')[0];
    expect(link).toEqual({
      type: "paragraph",
      children: [{ type: "link", href: "https://example.be/%22%3E%3Cscript%3E", children: [{ type: "text", text: "klik" }] }],
    });
    expect(render('[klik](https://example.be/"><script>)')).toContain('href="https://example.be/%22%3E%3Cscript%3E"');
  });

  it("escapes markup inside bold, italic and link texts", () => {
    const html = render('**<b>vet</b>** *<i onclick="x">* [<svg onload=alert(1)>](https://example.be)');
    expect(html).not.toMatch(/<(b|i|svg)[\s>]/);
    expect(html).toContain("<strong>&lt;b&gt;vet&lt;/b&gt;</strong>");
  });
});
