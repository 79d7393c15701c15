import { prisma, type PrismaClient, type Tx } from "~/db.server";
import { findForm, listForms, type AnyFormDefinition } from "./registry";
import { compileStoredForm, readStoredFormJson, storedFormSchema, type StoredForm } from "./stored-form";

type Db = Tx | PrismaClient;

// A stored version never changes once saved, so what was read once is read for good.
const storedForms = new Map<string, StoredForm>();

/** The JSON of a stored form version, or null for versions in code (and unknown ones). */
export async function storedFormJson(key: string, version: number, db: Db = prisma): Promise<StoredForm | null> {
  if (findForm(key, version)) return null;
  const known = storedForms.get(`${key}@${version}`);
  if (known) return known;
  const row = await db.formVersion.findUnique({ where: { key_version: { key, version } } });
  if (!row) return null;
  const form = storedFormSchema.parse(JSON.parse(row.definition));
  storedForms.set(`${key}@${version}`, form);
  return form;
}

const compiledForms = new WeakMap<StoredForm, AnyFormDefinition>();

/** A form version from code or from the database. */
export async function resolveForm(key: string, version: number, db: Db = prisma): Promise<AnyFormDefinition | null> {
  const inCode = findForm(key, version);
  if (inCode) return inCode;
  const stored = await storedFormJson(key, version, db);
  if (!stored) return null;
  let compiled = compiledForms.get(stored);
  if (!compiled) {
    compiled = compileStoredForm(stored);
    compiledForms.set(stored, compiled);
  }
  return compiled;
}

export async function requireForm(key: string, version: number, db: Db = prisma): Promise<AnyFormDefinition> {
  const form = await resolveForm(key, version, db);
  if (!form) throw new Error(`Onbekend formulier ${key} versie ${version}`);
  return form;
}

/** Every form version a call can use, newest version of each form last. */
export async function listFormVersions(db: Db = prisma) {
  const stored = await db.formVersion.findMany({
    select: { key: true, version: true, title: true },
    orderBy: [{ key: "asc" }, { version: "asc" }],
  });
  return [...listForms().map((f) => ({ ...f, stored: false })), ...stored.map((f) => ({ ...f, stored: true }))];
}

export type SaveFormResult = { ok: true; key: string; version: number } | { ok: false; errors: Record<string, string> };

/**
 * Saves a new form version from its JSON. A version that exists (in code or stored) is
 * never replaced: dossiers keep the version they were started with.
 */
export async function saveStoredForm(json: string, createdById: string | null, db: Db = prisma): Promise<SaveFormResult> {
  const parsed = readStoredFormJson(json);
  if (!parsed.ok) return parsed;
  const { key, version, title } = parsed.data;
  if (await resolveForm(key, version, db)) {
    return {
      ok: false,
      errors: { definition: `Versie ${version} van formulier "${key}" bestaat al. Een wijziging is een nieuwe versie.` },
    };
  }
  await db.formVersion.create({ data: { key, version, title, definition: JSON.stringify(parsed.data), createdById } });
  return { ok: true, key, version };
}
