import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import * as z from "zod/mini";
import { requireStaff } from "~/auth/viewer.server";
import { EMAIL_STATUS_LABELS } from "~/domain/email-status";
import { outboxOverview, retryEmail } from "~/mail/admin.server";
import { readFormPost } from "~/utils/read-form-post.server";
import { formatDateTime } from "~/utils/time-format";
import { TableRegion } from "~/components/table-region";
import { SubmitButton } from "~/components/submit-button";

export const meta: MetaFunction = () => [{ title: "E-mails | Beheer | Subsidieportaal AgII" }];

const retrySchema = z.object({ intent: z.literal("retry"), emailId: z.string().check(z.minLength(1), z.maxLength(100)) });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ADMIN");
  return outboxOverview();
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireStaff(request, "ADMIN");
  const post = await readFormPost(request);
  const parsed = post.parse(retrySchema);
  if (!parsed.ok) return data({ ok: false as const, message: "Kies een bericht om opnieuw te versturen." }, { status: 400 });
  const result = await retryEmail(viewer.userId, parsed.data.emailId);
  if (!result.ok) return data(result, { status: 409 });
  return { ok: true as const, message: "Het bericht staat opnieuw in de wachtrij en vertrekt binnen enkele seconden." };
}

export default function AdminEmailsPage() {
  const { stats, problems } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section>
      <h1>E-mails</h1>
      {actionData ? (
        <p className={actionData.ok ? "notice" : "notice notice--warning"} role="status">
          {actionData.message}
        </p>
      ) : null}
      <ul className="cards">
        <li className="card">
          <span className="figure">{stats.PENDING}</span> in de wachtrij
          {stats.oldestPendingAt ? <p>Oudste sinds {formatDateTime(stats.oldestPendingAt)}</p> : null}
        </li>
        <li className="card">
          <span className="figure">{stats.SENDING}</span> worden nu verstuurd
        </li>
        <li className="card">
          <span className="figure">{stats.SENT}</span> verstuurd
        </li>
        <li className="card">
          <span className="figure">{stats.FAILED}</span> definitief mislukt
        </li>
        <li className="card">
          <span className="figure">{stats.unconfirmed}</span> verstuurd zonder bevestiging
        </li>
      </ul>

      <h2>Mislukte en onbevestigde e-mails</h2>
      <p>
        Een mislukt bericht kon na meerdere pogingen niet verstuurd worden. Een onbevestigd bericht ging volledig naar de mailserver, maar
        die bevestigde het niet: het kan toch aangekomen zijn. Opnieuw proberen verstuurt het met hetzelfde Message-ID, zodat een dubbel
        herkenbaar is.
      </p>
      {problems.length === 0 ? (
        <p>Er zijn geen mislukte of onbevestigde e-mails.</p>
      ) : (
        <TableRegion label="Mislukte en onbevestigde e-mails">
          <table className="email-problems">
            <caption className="visually-hidden">Mislukte en onbevestigde e-mails</caption>
            <thead>
              <tr>
                <th scope="col">Aangemaakt</th>
                <th scope="col">Aan</th>
                <th scope="col">Onderwerp</th>
                <th scope="col">Status</th>
                <th scope="col" className="amount">
                  Pogingen
                </th>
                <th scope="col">Laatste fout</th>
                <th scope="col">Actie</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((email) => (
                <tr key={email.id}>
                  <td>{formatDateTime(email.createdAt)}</td>
                  <td>{email.toAddress}</td>
                  <td>
                    {email.subject}
                    {email.application ? (
                      <>
                        <br />
                        <Link to={`/dossiers/${email.application.id}`}>{email.application.reference ?? "Concept"}</Link>
                      </>
                    ) : null}
                  </td>
                  <td>{email.unconfirmed ? "Onbevestigd" : EMAIL_STATUS_LABELS[email.status]}</td>
                  <td className="amount">{email.attempts}</td>
                  <td className="email-error">{email.lastError ?? "—"}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="retry" />
                      <input type="hidden" name="emailId" value={email.id} />
                      <SubmitButton className="button button--secondary" busyLabel="Bezig met versturen…">
                        Opnieuw proberen
                        <span className="visually-hidden">
                          : {email.subject} aan {email.toAddress}
                        </span>
                      </SubmitButton>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
