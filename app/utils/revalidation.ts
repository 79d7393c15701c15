/**
 * Whether a submission is the wizard's autosave: a fetcher posting in the background, which
 * changes one step's answers and the dossier's version and nothing a loader shows (not who is
 * logged in, not their organisation, not the dossier's status or pages); the step takes the
 * new version from the answer. The routes above the step skip their reload for it.
 */
export function isAutosave(formData: FormData | undefined): boolean {
  return formData?.get("intent") === "autosave";
}
