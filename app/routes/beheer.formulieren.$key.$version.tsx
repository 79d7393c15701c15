import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formVersionDetail } from "~/admin/form-versions.server";
import { notFound, requireStaff } from "~/auth/viewer.server";
import { FormPreview } from "~/components/form-preview";
import { formatDateTime } from "~/utils/time-format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.detail.preview.title ?? "Formulier"} | Beheer | Subsidieportaal AgII` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, "ADMIN");
  const version = Number(params.version);
  const detail = Number.isInteger(version) && version > 0 ? await formVersionDetail(params.key ?? "", version) : null;
  if (!detail) notFound("Deze formulierversie bestaat niet.");
  return { detail };
}

export default function FormVersionPage() {
  const { detail } = useLoaderData<typeof loader>();
  const { preview } = detail;
  return (
    <section>
      <p>
        <Link to="/beheer/formulieren">Terug naar de formulieren</Link>
      </p>
      <p className="eyebrow">
        Formulier <code>{preview.key}</code>, versie {preview.version}
      </p>
      <h1>{preview.title}</h1>
      <dl className="facts">
        <dt>Bron</dt>
        <dd>{detail.stored ? "Opgeslagen als gegevens (JSON); kan niet meer wijzigen" : "In de code van het portaal"}</dd>
        {detail.createdAt ? (
          <>
            <dt>Toegevoegd</dt>
            <dd>
              {formatDateTime(detail.createdAt)}
              {detail.createdBy ? ` door ${detail.createdBy}` : ""}
            </dd>
          </>
        ) : null}
        <dt>Gebruikt door</dt>
        <dd>
          {detail.calls.length === 0
            ? "geen oproep"
            : detail.calls.map((call, index) => (
                <span key={call.id}>
                  {index > 0 ? ", " : ""}
                  <Link to={`/beheer/oproepen/${call.id}`}>{call.title}</Link>
                </span>
              ))}
        </dd>
      </dl>
      <FormPreview preview={preview} />
      {detail.json ? (
        <details className="form-json">
          <summary>De definitie in JSON</summary>
          <pre tabIndex={0} aria-label="Definitie in JSON">
            {detail.json}
          </pre>
        </details>
      ) : null}
    </section>
  );
}
