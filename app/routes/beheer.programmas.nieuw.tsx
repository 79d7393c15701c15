import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { requireStaff } from "~/auth/viewer.server";
import { AdminNav } from "~/components/admin-nav";
import { ProgrammeForm } from "~/components/programme-fields";
import { programmeFormSchema } from "~/programmes/programme-form";
import { createProgramme } from "~/programmes/programmes.server";
import { readFormPost } from "~/utils/read-form-post.server";

export const meta: MetaFunction = () => [{ title: "Programma toevoegen | Beheer | Subsidieportaal AgII" }];

const createSchema = programmeFormSchema.extend({ code: programmeFormSchema.shape.code.unwrap() });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ADMIN");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireStaff(request, "ADMIN");
  const post = await readFormPost(request);
  const parsed = post.parse(createSchema);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await createProgramme(viewer, parsed.data);
  if (!result.ok) return data(post.fail(result.errors), { status: 400 });
  return redirect(`/beheer/programmas/${result.id}?opgeslagen=1`);
}

export default function NewProgrammePage() {
  const failure = useActionData<typeof action>();
  return (
    <section>
      <AdminNav />
      <p>
        <Link to="/beheer/programmas">Terug naar de programma's</Link>
      </p>
      <h1>Programma toevoegen</h1>
      <ProgrammeForm mode="create" values={failure?.values ?? {}} serverErrors={failure?.errors} submitLabel="Programma toevoegen" />
    </section>
  );
}
