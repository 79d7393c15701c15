import { describe, expect, it } from "vitest";
import { invitationEmail } from "../../emails/invitation";
import { passwordResetEmail } from "../../emails/password-reset";

describe("e-mail templates", () => {
  it("password reset: link, Brussels expiry time, and what to do if you did not ask", () => {
    const mail = passwordResetEmail({
      firstName: "Sofie",
      resetUrl: "https://portaal.example/wachtwoord-herstellen/abc?x=1&y=2",
      expiresAt: new Date("2026-01-15T22:59:00Z"),
    });
    expect(mail.subject).toBe("Uw wachtwoord herstellen");
    expect(mail.text).toContain("Beste Sofie,");
    expect(mail.text).toContain("https://portaal.example/wachtwoord-herstellen/abc?x=1&y=2");
    expect(mail.text).toContain("15 januari 2026 om 23:59");
    expect(mail.text).toContain("negeren");
    expect(mail.text).toContain("Agentschap Integratie en Inburgering — Subsidieportaal");
    expect(mail.html).toContain('<html lang="nl">');
    expect(mail.html).toContain('href="https://portaal.example/wachtwoord-herstellen/abc?x=1&amp;y=2"');
    expect(mail.html).toContain("15 januari 2026 om 23:59");
  });

  it("invitation: escapes names in the HTML and keeps them readable in the text", () => {
    const mail = invitationEmail({
      inviterName: "Jan <b>de Smet</b>",
      organisationName: 'Gemeente "Zottegem" & co',
      acceptUrl: "https://portaal.example/uitnodiging/xyz",
      expiresAt: new Date("2026-07-01T10:00:00Z"),
    });
    expect(mail.subject).toBe('Uitnodiging voor Gemeente "Zottegem" & co in het Subsidieportaal');
    expect(mail.text).toContain("Jan <b>de Smet</b> nodigt u uit");
    expect(mail.text).toContain("1 juli 2026 om 12:00");
    expect(mail.html).toContain("Jan &lt;b&gt;de Smet&lt;/b&gt;");
    expect(mail.html).toContain("Gemeente &quot;Zottegem&quot; &amp; co");
    expect(mail.html).not.toContain("<b>");
  });
});
