import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import * as z from "zod/mini";
import { addFormVersion, previewFormJson } from "~/admin/form-versions.server";
import { requireStaff } from "~/auth/viewer.server";
import { TextAreaField } from "~/components/admin-fields";
import { FormPreview } from "~/components/form-preview";
import { ErrorSummary, useZodForm } from "~/components/forms";
import { readFormPost } from "~/utils/read-form-post.server";
import { requiredText } from "~/utils/schemas";
import { redirectWithNotice } from "~/utils/notice.server";
import { SubmitButton } from "~/components/submit-button";

export const meta: MetaFunction = () => [{ title: "Formulierversie toevoegen | Beheer | Subsidieportaal AgII" }];

// The browser only checks that something was pasted; the server reads the JSON (storedFormSchema).
const schema = z.object({
  definition: requiredText(200_000, { multiline: true, tooLong: "Deze definitie is te lang (hoogstens 200.000 tekens)." }),
});
const LABELS = { definition: "Definitie (JSON)" };
/** The form and the button that sent it: "save", or else "preview". */
const postSchema = z.extend(schema, { intent: z.catch(z.enum(["preview", "save"]), "preview") });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ADMIN");
  return null;
}

/** "preview" checks and shows the form; "save" checks again and stores it. */
export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireStaff(request, "ADMIN");
  const post = await readFormPost(request);
  const parsed = post.parse(postSchema);
  if (!parsed.ok) return data({ ...parsed, preview: null }, { status: 400 });
  if (parsed.data.intent === "save") {
    const result = await addFormVersion(viewer, parsed.data.definition);
    if (!result.ok) return data({ ...post.fail(result.errors), preview: null }, { status: 400 });
    throw await redirectWithNotice(
      `/beheer/formulieren/${result.key}/${result.version}`,
      "De formulierversie is opgeslagen. Kies ze bij een oproep om ze te gebruiken.",
    );
  }
  const preview = previewFormJson(parsed.data.definition);
  if (!preview.ok) return data({ ...post.fail(preview.errors), preview: null }, { status: 400 });
  return { ok: true as const, values: { definition: parsed.data.definition }, errors: {}, preview: preview.preview };
}

export default function NewFormVersionPage() {
  const actionData = useActionData<typeof action>();
  const form = useZodForm(schema, {
    defaultValues: { definition: actionData?.values.definition ?? "" },
    serverErrors: actionData && !actionData.ok ? actionData.errors : undefined,
  });
  const preview = actionData?.preview ?? null;
  return (
    <section>
      <p>
        <Link to="/beheer/formulieren">Terug naar de formulieren</Link>
      </p>
      <h1>Formulierversie toevoegen</h1>
      <p>
        Plak de definitie van een nieuwe versie in JSON: sleutel, versienummer, titel en stappen met velden (zie{" "}
        <code>seeds/forms/sociale-cohesie-v1.json</code> als voorbeeld). Bekijk eerst het voorbeeld; een opgeslagen versie kan niet meer
        wijzigen.
      </p>
      <ErrorSummary errors={form.errors} labels={LABELS} attempt={form.attempt} />
      <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
        <TextAreaField
          label={LABELS.definition}
          required
          rows={18}
          spellCheck={false}
          className="code-input"
          {...form.field("definition")}
        />
        <div className="actions">
          <SubmitButton name="intent" value="preview" className="button button--secondary" busyLabel="Bezig met het voorbeeld…">
            Voorbeeld tonen
          </SubmitButton>
          <SubmitButton name="intent" value="save" busyLabel="Bezig met opslaan…">
            Versie opslaan
          </SubmitButton>
        </div>
      </Form>
      {preview ? (
        <section aria-labelledby="preview-title" className="form-preview-box">
          <h2 id="preview-title">
            Voorbeeld: {preview.title} ({preview.key}, versie {preview.version})
          </h2>
          <p className="notice" role="status">
            De definitie is geldig. Nog niet opgeslagen.
          </p>
          <FormPreview preview={preview} headingLevel={3} />
        </section>
      ) : null}
    </section>
  );
}
