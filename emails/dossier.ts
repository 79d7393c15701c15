// What every e-mail about a dossier shows: its reference, organisation, call, and a link to it.
import type { Contact } from "../app/documents/agency";
import { facts, type Block } from "./content";

export type DossierInfo = {
  /** null while the dossier is a draft: references are given on submission. */
  reference: string | null;
  organisationName: string;
  callTitle: string;
  /** Absolute link to /dossiers/<id> (publicUrl). */
  dossierUrl: string;
  /** What to call it when there is no dossier (yet), e.g. for an extension before any draft. */
  label?: string;
  /** The call's contact (Call.settings.letter.contact, else the agency's): replies go there. */
  contact: Contact;
};

/** The reference, or what a draft is called before it has one. */
export function dossierLabel(dossier: Pick<DossierInfo, "reference" | "label">): string {
  return dossier.reference ?? dossier.label ?? "concept (nog niet verstuurd)";
}

/** The dossier's rows (reference, organisation, call) and any of the message's own. */
export function dossierFacts(dossier: DossierInfo, extra: Array<[string, string]> = []): Block {
  return facts([["Dossier", dossierLabel(dossier)], ["Organisatie", dossier.organisationName], ["Oproep", dossier.callTitle], ...extra]);
}

/** How a subject line names the dossier: its reference, or the call while it has none. */
export function dossierSubject(dossier: Pick<DossierInfo, "reference" | "callTitle">): string {
  return dossier.reference ?? dossier.callTitle;
}
