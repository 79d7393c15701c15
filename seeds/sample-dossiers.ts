/**
 * The sample dossiers: historic (closed, decided) ones in the 2026 calls and the dossiers in the
 * open demo rounds, with their answers, attachments and status history. The answers follow the
 * form version of the call (app/forms/definitions); seeds/applications.ts refuses any submitted
 * dossier the portal would not have accepted.
 */
import type { ApplicationStatus } from "~/domain/application-status";
import type { ActorRole } from "~/domain/roles";
import { oefenkansenV1 } from "~/forms/definitions/oefenkansen";
import type { RawValues } from "~/forms/types";
import { addDays, brusselsDate } from "~/utils/time";
import { brusselsAt, brusselsYear } from "./dates";
import type { DemoUser } from "./demo-users";
import {
  answersOfSteps,
  erkenningAnswers,
  oefenkansenAnswers,
  regierolAnswers,
  type BankAccount,
  type Person,
  type PriorityRow,
} from "./sample-answers";
import type { SampleFileKey } from "./sample-files";

export type OrganisationKey = DemoUser["memberOf"][number];

export type DossierStep = {
  status: ApplicationStatus;
  at: Date;
  by: ActorRole;
  /** Required where a staff decision is taken (see TRANSITIONS in app/domain). */
  reason?: string;
};

/** A file of the dossier: a copy of a sample document (seeds/files), uploaded by the applicant. */
export type SampleAttachment = {
  fieldKey: string;
  /** The name shown and downloaded, as the portal keeps it (ends in the real extension). */
  fileName: string;
  file: SampleFileKey;
  uploadedAt: Date;
};

export type SampleDossier = {
  /** CallDefinition.key, e.g. "OEF-2026" or "OEF-demo". */
  callKey: string;
  organisation: OrganisationKey;
  /** The answers as typed (Application.data). */
  data: RawValues;
  attachments: SampleAttachment[];
  /** What the form computes on submission; null for drafts and recognitions. */
  requestedCents: number | null;
  grantedCents: number | null;
  /** The status history; the first step is the creation of the draft by the applicant. */
  steps: DossierStep[];
};

const created = (at: Date): DossierStep => ({ status: "DRAFT", at, by: "APPLICANT" });
const submitted = (at: Date): DossierStep => ({ status: "SUBMITTED", at, by: "APPLICANT" });
const inReview = (at: Date): DossierStep => ({ status: "IN_REVIEW", at, by: "REVIEWER" });
const proposed = (at: Date, reason: string): DossierStep => ({ status: "PROPOSED", at, by: "REVIEWER", reason });
const decided = (status: ApplicationStatus, at: Date, reason: string): DossierStep => ({ status, at, by: "DECIDER", reason });

const pdf = (fieldKey: string, fileName: string, uploadedAt: Date): SampleAttachment => ({ fieldKey, fileName, file: "pdf", uploadedAt });
const spreadsheet = (fieldKey: string, fileName: string, uploadedAt: Date): SampleAttachment => ({
  fieldKey,
  fileName,
  file: "xlsx",
  uploadedAt,
});

const RAD_PLAN_CENTS = 2_500_000;
const OEF_RATE_CENTS = 6000;

/** `days` Brussels calendar days before `now`, at a Brussels wall-clock time. */
function daysBefore(now: Date, days: number, time: string): Date {
  return brusselsAt(brusselsDate(addDays(now, -days)), time);
}

// The officials who fill in the forms (the demo accounts of seeds/demo-users.ts).
const AN_PEETERS: Person = {
  firstName: "An",
  lastName: "Peeters",
  functie: "Beleidsmedewerker taal en integratie",
  phone: "03 338 45 12",
  email: "an.peeters@antwerpen.example",
};
const JAN_DE_CLERCQ = (functie: string): Person => ({
  firstName: "Jan",
  lastName: "De Clercq",
  functie,
  phone: "09 266 71 40",
  email: "jan.declercq@gent.example",
});
const SARA_JANSSENS: Person = {
  firstName: "Sara",
  lastName: "Janssens",
  functie: "Deskundige radicalisering en coördinator LIVC-R",
  phone: "016 27 26 81",
  email: "sara.janssens@leuven.example",
};
const KARIM_EL_AMRANI: Person = {
  firstName: "Karim",
  lastName: "El Amrani",
  functie: "Beleidsmedewerker preventie, directie Welzijn, Gezondheid en Gezin",
  phone: "02 563 05 44",
  email: "karim.elamrani@vgc.example",
};
const LOTTE_MAES: Person = {
  firstName: "Lotte",
  lastName: "Maes",
  functie: "Coördinator",
  phone: "050 44 18 27",
  email: "lotte.maes@brugwerk.example",
};
const NOOR_VAN_DAMME: Person = {
  firstName: "Noor",
  lastName: "Van Damme",
  functie: "Coördinator en gespreksleider",
  phone: "0478 21 63 90",
  email: "noor.vandamme@dialoogwerf.example",
};
const TOM_WOUTERS: Person = {
  firstName: "Tom",
  lastName: "Wouters",
  functie: "Directeur",
  phone: "09 235 17 02",
  email: "tom.wouters@tussenruimte.example",
};

const ANTWERPEN_ACCOUNT: BankAccount = { iban: "BE56 0910 0048 1288", holder: "Stad Antwerpen" };
const GENT_ACCOUNT: BankAccount = { iban: "BE06 0910 0173 5622", holder: "Stad Gent" };
const LEUVEN_ACCOUNT: BankAccount = { iban: "BE04 0910 0024 2731", holder: "Stad Leuven" };
const VGC_ACCOUNT: BankAccount = { iban: "BE24 0910 1088 4338", holder: "Vlaamse Gemeenschapscommissie" };

