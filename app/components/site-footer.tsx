import { Link } from "@remix-run/react";
import { AGENCY } from "~/legal/agency";

/** The legal pages every page links to: a public-sector site must publish them (issue 12). */
export const LEGAL_PAGES = [
  { to: "/contact", label: "Contact" },
  { to: "/privacyverklaring", label: "Privacyverklaring" },
  { to: "/toegankelijkheidsverklaring", label: "Toegankelijkheidsverklaring" },
] as const;

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <div>
          <p className="site-footer__agency">{AGENCY.name}</p>
          <p>Subsidieportaal voor lokale besturen en partnerorganisaties</p>
          <p>
            Vragen? Mail <a href={`mailto:${AGENCY.helpdesk.email}`}>{AGENCY.helpdesk.email}</a> of bel{" "}
            <a href={`tel:${AGENCY.helpdesk.phone.replace(/\s/g, "")}`}>{AGENCY.helpdesk.phoneDisplay}</a>.
          </p>
        </div>
        <nav aria-label="Over dit portaal">
          <ul>
            {LEGAL_PAGES.map((page) => (
              <li key={page.to}>
                <Link to={page.to}>{page.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
