import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireViewer } from "~/auth/viewer.server";
import { EMAIL_STATUS_LABELS } from "~/domain/email-status";
import { emailHistoryFor } from "~/mail/history.server";
import { formatDateTime } from "~/utils/time-format";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "Mijn e-mails | Subsidieportaal AgII" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return { email: viewer.email, messages: await emailHistoryFor(viewer) };
}

export default function MyEmailsPage() {
  const { email, messages } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>Mijn e-mails</h1>
      <p>
        De e-mails die het portaal naar <strong>{email}</strong> stuurde of nog zal sturen, de nieuwste eerst. Zo ziet u ook wat er in een
        bericht stond dat u niet (meer) terugvindt.
      </p>
      {messages.length === 0 ? (
        <p>Het portaal heeft u nog geen e-mails gestuurd.</p>
      ) : (
        <TableRegion label={`E-mails aan ${email}`}>
          <table className="email-history">
            <caption className="visually-hidden">E-mails aan {email}</caption>
            <thead>
              <tr>
                <th scope="col">Datum</th>
                <th scope="col">Onderwerp</th>
                <th scope="col">Status</th>
                <th scope="col">Dossier</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => (
                <tr key={message.id}>
                  <td>{formatDateTime(message.sentAt ?? message.createdAt)}</td>
                  <td>
                    {message.text === null ? (
                      <>
                        {message.subject}
                        <p className="hint">Dit bericht bevat een persoonlijke link en wordt hier niet getoond.</p>
                      </>
                    ) : (
                      <details>
                        <summary>{message.subject}</summary>
                        <pre className="email-text">{message.text}</pre>
                      </details>
                    )}
                  </td>
                  <td>
                    <span className="status">{EMAIL_STATUS_LABELS[message.status]}</span>
                  </td>
                  <td>
                    {message.dossier ? <Link to={`/dossiers/${message.dossier.id}`}>{message.dossier.reference ?? "Concept"}</Link> : "—"}
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