const priority = (prioriteit: string, acties: string, indicatoren: string, begrotingslijnen: string): PriorityRow => ({
  prioriteit,
  acties,
  indicatoren,
  begrotingslijnen,
});

function antwerpenOefenkansen2026(): RawValues {
  return oefenkansenAnswers({
    contact: AN_PEETERS,
    huidigAanbod:
      "Atlas organiseert vandaag met vrijwilligers veertien wekelijkse taalcafés in bibliotheken en buurtcentra, vooral voor inburgeraars op niveau A1-A2. Verenigingen houden praatgroepen en in de haven en de zorg is er een beperkt aanbod taalcoaching op de werkvloer. In Hoboken, Merksem en Ekeren is er nauwelijks aanbod, terwijl de wachtlijsten voor NT2-lessen daar het langst zijn.",
    taalbeleid:
      "Het project voert actie 3.2 'Nederlands oefenen in elke buurt' uit van het Antwerpse taalbeleidsplan 2026-2031. De stad kiest voor oefenkansen dicht bij huis en op het werk, verbonden met de bibliotheken, het vrijetijdsaanbod en de werkgevers, zodat anderstaligen het Nederlands uit de les ook buiten de klas gebruiken.",
    doorverwijzingNT2:
      "De begeleiders van de oefenmomenten verwijzen deelnemers zonder NT2-les naar het NT2-loket van Atlas, dat hen op niveau test en inschrijft bij een centrum voor volwassenenonderwijs of een universitair talencentrum. Wie al les volgt, krijgt oefenmomenten op zijn niveau.",
    samenwerkingAgII:
      "In Antwerpen neemt Atlas als stedelijk agentschap de taken van het agentschap op. Atlas overlegt elk kwartaal met het Agentschap Integratie en Inburgering over de kwaliteitscriteria voor oefenkansen en de rapportering over het bereik, en neemt deel aan het lerend netwerk oefenkansen.",
    activities: [
      {
        soort: "taalcafe",
        omschrijving: "Wekelijkse taalcafés in de districtsbibliotheken, begeleid door vrijwilligers van Atlas",
        doelgroep: ["inburgeraars", "andere"],
        niveau: "A2",
        frequentie: "wekelijks",
        locatie: "Bibliotheken Permeke, Deurne, Hoboken en Merksem",
        partners: "Atlas, Stadsbibliotheek Antwerpen, vrijwilligerswerking",
      },
      {
        soort: "werkvloer",
        omschrijving: "Oefenen op de werkvloer met taalcoaches bij havenbedrijven en in woonzorgcentra",
        doelgroep: ["werknemers"],
        niveau: "B1",
        frequentie: "tweewekelijks",
        locatie: "Bedrijven in de haven en woonzorgcentra",
        partners: "Atlas, lokale werkgevers, Zorgbedrijf Antwerpen",
      },
      {
        soort: "doe-activiteit",
        omschrijving: "Wandelgroepen en kookateliers in de districtshuizen",
        doelgroep: ["inburgeraars", "senioren"],
        niveau: "A1",
        frequentie: "wekelijks",
        locatie: "Districtshuizen Borgerhout, Deurne en Hoboken",
        partners: "Atlas, buurtwerk",
      },
    ],
    learners: 2250,
    staffCents: 19_850_000,
    operatingCents: 6_125_000,
    otherCostsCents: 2_400_000,
    requestedCents: 2250 * OEF_RATE_CENTS,
    budgetNote:
      "Personeel: 2,5 VTE trajectbegeleider oefenkansen bij Atlas (B1-B3) en 0,5 VTE coördinator (A1a), samen € 198.500. Werking: zaalhuur, oefenmateriaal, vorming en onkostenvergoedingen voor 120 vrijwilligers (€ 61.250). Andere kosten: vervoer en kinderopvang tijdens de oefenmomenten (€ 24.000). De stad draagt € 148.750 zelf bij uit het budget van Atlas.",
    otherSubsidies: [
      {
        verstrekker: "Europees Sociaal Fonds Vlaanderen",
        reden: "Taalcoaching op de werkvloer voor werkzoekenden in de haven",
        periode: "2024-2026",
        bedragCents: 4_800_000,
      },
    ],
    bank: ANTWERPEN_ACCOUNT,
  });
}

