// No zod here: the wizard's province options are built in the browser (see ./kbo).
export const PROVINCES = ["Antwerpen", "Limburg", "Oost-Vlaanderen", "Vlaams-Brabant", "West-Vlaanderen", "Brussel"] as const;
export type Province = (typeof PROVINCES)[number];
