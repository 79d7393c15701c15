import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import * as z from "zod/mini";
import { requireStaff } from "~/auth/viewer.server";
import { RadioGroup, SelectField } from "~/components/admin-fields";
import { ErrorSummary, TextField, useZodForm } from "~/components/forms";
import { TableRegion } from "~/components/table-region";
import { mergerFormSchema } from "~/domain/merger";
import { PROVINCES } from "~/domain/organisation";
import { executeMerger, listMergers, previewMerger } from "~/organisations/merger.server";
import { readFormPost } from "~/utils/read-form-post.server";
import { formatDate } from "~/utils/time-format";
import { SubmitButton } from "~/components/submit-button";

export const meta: MetaFunction = () => [{ title: "Fusies | Beheer | Subsidieportaal AgII" }];

const LABELS = {
  predecessorNisCodes: "NIS-codes van de fusiegemeenten",
  successorMode: "Nieuwe gemeente",
  successorNisCode: "NIS-code van de nieuwe gemeente",
  successorName: "Naam van de nieuwe gemeente",
  successorProvince: "Provincie van de nieuwe gemeente",
  mergedOn: "Fusiedatum",
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ADMIN");
  return { mergers: await listMergers() };
}

/** The merger form and the button that sent it: "confirm", or else "preview". */
const mergerPostSchema = z.intersection(z.object({ intent: z.catch(z.enum(["preview", "confirm"]), "preview") }), mergerFormSchema);

/** Two steps: "preview" checks and shows what will happen, "confirm" does it (checking again). */
export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireStaff(request, "ADMIN");
  const post = await readFormPost(request);
  const parsed = post.parse(mergerPostSchema);
  if (!parsed.ok) return data({ step: "form" as const, ...parsed }, { status: 400 });
  const { intent, ...input } = parsed.data;
  if (intent === "preview") {
    const check = await previewMerger(input);
    if (!check.ok) return data({ step: "form" as const, ...post.fail(check.errors) }, { status: 400 });
    return { step: "preview" as const, ok: true as const, plan: check.plan, values: post.values };
  }
  const result = await executeMerger(viewer, input);
  if (!result.ok) return data({ step: "form" as const, ...post.fail(result.errors) }, { status: 400 });
  return { step: "done" as const, ok: true as const, result };
}

