import { NavLink } from "@remix-run/react";

/** Links between the administrators' pages (they are not nested under /beheer's layout). */
export const ADMIN_PAGES = [
  { to: "/beheer", label: "Overzicht", end: true },
  { to: "/beheer/programmas", label: "Programma's", end: false },
  { to: "/beheer/oproepen", label: "Oproepen", end: false },
  { to: "/beheer/formulieren", label: "Formulieren", end: false },
  { to: "/beheer/organisaties", label: "Organisaties", end: false },
  { to: "/beheer/gebruikers", label: "Gebruikers", end: false },
  { to: "/beheer/fusies", label: "Fusies", end: false },
  { to: "/beheer/gemeenten", label: "Gemeenten bijwerken", end: false },
] as const;

export function AdminNav() {
  return (
    <nav aria-label="Beheer" className="admin-nav">
      <ul>
        {ADMIN_PAGES.map((page) => (
          <li key={page.to}>
            <NavLink to={page.to} end={page.end}>
              {page.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** "Vorige" / "Volgende" links that keep the current filters. */
export function Pagination({ page, pages, search }: { page: number; pages: number; search: URLSearchParams }) {
  if (pages <= 1) return null;
  const href = (target: number) => {
    const params = new URLSearchParams(search);
    params.set("pagina", String(target));
    return `?${params}`;
  };
  return (
    <nav aria-label="Paginering" className="pagination">
      {page > 1 ? <a href={href(page - 1)}>Vorige pagina</a> : null}
      <span>
        Pagina {page} van {pages}
      </span>
      {page < pages ? <a href={href(page + 1)}>Volgende pagina</a> : null}
    </nav>
  );
}
