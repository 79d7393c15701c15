import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import * as z from "zod/mini";
import { createPartnerOrganisation } from "~/admin/organisations.server";
import { requireStaff } from "~/auth/viewer.server";
import { RadioGroup, SelectField } from "~/components/admin-fields";
import { ErrorSummary, TextField, useZodForm } from "~/components/forms";
import { kboNumberSchema, ORGANISATION_KIND_LABELS, PARTNER_KINDS, PROVINCES, provinceSchema, type Province } from "~/domain/organisation";
import { readFormPost } from "~/utils/read-form-post.server";
import { REQUIRED, requiredText } from "~/utils/schemas";
import { isOneOf } from "~/utils/guards";
import { redirectWithNotice } from "~/utils/notice.server";
import { SubmitButton } from "~/components/submit-button";

export const meta: MetaFunction = () => [{ title: "Partnerorganisatie toevoegen | Beheer | Subsidieportaal AgII" }];

const partnerSchema = z.object({
  name: requiredText(200),
  kind: z.enum(PARTNER_KINDS, { error: "Gelieve een optie te kiezen." }),
  kboNumber: z.pipe(z.string({ error: REQUIRED }).check(z.trim(), z.minLength(1, REQUIRED)), kboNumberSchema),
  province: z.pipe(
    z.optional(z.union([z.literal(""), provinceSchema], { error: "Gelieve een optie te kiezen." })),
    z.transform((value: "" | Province | undefined) => value || undefined),
  ),
});

const LABELS = { name: "Naam", kind: "Soort", kboNumber: "Ondernemingsnummer", province: "Provincie" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ADMIN");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireStaff(request, "ADMIN");
  const post = await readFormPost(request);
  const parsed = post.parse(partnerSchema);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await createPartnerOrganisation(viewer, parsed.data);
  if (!result.ok) return data(post.fail({ [result.field]: result.message }), { status: 400 });
  throw await redirectWithNotice(`/beheer/organisaties/${result.id}`, "De organisatie is toegevoegd. Nodig nu een eerste gebruiker uit.");
}

export default function NewPartnerOrganisationPage() {
  const failure = useActionData<typeof action>();
  const values = failure?.values ?? {};
  const form = useZodForm(partnerSchema, {
    defaultValues: {
      kind: values.kind === "VZW" || values.kind === "OTHER" ? values.kind : undefined,
      name: values.name ?? "",
      kboNumber: values.kboNumber ?? "",
      province: isOneOf(PROVINCES, values.province) ? values.province : "",
    },
    serverErrors: failure?.errors,
  });
  return (
    <section>
      <h1>Partnerorganisatie toevoegen</h1>
      <p>
        Voor een vzw of een andere organisatie die een aanvraag wil indienen (bijvoorbeeld voor een erkenning). Gemeenten komen uit de
        gemeentelijst en worden niet hier toegevoegd.
      </p>
      <ErrorSummary errors={form.errors} labels={LABELS} attempt={form.attempt} />
      <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
        <TextField label={LABELS.name} autoComplete="organization" required {...form.field("name")} />
        <RadioGroup
          name="kind"
          legend={LABELS.kind}
          options={PARTNER_KINDS.map((kind) => ({ value: kind, label: ORGANISATION_KIND_LABELS[kind] }))}
          defaultValue={values.kind}
          error={form.errors.kind}
          register={form.register("kind")}
        />
        <TextField
          label={LABELS.kboNumber}
          hint="Formaat 0123.456.749. Het nummer wordt gecontroleerd met de mod-97-controle."
          inputMode="numeric"
          autoComplete="off"
          required
          {...form.field("kboNumber")}
        />
        <SelectField
          label={LABELS.province}
          hint="De provincie van de zetel, als de organisatie vooral in één provincie werkt."
          placeholder="Geen provincie"
          options={PROVINCES.map((province) => ({ value: province, label: province }))}
          {...form.field("province")}
        />
        <SubmitButton busyLabel="Bezig met toevoegen…">Organisatie toevoegen</SubmitButton>
      </Form>
    </section>
  );
}
