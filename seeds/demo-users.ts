/**
 * Demo accounts (demo data only: never seeded in production). The start command prints them,
 * the README lists them and the end-to-end tests log in with them.
 */
import type { StaffRole } from "~/domain/roles";

export type DemoUser = {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  /** What the account is for, shown by the start command. */
  description: string;
  /** Organisations this user is a member of, by NIS code (local governments) or KBO number. */
  memberOf: Array<{ nisCode: string } | { kboNumber: string }>;
  staffRoles: StaffRole[];
  /** Staff: the function printed under their name when they sign a decision letter. */
  jobTitle?: string;
};

export const DEMO_USERS: DemoUser[] = [
  {
    email: "an.peeters@antwerpen.example",
    password: "Antwerpen-demo-2026",
    firstName: "An",
    lastName: "Peeters",
    description: "ambtenaar, stad Antwerpen",
    memberOf: [{ nisCode: "11002" }],
    staffRoles: [],
  },
  {
    email: "jan.declercq@gent.example",
    password: "Gent-demo-2026",
    firstName: "Jan",
    lastName: "De Clercq",
    description: "ambtenaar, stad Gent",
    memberOf: [{ nisCode: "44021" }],
    staffRoles: [],
  },
  {
    email: "sara.janssens@leuven.example",
    password: "Leuven-demo-2026",
    firstName: "Sara",
    lastName: "Janssens",
    description: "ambtenaar, stad Leuven en OCMW Leuven (organisatiewissel)",
    memberOf: [{ nisCode: "24062" }, { kboNumber: "0212239958" }],
    staffRoles: [],
  },
  {
    email: "karim.elamrani@vgc.example",
    password: "Brussel-demo-2026",
    firstName: "Karim",
    lastName: "El Amrani",
    description: "medewerker, Vlaamse Gemeenschapscommissie",
    memberOf: [{ nisCode: "21000" }],
    staffRoles: [],
  },
  {
    email: "lotte.maes@brugwerk.example",
    password: "Partner-demo-2026",
    firstName: "Lotte",
    lastName: "Maes",
    description: "coördinator, vzw Brugwerk (kandidaat-partnerorganisatie)",
    memberOf: [{ kboNumber: "0456123494" }],
    staffRoles: [],
  },
  {
    email: "noor.vandamme@dialoogwerf.example",
    password: "Dialoogwerf-demo-2026",
    firstName: "Noor",
    lastName: "Van Damme",
    description: "coördinator, vzw Dialoogwerf (geweigerde kandidaat-partnerorganisatie)",
    memberOf: [{ kboNumber: "0823145661" }],
    staffRoles: [],
  },
  {
    email: "tom.wouters@tussenruimte.example",
    password: "Tussenruimte-demo-2026",
    firstName: "Tom",
    lastName: "Wouters",
    description: "directeur, vzw Tussenruimte (kandidaat in de demoronde)",
    memberOf: [{ kboNumber: "0734581295" }],
    staffRoles: [],
  },
  {
    email: "els.vermeulen@agii.example",
    password: "Beoordelaar-demo-2026",
    firstName: "Els",
    lastName: "Vermeulen",
    description: "AgII, beoordelaar",
    memberOf: [],
    staffRoles: ["REVIEWER"],
  },
  {
    email: "pieter.claes@agii.example",
    password: "Beslisser-demo-2026",
    firstName: "Pieter",
    lastName: "Claes",
    description: "AgII, beslisser",
    memberOf: [],
    staffRoles: ["DECIDER"],
    jobTitle: "afdelingshoofd Lokaal Integratiebeleid",
  },
  {
    email: "nadia.bouzid@agii.example",
    password: "Beheerder-demo-2026",
    firstName: "Nadia",
    lastName: "Bouzid",
    description: "AgII, beheerder",
    memberOf: [],
    staffRoles: ["ADMIN"],
  },
];