export default function MergersPage() {
  const { mergers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = actionData && !actionData.ok ? actionData : undefined;
  const values = (actionData && "values" in actionData ? actionData.values : undefined) ?? {};
  const form = useZodForm(mergerFormSchema, {
    defaultValues: {
      predecessorNisCodes: values.predecessorNisCodes ?? "",
      successorMode: values.successorMode === "new" ? "new" : "existing",
      successorNisCode: values.successorNisCode ?? "",
      successorName: values.successorName ?? "",
      successorProvince: values.successorProvince ?? "",
      mergedOn: values.mergedOn ?? "",
    },
    serverErrors: failure?.errors,
  });
  const preview = actionData?.ok && actionData.step === "preview" ? actionData : undefined;
  const done = actionData?.ok && actionData.step === "done" ? actionData.result : undefined;
  return (
    <section>
      <h1>Fusies van gemeenten</h1>
      <p>
        Bij een fusie gaan de fusiegemeenten op in een nieuwe (of bestaande) gemeente. In één keer: de fusiegemeenten worden alleen-lezen,
        hun leden worden lid van de nieuwe gemeente, en hun dossiers gaan over naar de nieuwe gemeente, met een spoor naar de
        oorspronkelijke gemeente. Er wordt niets gekopieerd of verwijderd.
      </p>

      {done ? (
        <p className="notice" role="status">
          De fusie is uitgevoerd. {done.dossiersMoved} {done.dossiersMoved === 1 ? "dossier ging" : "dossiers gingen"} over naar{" "}
          <Link to={`/beheer/organisaties/${done.successorId}`}>{done.successorName}</Link>; {done.membershipsAdded}{" "}
          {done.membershipsAdded === 1 ? "gebruiker werd" : "gebruikers werden"} lid.
        </p>
      ) : null}

      {preview ? (
        <div className="merger-preview">
          <h2>Controleer de fusie</h2>
          <dl className="facts">
            <dt>Fusiegemeenten</dt>
            <dd>{preview.plan.predecessors.map((p) => `${p.name} (${p.nisCode})`).join(", ")}</dd>
            <dt>Nieuwe gemeente</dt>
            <dd>
              {preview.plan.successor.name} ({preview.plan.successor.nisCode})
              {preview.plan.successor.isNew ? ", wordt aangemaakt" : ", bestaat al"}
            </dd>
            <dt>Fusiedatum</dt>
            <dd>{formatDate(preview.plan.mergedOn)}</dd>
            <dt>Dossiers die overgaan</dt>
            <dd>{preview.plan.dossiersToMove}</dd>
            <dt>Nieuwe leden</dt>
            <dd>{preview.plan.membershipsToAdd}</dd>
          </dl>
          <p>Een fusie kan niet ongedaan gemaakt worden.</p>
          <Form method="post" className="actions">
            {Object.entries(preview.values)
              .filter(([name]) => name !== "intent")
              .map(([name, value]) => (
                <input key={name} type="hidden" name={name} value={value} />
              ))}
            <SubmitButton name="intent" value="confirm" busyLabel="Bezig met de fusie…">
              Fusie uitvoeren
            </SubmitButton>{" "}
            <Link to="/beheer/fusies" className="button button--secondary">
              Annuleren
            </Link>
          </Form>
        </div>
      ) : (
        <>
          <h2>Nieuwe fusie</h2>
          <ErrorSummary errors={form.errors} labels={LABELS} attempt={form.attempt} />
          <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
            <input type="hidden" name="intent" value="preview" />
            <TextField
              label={LABELS.predecessorNisCodes}
              hint="Gescheiden door komma's, bijvoorbeeld 23023, 23024, 23032."
              autoComplete="off"
              required
              {...form.field("predecessorNisCodes")}
            />
            <RadioGroup
              name="successorMode"
              legend={LABELS.successorMode}
              options={[
                { value: "existing", label: "Bestaat al in het portaal" },
                { value: "new", label: "Nieuwe gemeente aanmaken" },
              ]}
              defaultValue={values.successorMode === "new" ? "new" : "existing"}
              error={form.errors.successorMode}
              register={form.register("successorMode")}
            />
            <TextField
              label={LABELS.successorNisCode}
              inputMode="numeric"
              autoComplete="off"
              required
              {...form.field("successorNisCode")}
            />
            <TextField
              label={LABELS.successorName}
              hint="Verplicht voor een nieuwe gemeente; leeg voor een gemeente die al in het portaal bestaat."
              conditional
              autoComplete="off"
              {...form.field("successorName")}
            />
            <SelectField
              label={LABELS.successorProvince}
              hint="Verplicht voor een nieuwe gemeente."
              conditional
              placeholder="Kies een provincie"
              options={PROVINCES.filter((p) => p !== "Brussel").map((province) => ({ value: province, label: province }))}
              {...form.field("successorProvince")}
            />
            <TextField label={LABELS.mergedOn} type="date" required {...form.field("mergedOn")} />
            <SubmitButton busyLabel="Bezig met controleren…">Fusie controleren</SubmitButton>
          </Form>
        </>
      )}

      <h2>Uitgevoerde fusies</h2>
      {mergers.length === 0 ? (
        <p>Er zijn nog geen fusies geregistreerd.</p>
      ) : (
        <TableRegion label="Uitgevoerde fusies">
          <table>
            <caption className="visually-hidden">Uitgevoerde fusies</caption>
            <thead>
              <tr>
                <th scope="col">Nieuwe gemeente</th>
                <th scope="col">Fusiegemeenten</th>
                <th scope="col">Fusiedatum</th>
              </tr>
            </thead>
            <tbody>
              {mergers.map((merger) => (
                <tr key={`${merger.id}-${merger.mergedAt}`}>
                  <td>
                    <Link to={`/beheer/organisaties/${merger.id}`}>{merger.name}</Link>
                  </td>
                  <td>{merger.predecessors.map((p) => p.name).join(", ")}</td>
                  <td>{merger.mergedAt ? formatDate(merger.mergedAt) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
