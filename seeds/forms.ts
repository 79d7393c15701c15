/**
 * Form versions defined as data (app/forms/stored-form.ts), seeded like an administrator
 * would add them: the fourth programme's form lives in seeds/forms/*.json, not in code.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PrismaClient } from "~/db.server";
import { saveStoredForm } from "~/forms/form-store.server";
import { storedFormSchema } from "~/forms/stored-form";
import { tally, type Outcome, type Tally } from "./sync";

const FORMS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "forms");

export async function seedStoredForms(prisma: PrismaClient): Promise<Tally> {
  const outcomes: Outcome[] = [];
  for (const file of readdirSync(FORMS_DIR)
    .filter((name) => name.endsWith(".json"))
    .sort()) {
    const json = readFileSync(path.join(FORMS_DIR, file), "utf8");
    const { key, version } = storedFormSchema.parse(JSON.parse(json));
    const existing = await prisma.formVersion.findUnique({ where: { key_version: { key, version } } });
    if (existing) {
      // A saved version is never changed: dossiers were filled in against it.
      if (existing.definition !== JSON.stringify(storedFormSchema.parse(JSON.parse(json)))) {
        throw new Error(`${file}: versie ${version} van "${key}" bestaat al met een andere inhoud. Maak een nieuwe versie.`);
      }
      outcomes.push("unchanged");
      continue;
    }
    const saved = await saveStoredForm(json, null, prisma);
    if (!saved.ok) throw new Error(`${file}: ${Object.values(saved.errors).join(" ")}`);
    outcomes.push("created");
  }
  return tally(outcomes);
}
