import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireStaff } from "~/auth/viewer.server";
import { ProgrammeForm } from "~/components/programme-fields";
import * as z from "zod/mini";
import { programmeFormSchema } from "~/programmes/programme-form";
import { programmeForAdmin, updateProgramme } from "~/programmes/programmes.server";
import { readFormPost } from "~/utils/read-form-post.server";
import { formatDateTime } from "~/utils/time-format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.programme.name ?? "Programma"} | Beheer | Subsidieportaal AgII` },
];

const NOT_FOUND = "Dit programma bestaat niet.";
const editSchema = z.omit(programmeFormSchema, { code: true });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, "ADMIN");
  const programme = await programmeForAdmin(params.programmeId ?? "");
  if (!programme) notFound(NOT_FOUND);
  return { programme };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireStaff(request, "ADMIN");
  const programme = await programmeForAdmin(params.programmeId ?? "");
  if (!programme) notFound(NOT_FOUND);
  const post = await readFormPost(request);
  const parsed = post.parse(editSchema);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await updateProgramme(viewer, programme.id, parsed.data);
  if (!result.ok) return data(post.fail(result.errors), { status: 400 });
  return { ok: true as const };
}

export default function EditProgrammePage() {
  const { programme } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = actionData && !actionData.ok ? actionData : undefined;
  return (
    <section>
      <p>
        <Link to="/beheer/programmas">Terug naar de programma's</Link>
      </p>
      <p className="eyebrow">Programma {programme.code}</p>
      <h1>{programme.name}</h1>
      {actionData?.ok ? (
        <p className="notice" role="status">
          Het programma is opgeslagen.
        </p>
      ) : null}
      <ProgrammeForm
        key={actionData?.ok ? "saved" : "form"}
        mode="edit"
        values={failure?.values ?? programme}
        serverErrors={failure?.errors}
        submitLabel="Wijzigingen opslaan"
      />
      <h2>Oproepen van dit programma</h2>
      {programme.calls.length === 0 ? (
        <p>Dit programma heeft nog geen oproepen.</p>
      ) : (
        <ul>
          {programme.calls.map((call) => (
            <li key={call.id}>
              <Link to={`/beheer/oproepen/${call.id}`}>{call.title}</Link> (indienen tot {formatDateTime(call.closesAt)})
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={`/beheer/oproepen/nieuw?programma=${programme.id}`}>Oproep toevoegen aan dit programma</Link>
      </p>
    </section>
  );
}
