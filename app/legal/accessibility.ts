/**
 * The accessibility statement's facts, after the Flemish government's model (bestuursdecreet
 * of 7 December 2018, directive (EU) 2016/2102). When a known problem is solved, remove it here
 * and set `reviewedOn`; when none is left, the status can become "volledig conform".
 */
export type KnownProblem = {
  title: string;
  /** What does not work, for whom */
  description: string;
  /** The WCAG 2.1 success criteria it fails */
  criteria: string[];
  /** How to get the same information or do the same task today */
  alternative: string;
};

export const ACCESSIBILITY_STATEMENT = {
  status: "gedeeltelijk conform",
  standard: "de Web Content Accessibility Guidelines (WCAG) versie 2.1, niveau AA",
  /** Calendar dates (yyyy-mm-dd): formatDate shows them as they are, in no time zone */
  drawnUpOn: "2026-12-02",
  reviewedOn: "2026-12-02",
  method:
    "een zelfevaluatie door het team dat het portaal bouwt: elke pagina die de geautomatiseerde tests bezoeken, wordt " +
    "gecontroleerd met axe-core op de regels van WCAG 2.1 A en AA, op een breedte van 390 en 1366 pixels zonder " +
    "horizontaal scrollen, en de formulieren worden met het toetsenbord alleen doorlopen.",
  knownProblems: [
    {
      title: "Geen melding tijdens langere acties",
      description:
        "Bij indienen of beslissen kan het enkele seconden duren voor het portaal antwoordt. De knop wordt dan " +
        "uitgeschakeld, maar er verschijnt geen statusbericht dat het portaal bezig is; een schermlezer meldt niets.",
      criteria: ["4.1.3 Statusberichten"],
      alternative: "Wacht tot de volgende pagina verschijnt; klik niet opnieuw. Er gaat geen aanvraag verloren.",
    },
  ] satisfies KnownProblem[],
};
