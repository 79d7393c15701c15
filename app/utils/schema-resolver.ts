import { standardSchemaResolver } from "@hookform/resolvers/standard-schema";
import type { FieldValues, Resolver } from "react-hook-form";
import { config, type $ZodType, type input, type output } from "zod/v4/core";
// Not through "zod/locales": its index would bring every locale some page uses (zod classic's en).
import nl from "zod/v4/locales/nl.js";

// Dutch defaults for zod's own messages in the browser too. utils/forms.ts sets them on the
// server, but no page uses it in the browser, so the bundler drops it there (and its config).
config(nl());

/**
 * react-hook-form's resolver for a form's zod schema (classic or zod/mini). Standard Schema,
 * not the zod resolver: it takes the input and output types from the schema's `~standard`
 * property, which TypeScript can read off a generic schema type (docs/decisions/0027).
 */
export function schemaResolver<S extends $ZodType<FieldValues, FieldValues>>(schema: S): Resolver<input<S>, unknown, output<S>> {
  return standardSchemaResolver<input<S>, unknown, output<S>>(schema);
}
