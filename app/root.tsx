import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Links, Meta, Outlet, useLocation, Scripts, ScrollRestoration, type ShouldRevalidateFunction } from "@remix-run/react";
import { useEffect, useRef, type MouseEvent, type ReactNode } from "react";
import { getViewer } from "~/auth/viewer.server";
import { RouteErrorPage } from "~/components/error-page";
import { useNonce } from "~/components/nonce";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import stylesheet from "~/styles/app.css";
import { now } from "~/utils/clock.server";
import { takeNotice } from "~/utils/notice.server";
import { isAutosave } from "~/utils/revalidation";
import { useRootData } from "~/utils/root-data";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Subsidieportaal | Agentschap Integratie en Inburgering" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request).catch((error: unknown) => {
    // If this loader fails the error page has no root data, so no reference to show: log the
    // error with the request id here (as handleError would) and hand the id to the boundary.
    console.error(`[fout ${context.requestId}] ${request.method} ${new URL(request.url).pathname}`, error);
    throw data({ requestId: context.requestId }, { status: 500 });
  });
  // A success notice from the post that redirected here (app/utils/notice.server.ts), shown once.
  const { notice, headers } = await takeNotice(request);
  return data(
    {
      viewer: viewer && {
        firstName: viewer.firstName,
        lastName: viewer.lastName,
        staffRoles: viewer.staffRoles,
        memberships: viewer.memberships.map(({ organisationId, name, readOnly }) => ({ organisationId, name, readOnly })),
        activeOrganisationId: viewer.activeOrganisationId,
      },
      notice,
      requestId: context.requestId,
      serverNow: now().toISOString(),
    },
    { headers },
  );
}

// Reload on every navigation and form post: the header must reflect who is logged in (a login,
// logout or switch of organisation is a form post), and the error page's reference id must be
// the id of the request that failed. Not for an autosave, the one fetcher that posts in the
// background: it cannot change who is logged in or for which organisation.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData }) => !isAutosave(formData);

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRootData();
  useEffect(() => {
    // End-to-end tests wait for this before typing, so no keystroke races hydration.
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <html lang="nl-BE">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#inhoud" onClick={skipToContent}>
          Naar de inhoud
        </a>
        <SiteHeader viewer={data?.viewer ?? null} />
        <main id="inhoud" tabIndex={-1}>
          {data?.notice ? (
            <p className="notice no-print" role="status">
              {data.notice}
            </p>
          ) : null}
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/**
 * Moves focus into the content, without a hash navigation: the router would treat "#inhoud"
 * as a navigation and drop the answer of the last form post (its errors).
 */
function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
  const main = document.getElementById("inhoud");
  if (!main) return;
  event.preventDefault();
  main.focus();
}

/** After moving to another page (e.g. the next wizard step), keyboard and screen-reader users start at its content. */
function useFocusContentOnNavigation() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById("inhoud")?.focus();
  }, [pathname]);
}

export default function App() {
  useFocusContentOnNavigation();
  return <Outlet />;
}

export function ErrorBoundary() {
  return <RouteErrorPage />;
}
