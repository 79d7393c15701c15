/** Option lists shared by more than one form. */
import { PROVINCES } from "~/domain/provinces";
import type { Option } from "./types";

/**
 * The Flemish policy priorities for the local regierol (design choice: the policy texts name
 * them only in general terms). A local government says where each lives in its meerjarenplan;
 * a partner organisation says which of them, as facets of the regierol, it supports.
 */
export const REGIEROL_PRIORITIES: Option[] = [
  { value: "regie", label: "Lokale regie en netwerk: de lokale aanpak coördineren met alle betrokken partners" },
  { value: "livc-r", label: "Casusoverleg in een lokale integrale veiligheidscel radicalisering (LIVC-R)" },
  { value: "signalen", label: "Vroegtijdige signalering: eerstelijnswerkers herkennen signalen en weten wat te doen" },
  { value: "weerbaarheid", label: "Weerbaarheid en verbinding: schadelijke polarisatie voorkomen in wijken, scholen en vrije tijd" },
  { value: "online", label: "Online radicalisering en polarisatie" },
  { value: "omgeving", label: "Ondersteuning van familie en omgeving, en re-integratie" },
];

export const PROVINCE_OPTIONS: Option[] = PROVINCES.map((province) => ({
  value: province,
  label: province === "Brussel" ? "Brussels Hoofdstedelijk Gewest" : province,
}));