function gentOefenkansen2026(): RawValues {
  return oefenkansenAnswers({
    contact: JAN_DE_CLERCQ("Beleidsmedewerker Nederlands en meertaligheid"),
    huidigAanbod:
      "Amal en de buurtcentra organiseren een tiental praatgroepen en taalcafés, vooral in de negentiende-eeuwse gordel. Ouders van kinderen in het basisonderwijs en werkzoekenden met een korte NT2-opleiding bereiken we nog weinig: zij vallen na de les vaak terug op hun moedertaal.",
    taalbeleid:
      "Het meerjarenplan van de stad zet in op oefenkansen op plaatsen waar mensen elkaar al ontmoeten: de schoolpoort, het buurtcentrum en de werkvloer. Dit project breidt het bestaande aanbod uit naar ouders en werkzoekenden.",
    doorverwijzingNT2:
      "Deelnemers zonder les gaan via Amal naar het NT2-loket voor een niveautest en een plaats in een centrum voor volwassenenonderwijs. De trajectbegeleiders van VDAB verwijzen werkzoekenden met een NT2-traject naar de taalwandelingen en de taalbuddy's.",
    samenwerkingAgII:
      "Amal neemt in Gent de taken van het agentschap op en stemt het aanbod maandelijks af met de regioverantwoordelijke van het Agentschap Integratie en Inburgering, onder meer over de kwaliteitscriteria en de registratie van het bereik.",
    activities: [
      {
        soort: "school",
        omschrijving: "Oefengroepen voor ouders aan de schoolpoort, tijdens de schooluren",
        doelgroep: ["ouders"],
        niveau: "A1",
        frequentie: "wekelijks",
        locatie: "Elf basisscholen in Rabot, Brugse Poort, Sluizeken-Tolhuis en Nieuw Gent",
        partners: "Amal, basisscholen, Huis van het Kind",
      },
      {
        soort: "doe-activiteit",
        omschrijving: "Taalwandelingen door de stad voor werkzoekenden",
        doelgroep: ["werkzoekenden"],
        niveau: "A2",
        frequentie: "maandelijks",
        locatie: "Vertrek aan de buurtcentra",
        partners: "Amal, VDAB, buurtcentra",
      },
      {
        soort: "taalbuddy",
        omschrijving: "Taalbuddy's voor jonge werkzoekenden met een NT2-traject",
        doelgroep: ["werkzoekenden", "jongeren"],
        niveau: "B1",
        frequentie: "tweewekelijks",
        locatie: "Bibliotheek De Krook",
      },
    ],
    learners: 1500,
    staffCents: 13_140_000,
    operatingCents: 4_260_000,
    otherCostsCents: 900_000,
    requestedCents: 1500 * OEF_RATE_CENTS,
    budgetNote:
      "Personeel: 1,5 VTE coördinator oefenkansen bij Amal (B1-B3) en 0,4 VTE medewerker buurtcentra (C1-C3), samen € 131.400. Werking: vrijwilligersvergoedingen, materiaal en communicatie naar ouders in acht talen (€ 42.600). Andere kosten: kinderopvang tijdens de oefengroepen voor ouders (€ 9.000). De stad legt zelf € 93.000 bij.",
    bank: GENT_ACCOUNT,
  });
}

/** A draft that An Peeters filled in up to the planned activities. */
function antwerpenOefenkansenDraft(): RawValues {
  const full = oefenkansenAnswers({
    contact: AN_PEETERS,
    huidigAanbod:
      "Sinds 2026 organiseert Atlas met de subsidie oefenkansen Nederlands wekelijkse taalcafés in twaalf bibliotheken, wandelgroepen in de districtshuizen en taalcoaching op de werkvloer; ruim 2.300 anderstaligen namen deel. Ouders bereiken we nog te weinig.",
    taalbeleid:
      "Het taalbeleidsplan 2026-2031 voorziet een tweede spoor 'Nederlands aan de schoolpoort'; deze aanvraag zet dat spoor op naast de bestaande oefenkansen.",
    doorverwijzingNT2:
      "Zoals in 2026: via het NT2-loket van Atlas, dat deelnemers test en doorverwijst naar de centra voor volwassenenonderwijs.",
    samenwerkingAgII:
      "Atlas overlegt elk kwartaal met het Agentschap Integratie en Inburgering en neemt deel aan het lerend netwerk oefenkansen.",
    activities: [
      {
        soort: "taalcafe",
        omschrijving: "Verderzetting van de taalcafés in de bibliotheken",
        doelgroep: ["inburgeraars", "andere"],
        niveau: "A2",
        frequentie: "wekelijks",
        locatie: "Twaalf districtsbibliotheken",
        partners: "Atlas, Stadsbibliotheek Antwerpen",
      },
      {
        soort: "school",
        omschrijving: "Oefengroepen voor ouders aan de schoolpoort",
        doelgroep: ["ouders"],
        niveau: "A1",
        frequentie: "wekelijks",
        locatie: "Basisscholen in Borgerhout en Antwerpen-Noord",
        partners: "Atlas, scholen, Huis van het Kind",
      },
    ],
    learners: 2000,
    staffCents: 17_600_000,
    operatingCents: 5_400_000,
    requestedCents: 2000 * OEF_RATE_CENTS,
    budgetNote: "",
    bank: ANTWERPEN_ACCOUNT,
  });
  // The budget step is begun: the expected reach and the staff costs are filled in.
  return {
    ...answersOfSteps(oefenkansenV1, full, ["organisatie", "huidig-aanbod", "activiteiten"]),
    verwachteLeerders: full.verwachteLeerders,
    personeelskosten: full.personeelskosten,
  };
}

