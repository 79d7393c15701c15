// What every e-mail about a dossier shows: its reference, organisation, call, and a link to it.
import { factsTable, factsText, type SafeHtml } from "./layout";

export type DossierInfo = {
  /** null while the dossier is a draft: references are given on submission. */
  reference: string | null;
  organisationName: string;
  callTitle: string;
  /** Absolute link to /dossiers/<id> (publicUrl). */
  dossierUrl: string;
  /** What to call it when there is no dossier (yet), e.g. for an extension before any draft. */
  label?: string;
};

/** The reference, or what a draft is called before it has one. */
export function dossierLabel(dossier: Pick<DossierInfo, "reference" | "label">): string {
  return dossier.reference ?? dossier.label ?? "concept (nog niet verstuurd)";
}

function rows(dossier: DossierInfo, extra: Array<[string, string]>): Array<[string, string]> {
  return [["Dossier", dossierLabel(dossier)], ["Organisatie", dossier.organisationName], ["Oproep", dossier.callTitle], ...extra];
}

export function dossierFactsHtml(dossier: DossierInfo, extra: Array<[string, string]> = []): SafeHtml {
  return factsTable(rows(dossier, extra));
}

export function dossierFactsText(dossier: DossierInfo, extra: Array<[string, string]> = []): string {
  return factsText(rows(dossier, extra));
}

/** How a subject line names the dossier: its reference, or the call while it has none. */
export function dossierSubject(dossier: Pick<DossierInfo, "reference" | "callTitle">): string {
  return dossier.reference ?? dossier.callTitle;
}
