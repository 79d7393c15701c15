import { Link } from "@remix-run/react";
import { pageWindow } from "~/review/queue";

/**
 * Numbered pages with "Vorige" and "Volgende": plain links (they work without JavaScript),
 * the current page marked with aria-current, gaps shown as "…".
 */
export function NumberedPagination({
  page,
  pages,
  href,
  label = "Paginering",
}: {
  page: number;
  pages: number;
  /** The address of a page, keeping the filters */
  href: (page: number) => string;
  label?: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="numbered-pagination">
      <ul>
        {page > 1 ? (
          <li>
            <Link to={href(page - 1)} rel="prev">
              Vorige<span className="visually-hidden"> pagina</span>
            </Link>
          </li>
        ) : null}
        {pageWindow(page, pages).map((p, index) =>
          p === null ? (
            <li key={`gap-${index}`} aria-hidden="true" className="numbered-pagination__gap">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span aria-current="page" className="numbered-pagination__current">
                  <span className="visually-hidden">Pagina </span>
                  {p}
                </span>
              ) : (
                <Link to={href(p)}>
                  <span className="visually-hidden">Pagina </span>
                  {p}
                </Link>
              )}
            </li>
          ),
        )}
        {page < pages ? (
          <li>
            <Link to={href(page + 1)} rel="next">
              Volgende<span className="visually-hidden"> pagina</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
