import type { StaffRole } from "~/domain/roles";
import { AreaNav, type AreaPage } from "./area-nav";

/** The review area's pages, each with the roles its loader lets in (app/routes/te-beoordelen.*). */
const STAFF_PAGES: ReadonlyArray<AreaPage & { roles: readonly StaffRole[] }> = [
  { to: "/te-beoordelen", label: "Dossiers", end: true, roles: ["REVIEWER", "DECIDER"] },
  { to: "/te-beoordelen/erkenningen", label: "Erkenningen vergelijken", end: false, roles: ["REVIEWER", "DECIDER", "ADMIN"] },
];

/** The review area's navigation: only the pages this staff member may open (none for anyone else). */
export function StaffNav({ staffRoles }: { staffRoles: readonly StaffRole[] }) {
  const pages = STAFF_PAGES.filter((page) => page.roles.some((role) => staffRoles.includes(role)));
  return <AreaNav label="Beoordelen" pages={pages} />;
}
