import { Form, NavLink, useLocation } from "@remix-run/react";
import { REPORT_ROLES, REVIEW_ROLES } from "~/domain/permissions";
import type { StaffRole } from "~/domain/roles";

type HeaderViewer = {
  firstName: string;
  lastName: string;
  staffRoles: StaffRole[];
  memberships: Array<{ organisationId: string; name: string; readOnly: boolean }>;
  activeOrganisationId: string | null;
};

export function SiteHeader({ viewer }: { viewer: HeaderViewer | null }) {
  const location = useLocation();
  const links = viewer ? navigationFor(viewer) : [];
  return (
    <header className="site-header">
      <div className="site-header__top">
        <a className="site-header__brand" href="/">
          <span className="site-header__agency">Agentschap Integratie en Inburgering</span>
          <span className="site-header__name">Subsidieportaal</span>
        </a>
        {viewer ? (
          <div className="site-header__user">
            {viewer.memberships.length > 1 ? <OrganisationSwitcher viewer={viewer} returnTo={location.pathname} /> : null}
            {viewer.memberships.length === 1 ? <span className="site-header__organisation">{viewer.memberships[0]!.name}</span> : null}
            <span>
              {viewer.firstName} {viewer.lastName}
            </span>
            <Form method="post" action="/afmelden">
              <button type="submit" className="button button--secondary">
                Afmelden
              </button>
            </Form>
          </div>
        ) : (
          <div className="site-header__user">
            <a className="button" href="/aanmelden">
              Aanmelden
            </a>
          </div>
        )}
      </div>
      <nav aria-label="Hoofdmenu" className="site-nav">
        <ul>
          {links.map((link) => (
            <li key={link.to}>
              <NavLink to={link.to}>{link.label}</NavLink>
            </li>
          ))}
          <li>
            <NavLink to="/oproepen">Oproepen</NavLink>
          </li>
          <li>
            <NavLink to="/partnerorganisaties">Partnerorganisaties</NavLink>
          </li>
        </ul>
      </nav>
    </header>
  );
}

function navigationFor(viewer: HeaderViewer): Array<{ to: string; label: string }> {
  const links: Array<{ to: string; label: string }> = [];
  if (viewer.memberships.length > 0) {
    links.push({ to: "/mijn-dossiers", label: "Mijn dossiers" }, { to: "/organisatie", label: "Mijn organisatie" });
  }
  if (viewer.staffRoles.some((role) => REVIEW_ROLES.includes(role))) {
    links.push({ to: "/te-beoordelen", label: "Te beoordelen" });
  }
  if (viewer.staffRoles.some((role) => REPORT_ROLES.includes(role))) links.push({ to: "/rapporten", label: "Rapporten" });
  if (viewer.staffRoles.includes("ADMIN")) links.push({ to: "/beheer", label: "Beheer" });
  links.push({ to: "/mijn-e-mails", label: "Mijn e-mails" });
  return links;
}

function OrganisationSwitcher({ viewer, returnTo }: { viewer: HeaderViewer; returnTo: string }) {
  return (
    <Form method="post" action="/organisatie/wissel" className="organisation-switcher">
      <label htmlFor="organisatie-wissel">Organisatie</label>
      <select id="organisatie-wissel" name="organisationId" defaultValue={viewer.activeOrganisationId ?? undefined}>
        {viewer.memberships.map((m) => (
          <option key={m.organisationId} value={m.organisationId}>
            {m.name}
            {m.readOnly ? " (opgegaan in fusie)" : ""}
          </option>
        ))}
      </select>
      <input type="hidden" name="returnTo" value={returnTo} />
      <button type="submit" className="button button--secondary">
        Wissel
      </button>
    </Form>
  );
}