function leuvenRegierol2026(): RawValues {
  return regierolAnswers({
    contact: SARA_JANSSENS,
    samenvatting:
      "Leuven neemt de Vlaamse beleidsprioriteiten op in beleidsdoelstelling 2 'Een veilige en verbonden stad' van het meerjarenplan 2026-2031. De stad versterkt het casusoverleg in de LIVC-R, leert eerstelijnswerkers signalen herkennen, zet in op de weerbaarheid van jongeren in scholen en jeugdwerk en pakt online polarisatie aan met een erkende partnerorganisatie. Een deskundige radicalisering coördineert het lokale netwerk.",
    priorities: [
      priority(
        "regie",
        "AP 2.3.1: de deskundige radicalisering (1 VTE) coördineert het lokale netwerk en stemt halfjaarlijks af met politie, OCMW, onderwijs en jeugdwerk.",
        "Aantal netwerkoverleggen per jaar (streefwaarde 2); tevredenheid van de partners over de afstemming.",
        "AP 2.3.1 – raming € 95.000 per jaar",
      ),
      priority(
        "livc-r",
        "AP 2.3.2: de LIVC-R komt driemaandelijks samen onder voorzitterschap van de burgemeester; casussen worden aangemeld via de deskundige radicalisering.",
        "Aantal besproken casussen; tijd tussen aanmelding en bespreking (streefwaarde: binnen 30 dagen).",
        "AP 2.3.2 – personeelsinzet binnen AP 2.3.1",
      ),
      priority(
        "signalen",
        "AP 2.3.3: jaarlijks vier vormingen 'signalen herkennen' voor leerkrachten, jeugdwerkers, OCMW-medewerkers en sportclubs.",
        "Aantal gevormde eerstelijnswerkers (streefwaarde 150 per jaar); aantal meldingen na een vorming.",
        "AP 2.3.3 – raming € 18.000 per jaar",
      ),
      priority(
        "weerbaarheid",
        "AP 2.4.1: dialoogtrajecten in secundaire scholen en jeugdhuizen; buurtbemiddeling bij spanningen in Kessel-Lo en Wilsele.",
        "Aantal trajecten (streefwaarde 10 per schooljaar); aantal bemiddelde conflicten.",
        "AP 2.4.1 – raming € 40.000 per jaar",
      ),
      priority(
        "online",
        "AP 2.4.2: met een erkende partnerorganisatie een onlinewerking opzetten die jongeren bereikt op sociale media en jeugdwerkers ondersteunt bij online polarisatie.",
        "Aantal bereikte jongeren online; aantal ondersteunde jeugdwerkers.",
        "AP 2.4.2 – raming € 15.000 per jaar",
      ),
    ],
    livcr: "ja",
    livcrWerking:
      "De LIVC-R komt driemaandelijks samen onder voorzitterschap van de burgemeester, met de deskundige radicalisering, de lokale politie, het OCMW, de jeugddienst, het CLB en de preventiedienst. Eerstelijnswerkers melden casussen bij de deskundige radicalisering, die de bespreking voorbereidt en de afspraken opvolgt.",
    partners:
      "Lokale politie Leuven, OCMW Leuven, CLB, secundaire scholen, jeugddienst en jeugdhuizen, buurtwerk, welzijnsorganisaties en een erkende partnerorganisatie voor praktijkontwikkeling.",
    requestedCents: RAD_PLAN_CENTS,
    budgetNote:
      "De basisfinanciering van € 25.000 dekt een deel van de loonkost van de deskundige radicalisering (1 VTE, A1a-A3a). De stad financiert de overige acties uit de eigen middelen van beleidsdoelstelling 2, samen ongeveer € 168.000 per jaar.",
    bank: LEUVEN_ACCOUNT,
  });
}

function vgcRegierol2026(): RawValues {
  return regierolAnswers({
    contact: KARIM_EL_AMRANI,
    samenvatting:
      "De VGC bundelt de Nederlandstalige preventie-inzet in Brussel: ze ondersteunt Nederlandstalige scholen, jeugdwerk en welzijnsorganisaties bij signalen van radicalisering en schadelijke polarisatie en stemt af met de negentien Brusselse gemeenten en hun LIVC-R's. De acties staan in strategische doelstelling 5 van het meerjarenplan 2026-2031.",
    priorities: [
      priority(
        "regie",
        "AP 5.1.1: een Brussels netwerk van Nederlandstalige preventiewerkers dat tweemaandelijks samenkomt en de contacten met de gemeentelijke preventiediensten onderhoudt.",
        "Aantal netwerkmomenten per jaar (streefwaarde 6); aantal gemeenten met een vast aanspreekpunt.",
        "AP 5.1.1 – raming € 60.000 per jaar",
      ),
      priority(
        "signalen",
        "AP 5.1.2: vormingen en een helpdesk voor leerkrachten en jeugdwerkers in het Nederlandstalig onderwijs en jeugdwerk.",
        "Aantal gevormde leerkrachten en jeugdwerkers; aantal vragen aan de helpdesk.",
        "AP 5.1.2 – raming € 35.000 per jaar",
      ),
      priority(
        "weerbaarheid",
        "AP 5.2.1: verbindende projecten in de brede scholen en de gemeenschapscentra.",
        "Aantal projecten per schooljaar; aantal deelnemende jongeren.",
        "AP 5.2.1 – raming € 80.000 per jaar",
      ),
      priority(
        "omgeving",
        "AP 5.2.2: ondersteuning van ouders en familie via de opvoedingsondersteuning van de VGC.",
        "Aantal begeleide gezinnen.",
        "AP 5.2.2 – binnen het budget opvoedingsondersteuning",
      ),
    ],
    livcr: "nee",
    partners:
      "De VGC heeft geen eigen LIVC-R: de Nederlandstalige preventiewerkers nemen deel aan de LIVC-R's van de Brusselse gemeenten wanneer een casus een Nederlandstalige school, jeugdwerking of welzijnsorganisatie betreft. Verder werken we samen met de Brusselse politiezones, de Nederlandstalige scholen en CLB's, de gemeenschapscentra, het Brusselse jeugdwerk en de erkende partnerorganisaties.",
    requestedCents: RAD_PLAN_CENTS,
    budgetNote:
      "De middelen gaan naar de coördinatie van het netwerk van preventiewerkers (0,3 VTE, niveau A) en naar vormingen voor leerkrachten en jeugdwerkers. De raming per actie staat in het bijgevoegde rekenblad.",
    bank: VGC_ACCOUNT,
  });
}

