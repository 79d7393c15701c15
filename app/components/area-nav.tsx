import { NavLink } from "@remix-run/react";

export type AreaPage = { to: string; label: string; end: boolean };

/**
 * The navigation of one area (administration, review, a dossier), drawn by the area's layout
 * route above its pages. NavLink marks the current page with aria-current="page".
 */
export function AreaNav({ label, pages, className }: { label: string; pages: readonly AreaPage[]; className?: string }) {
  if (pages.length === 0) return null;
  return (
    <nav aria-label={label} className={className ? `area-nav ${className}` : "area-nav"}>
      <ul>
        {pages.map((page) => (
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
