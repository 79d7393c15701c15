import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";
import { useRootData } from "~/utils/root-data";
import { thrownText } from "~/utils/route-error";

/**
 * What a visitor sees for an error a route threw, at whichever error boundary caught it: a
 * Dutch title and explanation, never a technical detail; for an unexpected error the request
 * id, so the helpdesk can find the logged cause (app/entry.server.tsx).
 */
export function RouteErrorPage() {
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
      <p>Er liep iets onverwachts fout aan onze kant. Uw gegevens zijn niet verloren: probeer het over enkele ogenblikken opnieuw.</p>
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