/** The plan that was refused: the priorities are hardly there, but every required answer is. */
function gentRegierol2026(): RawValues {
  return regierolAnswers({
    contact: JAN_DE_CLERCQ("Beleidsmedewerker samenleven"),
    samenvatting: "Gent verwijst naar de bestaande werking rond diversiteit en samenleven in het meerjarenplan 2026-2031.",
    priorities: [
      priority(
        "weerbaarheid",
        "De bestaande werking rond diversiteit en samenleven wordt voortgezet.",
        "Zie de algemene opvolging van het meerjarenplan.",
        "Geen afzonderlijke raming",
      ),
    ],
    livcr: "nee",
    partners: "Politiezone Gent en de stedelijke diensten.",
    requestedCents: RAD_PLAN_CENTS,
    budgetNote: "Het bedrag wordt ingezet binnen de bestaande werking rond samenleven.",
    bank: GENT_ACCOUNT,
  });
}

function gentRegierolDemo(): RawValues {
  return regierolAnswers({
    contact: JAN_DE_CLERCQ("Deskundige preventie radicalisering en polarisatie"),
    samenvatting:
      "Gent heeft het meerjarenplan 2026-2031 aangepast: de Vlaamse beleidsprioriteiten staan nu in actieplan 4.6 'Samen tegen polarisatie'. De stad leert eerstelijnswerkers signalen herkennen, richt een LIVC-R op en versterkt de weerbaarheid van jongeren, online en in de wijken.",
    priorities: [
      priority(
        "signalen",
        "AP 4.6.1: vormingen voor leerkrachten, jeugdwerkers, buurtwerkers en medewerkers van het OCMW, met een vast meldpunt bij de deskundige radicalisering.",
        "Aantal gevormde eerstelijnswerkers (streefwaarde 200 per jaar); aantal meldingen.",
        "AP 4.6.1 – raming € 30.000 per jaar",
      ),
      priority(
        "livc-r",
        "AP 4.6.2: oprichting van een LIVC-R die maandelijks samenkomt, met een deskundige radicalisering die de casussen voorbereidt en opvolgt.",
        "LIVC-R opgericht in het eerste jaar; aantal besproken casussen en opgevolgde afspraken.",
        "AP 4.6.2 – raming € 85.000 per jaar (1 VTE)",
      ),
      priority(
        "weerbaarheid",
        "AP 4.6.3: verbindende projecten met jongeren in Rabot, Brugse Poort en Nieuw Gent, samen met het jeugdwelzijnswerk.",
        "Aantal projecten en deelnemende jongeren per jaar.",
        "AP 4.6.3 – raming € 45.000 per jaar",
      ),
      priority(
        "online",
        "AP 4.6.4: een onlinewerker die jongeren op sociale media aanspreekt bij haatberichten en desinformatie.",
        "Aantal online gesprekken; aantal doorverwijzingen naar hulpverlening.",
        "AP 4.6.4 – raming € 25.000 per jaar",
      ),
    ],
    livcr: "in-oprichting",
    livcrWerking:
      "De gemeenteraad keurde de oprichting goed. De LIVC-R komt maandelijks samen onder voorzitterschap van de burgemeester, met politie, OCMW, Amal, de jeugddienst, onderwijs en de preventiedienst. Casussen worden aangemeld bij de nieuwe deskundige radicalisering.",
    partners:
      "Politiezone Gent, OCMW Gent, Amal, de jeugddienst en het jeugdwelzijnswerk, scholen en CLB's, buurtwerk en twee erkende partnerorganisaties voor beleidsondersteuning en praktijkontwikkeling.",
    requestedCents: RAD_PLAN_CENTS,
    budgetNote:
      "De basisfinanciering van € 25.000 gaat naar de deskundige radicalisering (1 VTE, A1a-A3a). De stad financiert de andere acties van actieplan 4.6 zelf, samen ongeveer € 100.000 per jaar.",
    bank: GENT_ACCOUNT,
  });
}

