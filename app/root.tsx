import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  useLocation,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useEffect, useRef, type MouseEvent, type ReactNode } from "react";
import { getViewer } from "~/auth/viewer.server";
import { useNonce } from "~/components/nonce";
import { SiteHeader } from "~/components/site-header";
import stylesheet from "~/styles/app.css";
import { now } from "~/utils/clock.server";
import { thrownText } from "~/utils/route-error";

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
  return {
    viewer: viewer && {
      firstName: viewer.firstName,
      lastName: viewer.lastName,
      staffRoles: viewer.staffRoles,
      memberships: viewer.memberships.map(({ organisationId, name, readOnly }) => ({ organisationId, name, readOnly })),
      activeOrganisationId: viewer.activeOrganisationId,
    },
    requestId: context.requestId,
    serverNow: now().toISOString(),
  };
}

// Always reload: the header must reflect who is logged in, and the error page's reference id
// must be the id of the request that failed.
export const shouldRevalidate: ShouldRevalidateFunction = () => true;

export type RootData = Awaited<ReturnType<typeof loader>>;

export function useRootData(): RootData | undefined {
  return useRouteLoaderData<typeof loader>("root");
}

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
          {children}
        </main>
        <footer className="site-footer">
          <p>
            Agentschap Integratie en Inburgering · Subsidieportaal voor lokale besturen en partnerorganisaties
          </p>
        </footer>
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
  const error = useRouteError();
  const requestId = useRootData()?.requestId ?? thrownText(error, "requestId");
  if (isRouteErrorResponse(error)) {
    const message = thrownText(error, "message");
    if (error.status === 404) {
      return (
        <ErrorPage title="Pagina niet gevonden">
          <p>{message ?? "Deze pagina bestaat niet (meer). Controleer het adres of ga terug naar de startpagina."}</p>
        </ErrorPage>
      );
    }
    if (error.status === 403) {
      return (
        <ErrorPage title="Geen toegang">
          <p>{message ?? "U hebt geen toegang tot deze pagina."}</p>
        </ErrorPage>
      );
    }
    if (error.status < 500) {
      return (
        <ErrorPage title="Dit verzoek kon niet verwerkt worden">
          <p>{message ?? "Controleer uw gegevens en probeer opnieuw."}</p>
        </ErrorPage>
      );
    }
  }
  return (
    <ErrorPage title="Er ging iets mis">
      <p>
        Er liep iets onverwachts fout aan onze kant. Uw gegevens zijn niet verloren: probeer het over enkele
        ogenblikken opnieuw.
      </p>
      {requestId ? (
        <p>
          Blijft het probleem bestaan? Neem contact op met de helpdesk en vermeld de referentie{" "}
          <strong className="reference">{requestId}</strong>.
        </p>
      ) : null}
    </ErrorPage>
  );
}

function ErrorPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="error-page">
      <h1>{title}</h1>
      {children}
      <p>
        <a href="/">Naar de startpagina</a>
      </p>
    </section>
  );
}
