import type * as z from "zod";
import { readMultipartForm, type UploadedFile } from "~/attachments/upload.server";
import { readForm } from "./form-post.server";
import { echoableValues, formInput, parseFormData, type FieldErrors, type FormFailure, type FormInput, type ParsedForm } from "./forms";

/** A form post, read once; check it with the schema of what was posted (docs/decisions/0033). */
export type FormPost = {
  /** Typed values, or the first message per field and what the user typed (for the page to show again) */
  parse<S extends z.core.$ZodType>(schema: S): ParsedForm<z.output<S>>;
  /** A refusal found after parsing (a domain rule), in the same shape, with what the user typed */
  fail(errors: FieldErrors): FormFailure;
  /** The post as the schema reads it, unchecked: to show a structured form (rows, lists) again */
  input(schema: z.core.$ZodType): FormInput;
  /** What the user typed, without secrets: to show again, never to act on */
  values: Record<string, string>;
  /**
   * Files of a multipart post (only with `files: true`), as temp files: hand each to
   * storeAttachment, or to discardUploads when the post is refused.
   */
  files: UploadedFile[];
};

export type ReadFormPostOptions = {
  /** The route takes files (its handle says acceptsFiles): multipart posts are read too */
  files?: boolean;
  /** Never sent back to the page (passwords) */
  secretFields?: readonly string[];
};

/**
 * How every action reads its form. Underneath, readForm (app/utils/form-post.server.ts) or,
 * for routes that take files, readMultipartForm enforce the size limits and content types: a
 * post that is not a form is answered with a Dutch 400/413/415 before the action sees it.
 */
export async function readFormPost(request: Request, options: ReadFormPostOptions = {}): Promise<FormPost> {
  const { formData, files } = options.files ? await readMultipartForm(request) : { formData: await readForm(request), files: [] };
  const secretFields = options.secretFields ?? [];
  const values = echoableValues(formData, secretFields);
  return {
    parse: (schema) => parseFormData(schema, formData, { secretFields }),
    fail: (errors) => ({ ok: false, errors, values }),
    input: (schema) => formInput(schema, formData),
    values,
    files,
  };
}
