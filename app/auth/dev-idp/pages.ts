/** The Dutch pages of the development identity provider: plain HTML, labelled, usable by keyboard. */
import type { DevIdentity } from "./identities";

const STYLE = `body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
fieldset{border:1px solid #767676;padding:1rem}legend{font-weight:700;padding:0 .25rem}
label{display:block;padding:.35rem 0}input[type=radio]{margin-right:.5rem}
button{font:inherit;padding:.5rem 1rem;margin:1rem .5rem 0 0;border:2px solid #0b4a8b;background:#0b4a8b;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#0b4a8b}
:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}.error{color:#b00020;font-weight:700}.note{color:#444}`;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="nl-BE">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} | Demo-identiteitsprovider</title><style>${STYLE}</style></head>
<body><main>${body}</main></body>
</html>`;
}

export function loginPage(uid: string, identities: DevIdentity[], error?: string): string {
  const options = identities
    .map(
      (identity, index) =>
        `<label><input type="radio" name="identiteit" value="${escapeHtml(identity.sub)}"${index === 0 && !error ? " checked" : ""}>` +
        `${escapeHtml(`${identity.givenName} ${identity.familyName}`)} (${escapeHtml(identity.email)}): ${escapeHtml(identity.description)}</label>`,
    )
    .join("\n");
  return page(
    "Aanmelden",
    `<h1>Aanmelden bij de demo-identiteitsprovider</h1>
<p class="note">Dit is de identiteitsprovider voor ontwikkeling en tests, in de plaats van ACM/IDM. Kies wie u bent; er is geen wachtwoord.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<fieldset><legend>Wie bent u?</legend>
${options}
</fieldset>
<button type="submit">Aanmelden</button>
</form>
<form method="post" action="/interaction/${escapeHtml(uid)}/abort"><button type="submit" class="secondary">Annuleren</button></form>`,
  );
}

/** `form` is oidc-provider's own hidden form (with its anti-forgery field); the buttons submit it. */
export function logoutPage(form: string): string {
  return page(
    "Afmelden",
    `<h1>Afmelden bij de demo-identiteitsprovider</h1>
<p>U bent afgemeld bij het subsidieportaal. Wilt u zich ook afmelden bij de identiteitsprovider?</p>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Ja, afmelden</button>
<button type="submit" form="op.logoutForm" class="secondary">Nee, aangemeld blijven</button>`,
  );
}

export function loggedOutPage(portalUrl: string): string {
  return page(
    "Afgemeld",
    `<h1>U bent afgemeld</h1><p><a href="${escapeHtml(new URL("/", portalUrl).toString())}">Terug naar het subsidieportaal</a></p>`,
  );
}

export function errorPage(message: string): string {
  return page("Fout", `<h1>Aanmelden niet gelukt</h1><p role="alert">${escapeHtml(message)}</p>`);
}