function brugwerkErkenning(): RawValues {
  return erkenningAnswers({
    organisation: {
      name: "vzw Brugwerk",
      rechtsvorm: "vzw",
      kboNumber: "0456123494",
      adres: "Sint-Jorisstraat 34, 8000 Brugge",
      website: "https://www.brugwerk.example",
    },
    contact: LOTTE_MAES,
    expertise: ["beleidsondersteuning", "praktijkontwikkeling"],
    themas: ["radicalisering", "polarisatie"],
    kanalen: ["offline", "online"],
    facetten: ["regie", "livc-r", "signalen", "weerbaarheid"],
    provincies: ["West-Vlaanderen", "Oost-Vlaanderen"],
    aanbod:
      "Brugwerk ondersteunt lokale besturen in West- en Oost-Vlaanderen bij het uitbouwen van hun regierol: begeleiding bij het opzetten en voorzitten van een LIVC-R, vormingen 'signalen herkennen' voor eerstelijnswerkers, intervisie voor deskundigen radicalisering en praktijkontwikkeling rond de weerbaarheid van jongeren, samen met scholen en jeugdwerk. Elk bestuur krijgt een vaste begeleider.",
    staff: [
      {
        functie: "Coördinator",
        vte: "1,0",
        kwalificaties: "Master criminologie; tien jaar ervaring in lokaal preventiebeleid, waarvan vijf als deskundige radicalisering.",
      },
      {
        functie: "Beleidsmedewerker lokale besturen",
        vte: "1,0",
        kwalificaties:
          "Master politieke wetenschappen; begeleidde als stafmedewerker van een intergemeentelijk samenwerkingsverband drie LIVC-R's.",
      },
      {
        functie: "Praktijkontwikkelaar jeugd en onderwijs",
        vte: "0,8",
        kwalificaties: "Bachelor sociaal werk; ervaring als jeugdwerker en trainer in dialoogmethodieken.",
      },
      {
        functie: "Vormingsmedewerker",
        vte: "0,9",
        kwalificaties: "Master pedagogische wetenschappen; ontwikkelde vormingen over signalen van radicalisering voor leerkrachten.",
      },
      {
        functie: "Onlinewerker",
        vte: "0,8",
        kwalificaties: "Bachelor toegepaste informatica en sociaal werk; ervaring met online outreach bij jongeren.",
      },
    ],
    actieplan:
      "2026: intake bij elk ondersteund bestuur en een vormingsaanbod voor eerstelijnswerkers. 2027-2028: begeleiding van minstens twintig besturen bij hun LIVC-R en twee praktijkprojecten rond weerbaarheid per provincie. 2029-2030: evaluatie met de besturen, bundeling van de methodieken en overdracht naar de lokale netwerken.",
    annualBudgetCents: 38_500_000,
    budgetNote:
      "Personeel: 4,5 VTE (paritair comité 329.01, barema's B1c tot A1), samen € 318.000. Werking en vorming: € 52.000. Huisvesting: € 15.000.",
    otherSubsidies: [
      {
        verstrekker: "Provincie West-Vlaanderen",
        reden: "Vormingen voor eerstelijnswerkers rond polarisatie",
        periode: "2025-2026",
        bedragCents: 2_250_000,
      },
    ],
  });
}

function dialoogwerfErkenning(): RawValues {
  return erkenningAnswers({
    organisation: { name: "vzw Dialoogwerf", rechtsvorm: "vzw", kboNumber: "0823145661", adres: "Lange Kievitstraat 112, 2018 Antwerpen" },
    contact: NOOR_VAN_DAMME,
    expertise: ["praktijkontwikkeling"],
    themas: ["polarisatie"],
    kanalen: ["offline"],
    facetten: ["weerbaarheid"],
    provincies: ["Antwerpen", "West-Vlaanderen"],
    aanbod:
      "Dialoogwerf begeleidt dialoogtrajecten over gevoelige maatschappelijke thema's in secundaire scholen en jeugdverenigingen, met getrainde gespreksleiders en een draaiboek voor leerkrachten en jeugdwerkers.",
    staff: [
      {
        functie: "Coördinator en gespreksleider",
        vte: "1,0",
        kwalificaties: "Master conflictbemiddeling; zes jaar ervaring met dialoogtrajecten in scholen.",
      },
      { functie: "Gespreksleider", vte: "0,8", kwalificaties: "Bachelor sociaal-cultureel werk; opleiding tot bemiddelaar." },
    ],
    actieplan:
      "2026-2027: dialoogtrajecten in dertig scholen en jeugdverenigingen per jaar. 2028-2030: een opleiding voor gespreksleiders in de lokale besturen die dat wensen.",
    annualBudgetCents: 14_200_000,
    budgetNote: "Personeel: 1,8 VTE (€ 118.000). Werking en verplaatsingen: € 24.000.",
  });
}

function tussenruimteErkenning(): RawValues {
  return erkenningAnswers({
    organisation: {
      name: "vzw Tussenruimte",
      rechtsvorm: "vzw",
      kboNumber: "0734581295",
      adres: "Dok Noord 7, 9000 Gent",
      website: "https://tussenruimte.example",
    },
    contact: TOM_WOUTERS,
    expertise: ["beleidsondersteuning", "praktijkontwikkeling"],
    themas: ["polarisatie", "extremisme"],
    kanalen: ["online", "offline"],
    facetten: ["signalen", "online", "omgeving"],
    provincies: ["Oost-Vlaanderen", "Vlaams-Brabant"],
    aanbod:
      "Tussenruimte begeleidt lokale besturen bij spanningen in de wijk en bij online polarisatie onder jongeren. We trainen eerstelijnswerkers om signalen online te herkennen, bieden een onlinewerking aan die besturen kunnen inschakelen en ondersteunen familie en omgeving van jongeren die dreigen te radicaliseren.",
    staff: [
      { functie: "Directeur", vte: "0,5", kwalificaties: "Master sociologie; vijftien jaar ervaring in jeugdwelzijnswerk en preventie." },
      { functie: "Onlinewerker", vte: "1,0", kwalificaties: "Bachelor sociaal werk; drie jaar online outreach bij jongeren." },
      { functie: "Familiebegeleider", vte: "0,8", kwalificaties: "Master klinische psychologie; ervaring in contextbegeleiding." },
      {
        functie: "Beleidsmedewerker",
        vte: "0,7",
        kwalificaties: "Master bestuurskunde; ondersteunde lokale besturen bij hun preventiebeleid.",
      },
    ],
    actieplan:
      "Jaar 1: kennismaking met de besturen in Oost-Vlaanderen en Vlaams-Brabant en een vormingsreeks over online signalen. Jaar 2-3: onlinewerking op vraag van de besturen en begeleiding van familie en omgeving. Jaar 4-5: evaluatie en een handleiding voor lokale besturen.",
    annualBudgetCents: 24_800_000,
    budgetNote: "Personeel: 3,0 VTE (paritair comité 319.01), samen € 205.000. Werking: € 31.000. Huisvesting: € 12.000.",
  });
}

