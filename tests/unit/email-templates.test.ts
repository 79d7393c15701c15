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
    expect(mail.html).toContain('<html lang="nl-BE">');
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

describe("call dates changed", () => {
  it("lists the changes in Brussels time, escapes the note and links to the dossier", async () => {
    const { callDatesChangedEmail } = await import("../../emails/call-dates-changed");
    const mail = callDatesChangedEmail({
      firstName: "An",
      dossier: {
        reference: null,
        organisationName: "Gemeente <Zot>",
        callTitle: "Oproep & co",
        dossierUrl: "https://portaal.example/dossiers/d1",
        contact: { name: "Team Oefenkansen", email: "oefenkansen@integratie-inburgering.be" },
      },
      changes: [{ label: "Indienen tot", before: new Date("2026-02-16T22:59:59.999Z"), after: new Date("2026-02-28T22:59:59.999Z") }],
      closesAt: new Date("2026-03-06T22:59:59.999Z"),
      extended: true,
      note: "Door de <b>fusies</b>.",
    });
    expect(mail.subject).toBe("Gewijzigde data voor Oproep & co");
    expect(mail.text).toContain(
      "- Indienen tot: 16 februari 2026 om 23:59 (Belgische tijd) wordt 28 februari 2026 om 23:59 (Belgische tijd)",
    );
    expect(mail.text).toContain("U kunt de aanvraag versturen tot 6 maart 2026 om 23:59 (Belgische tijd). Dat is de verlengde termijn");
    expect(mail.text).toContain("    Door de <b>fusies</b>.");
    expect(mail.text).toContain("https://portaal.example/dossiers/d1");
    expect(mail.html).toContain("Door de &lt;b&gt;fusies&lt;/b&gt;.");
    expect(mail.html).toContain("Gemeente &lt;Zot&gt;");
    expect(mail.html).not.toContain("<b>");
    expect(mail.html).toContain('href="https://portaal.example/dossiers/d1"');
  });
});
