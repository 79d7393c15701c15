import { AreaNav, type AreaPage } from "./area-nav";

/** The administrators' pages, in the navigation of their layout (app/routes/beheer.tsx). */
export const ADMIN_PAGES: readonly AreaPage[] = [
  { to: "/beheer", label: "Overzicht", end: true },
  { to: "/beheer/programmas", label: "Programma's", end: false },
  { to: "/beheer/oproepen", label: "Oproepen", end: false },
  { to: "/beheer/formulieren", label: "Formulieren", end: false },
  { to: "/beheer/organisaties", label: "Organisaties", end: false },
  { to: "/beheer/gebruikers", label: "Gebruikers", end: false },
  { to: "/beheer/fusies", label: "Fusies", end: false },
  { to: "/beheer/gemeenten", label: "Gemeenten bijwerken", end: false },
  { to: "/beheer/e-mails", label: "E-mails", end: false },
];

export function AdminNav() {
  return <AreaNav label="Beheer" pages={ADMIN_PAGES} />;
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
