import type { ReactNode } from "react";
import { AGENCY } from "~/legal/agency";

/** The frame of the contact, privacy and accessibility pages; says so while the agency's details are examples. */
export function LegalPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <article className="legal">
      <h1>{title}</h1>
      {AGENCY.placeholder ? (
        <p className="notice notice--warning">
          <strong>Voorbeeldgegevens.</strong> De adressen, e-mailadressen en telefoonnummers van het agentschap op deze pagina zijn nog
          voorbeelden; de echte volgen voor het portaal in gebruik gaat.
        </p>
      ) : null}
      {children}
    </article>
  );
}
