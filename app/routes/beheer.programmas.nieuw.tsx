import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { requireStaff } from "~/auth/viewer.server";
import { ProgrammeForm } from "~/components/programme-fields";
import { programmeCreateSchema } from "~/programmes/programme-form";
import { createProgramme } from "~/programmes/programmes.server";
import { readFormPost } from "~/utils/read-form-post.server";
import { redirectWithNotice } from "~/utils/notice.server";

export const meta: MetaFunction = () => [{ title: "Programma toevoegen | Beheer | Subsidieportaal AgII" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ADMIN");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireStaff(request, "ADMIN");
  const post = await readFormPost(request);
  const parsed = post.parse(programmeCreateSchema);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await createProgramme(viewer, parsed.data);
  if (!result.ok) return data(post.fail(result.errors), { status: 400 });
  throw await redirectWithNotice(`/beheer/programmas/${result.id}`, "Het programma is opgeslagen.");
}

export default function NewProgrammePage() {
  const failure = useActionData<typeof action>();
  return (
    <section>
      <p>
        <Link to="/beheer/programmas">Terug naar de programma's</Link>
      </p>
      <h1>Programma toevoegen</h1>
      <ProgrammeForm mode="create" values={failure?.values ?? {}} serverErrors={failure?.errors} submitLabel="Programma toevoegen" />
    </section>
  );
}