/** Historic (closed, decided) dossiers and the dossiers in the open demo rounds. */
export function sampleDossiers(now: Date): SampleDossier[] {
  return [
    // Oefenkansen Nederlands 2026 (opens 3 November 2025, closes 19 December 2025)
    {
      callKey: "OEF-2026",
      organisation: { nisCode: "11002" },
      data: antwerpenOefenkansen2026(),
      attachments: [
        spreadsheet("begrotingBestand", "Begroting oefenkansen Nederlands 2026 Antwerpen.xlsx", brusselsAt("2025-12-12", "14:03")),
      ],
      requestedCents: 2250 * OEF_RATE_CENTS,
      grantedCents: 2250 * OEF_RATE_CENTS,
      steps: [
        created(brusselsAt("2025-11-05", "10:12")),
        submitted(brusselsAt("2025-12-15", "16:40")),
        inReview(brusselsAt("2025-12-22", "09:05")),
        proposed(
          brusselsAt("2026-01-14", "11:30"),
          "Voldoet aan alle criteria; het bereik van 2.250 leerders is onderbouwd met het lokale taalbeleid en de samenwerking met Atlas. Voorstel: volledige toekenning.",
        ),
        decided(
          "APPROVED",
          brusselsAt("2026-01-27", "15:02"),
          "Goedgekeurd conform het voorstel van de beoordelaar: € 135.000,00 voor 2.250 leerders.",
        ),
      ],
    },
    {
      callKey: "OEF-2026",
      organisation: { nisCode: "44021" },
      data: gentOefenkansen2026(),
      attachments: [pdf("bijlagen", "Samenwerkingsafspraken Amal en buurtcentra.pdf", brusselsAt("2025-12-19", "22:30"))],
      requestedCents: 1500 * OEF_RATE_CENTS,
      grantedCents: 1000 * OEF_RATE_CENTS,
      steps: [
        created(brusselsAt("2025-11-10", "14:25")),
        // Late on the last day: still well before 23:59:59 Brussels time.
        submitted(brusselsAt("2025-12-19", "22:41")),
        inReview(brusselsAt("2025-12-22", "10:17")),
        {
          status: "INFO_REQUESTED",
          at: brusselsAt("2026-01-06", "09:48"),
          by: "REVIEWER",
          reason: "Gelieve het verwachte aantal leerders per activiteit te verduidelijken en de cofinanciering door de stad te bevestigen.",
        },
        { status: "IN_REVIEW", at: brusselsAt("2026-01-09", "13:20"), by: "APPLICANT" },
        proposed(
          brusselsAt("2026-01-16", "16:05"),
          "Het bereik is onderbouwd voor ongeveer 1.000 leerders; de taalwandelingen zijn nog niet concreet gepland. Voorstel: toekenning voor 1.000 leerders.",
        ),
        decided(
          "PARTIALLY_APPROVED",
          brusselsAt("2026-01-28", "11:40"),
          "Gedeeltelijk goedgekeurd: € 60.000,00 voor 1.000 leerders, conform het voorstel.",
        ),
      ],
    },
    // Lokale regierol 2026 (opens 1 October 2025, closes 15 January 2026, decision by 30 April 2026)
    {
      callKey: "RAD-2026",
      organisation: { nisCode: "24062" },
      data: leuvenRegierol2026(),
      attachments: [pdf("meerjarenplan", "Meerjarenplan Leuven 2026-2031.pdf", brusselsAt("2026-01-07", "11:48"))],
      requestedCents: RAD_PLAN_CENTS,
      grantedCents: RAD_PLAN_CENTS,
      steps: [
        created(brusselsAt("2025-10-14", "09:30")),
        submitted(brusselsAt("2026-01-08", "15:12")),
        inReview(brusselsAt("2026-01-19", "10:00")),
        proposed(
          brusselsAt("2026-03-17", "14:45"),
          "Alle Vlaamse beleidsprioriteiten zijn vertaald in acties, indicatoren en budgetlijnen; de LIVC-R werkt. Voorstel: toekenning.",
        ),
        decided("APPROVED", brusselsAt("2026-04-21", "10:30"), "Goedgekeurd: € 25.000,00 basisfinanciering voor de lokale regierol."),
      ],
    },
    {
      callKey: "RAD-2026",
      organisation: { nisCode: "21000" },
      data: vgcRegierol2026(),
      attachments: [
        pdf("meerjarenplan", "Meerjarenplan VGC 2026-2031.pdf", brusselsAt("2026-01-14", "10:05")),
        spreadsheet("begrotingBestand", "Raming preventie-inzet VGC 2026.xlsx", brusselsAt("2026-01-15", "16:58")),
      ],
      requestedCents: RAD_PLAN_CENTS,
      grantedCents: RAD_PLAN_CENTS,
      steps: [
        created(brusselsAt("2025-11-04", "11:05")),
        submitted(brusselsAt("2026-01-15", "17:20")),
        inReview(brusselsAt("2026-01-20", "09:15")),
        proposed(
          brusselsAt("2026-03-24", "15:30"),
          "Het meerjarenplan dekt de beleidsprioriteiten; de afstemming met de Brusselse gemeenten is duidelijk beschreven. Voorstel: toekenning.",
        ),
        decided("APPROVED", brusselsAt("2026-04-21", "10:45"), "Goedgekeurd: € 25.000,00 basisfinanciering voor de lokale regierol."),
      ],
    },
    {
      callKey: "RAD-2026",
      organisation: { nisCode: "44021" },
      data: gentRegierol2026(),
      attachments: [pdf("meerjarenplan", "Meerjarenplan stad Gent 2026-2031.pdf", brusselsAt("2026-01-14", "11:02"))],
      requestedCents: RAD_PLAN_CENTS,
      grantedCents: 0,
      steps: [
        created(brusselsAt("2025-12-01", "13:50")),
        submitted(brusselsAt("2026-01-14", "11:26")),
        inReview(brusselsAt("2026-01-21", "14:10")),
        proposed(
          brusselsAt("2026-03-31", "10:20"),
          "Het meerjarenplan bevat geen acties, indicatoren of budgetlijnen voor de Vlaamse beleidsprioriteiten rond gewelddadige radicalisering en schadelijke polarisatie. Voorstel: weigering.",
        ),
        decided(
          "REFUSED",
          brusselsAt("2026-04-28", "16:00"),
          "Geweigerd: de Vlaamse beleidsprioriteiten zijn niet opgenomen in het ingediende meerjarenplan.",
        ),
      ],
    },
    // Erkenning partnerorganisaties (opens 15 September 2025, closes 31 October 2025)
    {
      callKey: "ERK-2026",
      organisation: { kboNumber: "0456123494" },
      data: brugwerkErkenning(),
      attachments: [
        pdf("statuten", "Statuten vzw Brugwerk (gecoördineerd 2024).pdf", brusselsAt("2025-09-18", "10:22")),
        pdf("jaarrekening", "Jaarrekening 2024 vzw Brugwerk.pdf", brusselsAt("2025-10-02", "15:40")),
        pdf("actieplanBestand", "Actieplan Brugwerk 2026-2030.pdf", brusselsAt("2025-10-29", "14:10")),
      ],
      requestedCents: null,
      grantedCents: null,
      steps: [
        created(brusselsAt("2025-09-18", "10:00")),
        submitted(brusselsAt("2025-10-29", "14:35")),
        inReview(brusselsAt("2025-11-03", "09:20")),
        proposed(
          brusselsAt("2025-11-26", "15:15"),
          "Sterke praktijkontwikkeling en duidelijke regionale afbakening; geen overlap met andere kandidaten. Voorstel: erkenning.",
        ),
        decided(
          "APPROVED",
          brusselsAt("2025-12-10", "11:00"),
          "Erkend als partnerorganisatie vanaf 1 januari 2026 voor West-Vlaanderen en Oost-Vlaanderen.",
        ),
      ],
    },
    {
      callKey: "ERK-2026",
      organisation: { kboNumber: "0823145661" },
      data: dialoogwerfErkenning(),
      attachments: [
        pdf("statuten", "Statuten vzw Dialoogwerf.pdf", brusselsAt("2025-10-31", "20:40")),
        spreadsheet("jaarrekening", "Jaarrekening 2024 Dialoogwerf.xlsx", brusselsAt("2025-10-31", "20:52")),
      ],
      requestedCents: null,
      grantedCents: null,
      steps: [
        created(brusselsAt("2025-09-25", "16:10")),
        submitted(brusselsAt("2025-10-31", "21:15")),
        inReview(brusselsAt("2025-11-04", "10:40")),
        proposed(
          brusselsAt("2025-11-28", "14:00"),
          "Overlap in thema's en regio's met een andere kandidaat en geen aanbod in beleidsondersteuning. Voorstel: weigering.",
        ),
        decided(
          "REFUSED",
          brusselsAt("2025-12-10", "11:20"),
          "Geweigerd: het aanbod overlapt met dat van een erkende partnerorganisatie en dekt de beleidsondersteuning niet.",
        ),
      ],
    },
    // Open demo rounds (relative to the seed time)
    {
      callKey: "OEF-demo",
      organisation: { nisCode: "11002" },
      data: antwerpenOefenkansenDraft(),
      attachments: [],
      requestedCents: null,
      grantedCents: null,
      steps: [created(daysBefore(now, 12, "10:15"))],
    },
    {
      callKey: "RAD-demo",
      organisation: { nisCode: "44021" },
      data: gentRegierolDemo(),
      attachments: [pdf("meerjarenplan", "Aangepast meerjarenplan stad Gent 2026-2031.pdf", daysBefore(now, 3, "14:10"))],
      requestedCents: RAD_PLAN_CENTS,
      grantedCents: null,
      steps: [created(daysBefore(now, 16, "09:40")), submitted(daysBefore(now, 2, "16:25"))],
    },
    {
      callKey: "ERK-demo",
      organisation: { kboNumber: "0734581295" },
      data: tussenruimteErkenning(),
      attachments: [
        pdf("statuten", "Statuten vzw Tussenruimte.pdf", daysBefore(now, 19, "14:30")),
        pdf("jaarrekening", `Jaarrekening ${brusselsYear(now) - 1} vzw Tussenruimte.pdf`, daysBefore(now, 8, "09:15")),
      ],
      requestedCents: null,
      grantedCents: null,
      steps: [created(daysBefore(now, 19, "14:05")), submitted(daysBefore(now, 1, "11:50"))],
    },
  ];
}
