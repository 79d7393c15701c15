import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import * as z from "zod/mini";
import {
  ORGANISATION_LETTER_LABELS,
  organisationLetterColumns,
  organisationLetterSchema,
  type OrganisationLetterValues,
} from "~/admin/organisation-letter-form";
import { organisationForAdmin, setPasswordLoginAllowed, updateOrganisationLetterDetails } from "~/admin/organisations.server";
import { statusLabel } from "~/applications/status-labels";
import { inviteColleague } from "~/auth/accounts.server";
import { inviteFormSchema } from "~/auth/invite-form";
import { notFound, requireStaff } from "~/auth/viewer.server";
import { ErrorSummary, TextField, useZodForm } from "~/components/forms";
import { InviteForm } from "~/components/invite-form";
import { TableRegion } from "~/components/table-region";
import { applicationStatusSchema } from "~/domain/application-status";
import { ORGANISATION_KIND_LABELS, formatKboNumber } from "~/domain/organisation";
import { readFormPost } from "~/utils/read-form-post.server";
import { formatDate, formatDateTime } from "~/utils/time-format";
import { publicUrl } from "~/utils/url.server";
import { lookup } from "~/utils/guards";
import { SubmitButton } from "~/components/submit-button";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.organisation.name ?? "Organisatie"} | Beheer | Subsidieportaal AgII` },
];

const NOT_FOUND = "Deze organisatie bestaat niet.";

const passwordLoginSchema = z.object({ intent: z.literal("password-login"), allowed: z.enum(["ja", "nee"]) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, "ADMIN");
  const organisation = await organisationForAdmin(params.organisationId ?? "");
  if (!organisation) notFound(NOT_FOUND);
  return { organisation };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireStaff(request, "ADMIN");
  const organisationId = params.organisationId ?? "";
  const organisation = await organisationForAdmin(organisationId);
  if (!organisation) notFound(NOT_FOUND);
  const post = await readFormPost(request);
  if (post.values["intent"] === "letter-details") {
    const parsed = post.parse(organisationLetterSchema);
    if (!parsed.ok) return data({ intent: "letter-details" as const, ...parsed }, { status: 400 });
    const result = await updateOrganisationLetterDetails(viewer.userId, organisationId, organisationLetterColumns(parsed.data));
    if (!result.ok) return data({ intent: "letter-details" as const, ...post.fail({ [result.field]: result.message }) }, { status: 400 });
    return { intent: "letter-details" as const, ok: true as const, changed: result.changed };
  }
  if (post.values["intent"] === "password-login") {
    const choice = post.parse(passwordLoginSchema);
    if (!choice.ok) return data({ intent: "password-login" as const, ...choice }, { status: 400 });
    await setPasswordLoginAllowed(viewer.userId, organisationId, choice.data.allowed === "ja");
    return { intent: "password-login" as const, ok: true as const, passwordLogin: choice.data.allowed === "ja" };
  }
  const parsed = post.parse(inviteFormSchema);
  if (!parsed.ok) return data({ intent: "invite" as const, ...parsed }, { status: 400 });
  const result = await inviteColleague(viewer, organisationId, parsed.data, (path) => publicUrl(request, path), {
    actorRole: "ADMIN",
  });
  if (!result.ok) return data({ intent: "invite" as const, ...post.fail({ [result.field]: result.message }) }, { status: 400 });
  return { intent: "invite" as const, ok: true as const, invited: parsed.data.email };
}

const IDP_MANAGED_MEMBERS_TEXT =
  "Deze leden komen uit het gebruikersbeheer van de organisatie (ACM/IDM) en zijn hier alleen te lezen: wie daar de rol voor het subsidieportaal krijgt of verliest, is lid of niet meer bij de volgende aanmelding.";

export default function AdminOrganisationPage() {
  const { organisation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = actionData && !actionData.ok && actionData.intent === "invite" ? actionData : undefined;
  return (
    <section>
      <p>
        <Link to="/beheer/organisaties">Terug naar de organisaties</Link>
      </p>
      <h1>{organisation.name}</h1>
      {organisation.successor ? (
        <p className="notice notice--warning">
          Deze organisatie is opgegaan in{" "}
          <Link to={`/beheer/organisaties/${organisation.successor.id}`}>{organisation.successor.name}</Link>
          {organisation.mergedAt ? ` op ${formatDate(organisation.mergedAt)}` : ""}. Ze is alleen nog te lezen.
        </p>
      ) : null}
      <dl className="facts">
        <dt>Soort</dt>
        <dd>{lookup(ORGANISATION_KIND_LABELS, organisation.kind) ?? organisation.kind}</dd>
        <dt>NIS-code</dt>
        <dd>{organisation.nisCode ?? "—"}</dd>
        <dt>Ondernemingsnummer</dt>
        <dd>{organisation.kboNumber ? formatKboNumber(organisation.kboNumber) : "—"}</dd>
        <dt>Provincie</dt>
        <dd>{organisation.province ?? "—"}</dd>
        {organisation.predecessors.length > 0 ? (
          <>
            <dt>Ontstaan uit</dt>
            <dd>
              {organisation.predecessors.map((p, index) => (
                <span key={p.id}>
                  {index > 0 ? ", " : ""}
                  <Link to={`/beheer/organisaties/${p.id}`}>{p.name}</Link>
                </span>
              ))}
            </dd>
          </>
        ) : null}
      </dl>

      <LetterDetails organisation={organisation} />

      <h2>Aanmelden met een wachtwoord</h2>
      <p>
        {organisation.passwordLoginAllowed
          ? "De leden van deze organisatie mogen zich ook met een wachtwoord aanmelden, en u kunt hen uitnodigen."
          : "De leden van deze organisatie melden zich aan met hun overheidsaccount (ACM/IDM); hun lidmaatschap komt uit het gebruikersbeheer van de organisatie."}{" "}
        Zet wachtwoorden alleen aan voor een organisatie zonder toegang tot ACM/IDM (bijvoorbeeld een vzw).
        {organisation.identityProvider
          ? ""
          : " Zolang het portaal geen identiteitsprovider gebruikt, melden alle accounts zich met een wachtwoord aan."}
      </p>
      {actionData?.ok && actionData.intent === "password-login" ? (
        <p className="notice" role="status">
          {actionData.passwordLogin
            ? "Wachtwoorden zijn toegestaan voor deze organisatie."
            : "Wachtwoorden zijn niet langer toegestaan voor deze organisatie."}
        </p>
      ) : null}
      <Form method="post">
        <input type="hidden" name="intent" value="password-login" />
        <input type="hidden" name="allowed" value={organisation.passwordLoginAllowed ? "nee" : "ja"} />
        <SubmitButton className="button button--secondary" busyLabel="Bezig met opslaan…">
          {organisation.passwordLoginAllowed ? "Wachtwoorden niet langer toestaan" : "Wachtwoorden toestaan"}
        </SubmitButton>
      </Form>

      <h2>Leden</h2>
      {organisation.managedByIdp ? <p>{IDP_MANAGED_MEMBERS_TEXT}</p> : null}
      {organisation.members.length === 0 ? (
        <p>Deze organisatie heeft nog geen leden.</p>
      ) : (
        <TableRegion label={`Leden van ${organisation.name}`}>
          <table>
            <caption className="visually-hidden">Leden van {organisation.name}</caption>
            <thead>
              <tr>
                <th scope="col">Naam</th>
                <th scope="col">E-mailadres</th>
                <th scope="col">Laatst aangemeld</th>
                <th scope="col">Account</th>
              </tr>
            </thead>
            <tbody>
              {organisation.members.map((member) => (
                <tr key={member.id}>
                  <td>
                    <Link to={`/beheer/gebruikers/${member.id}`}>
                      {member.firstName} {member.lastName}
                    </Link>
                  </td>
                  <td>{member.email}</td>
                  <td>{member.lastLoginAt ? formatDateTime(member.lastLoginAt) : "nooit"}</td>
                  <td>{member.deactivatedAt ? "Gedeactiveerd" : "Actief"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}

      {organisation.invitations.length > 0 ? (
        <>
          <h2>Openstaande uitnodigingen</h2>
          <ul>
            {organisation.invitations.map((invitation) => (
              <li key={invitation.id}>
                {invitation.email}, geldig tot {formatDateTime(invitation.expiresAt)}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>Dossiers</h2>
      {organisation.applications.length === 0 ? (
        <p>Deze organisatie heeft geen dossiers.</p>
      ) : (
        <TableRegion label={`Dossiers van ${organisation.name}`}>
          <table>
            <caption className="visually-hidden">Dossiers van {organisation.name}</caption>
            <thead>
              <tr>
                <th scope="col">Dossier</th>
                <th scope="col">Oproep</th>
                <th scope="col">Status</th>
                <th scope="col">Overgedragen van</th>
              </tr>
            </thead>
            <tbody>
              {organisation.applications.map((application) => (
                <tr key={application.id}>
                  <td>
                    <Link to={`/dossiers/${application.id}`}>{application.reference ?? "Concept"}</Link>
                  </td>
                  <td>{application.callTitle}</td>
                  <td>{statusLabel(applicationStatusSchema.parse(application.status), application.programmeKind)}</td>
                  <td>{application.transferredFrom ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}

      {organisation.successor || organisation.managedByIdp ? null : (
        <>
          <h2>Iemand uitnodigen</h2>
          <p>De uitgenodigde krijgt een e-mail met een link die 7 dagen geldig is.</p>
          {actionData?.ok && actionData.intent === "invite" ? (
            <p className="notice" role="status">
              {`De uitnodiging is verstuurd naar ${actionData.invited}.`}
            </p>
          ) : null}
          <InviteForm failure={failure} />
        </>
      )}
    </section>
  );
}

/** The organ and the postal address decision letters use; read-only for a merged organisation. */
function LetterDetails({
  organisation,
}: {
  organisation: {
    successor: { id: string } | null;
    defaultBoard: string;
    boardName: string | null;
    addressStreet: string | null;
    addressPostalCode: string | null;
    addressCity: string | null;
  };
}) {
  const actionData = useActionData<typeof action>();
  const answer = actionData?.intent === "letter-details" ? actionData : undefined;
  const failure = answer && !answer.ok ? answer : undefined;
  const values: OrganisationLetterValues = failure?.values ?? {
    boardName: organisation.boardName ?? "",
    addressStreet: organisation.addressStreet ?? "",
    addressPostalCode: organisation.addressPostalCode ?? "",
    addressCity: organisation.addressCity ?? "",
  };
  const form = useZodForm(organisationLetterSchema, { defaultValues: values, serverErrors: failure?.errors });
  const address = [organisation.addressStreet, [organisation.addressPostalCode, organisation.addressCity].filter(Boolean).join(" ")]
    .filter(Boolean)
    .join(", ");
  return (
    <>
      <h2>Adres en bestuursorgaan voor beslissingsbrieven</h2>
      {organisation.successor ? (
        <dl className="facts">
          <dt>{ORGANISATION_LETTER_LABELS.boardName}</dt>
          <dd>{organisation.boardName ?? organisation.defaultBoard}</dd>
          <dt>Adres</dt>
          <dd>{address || "—"}</dd>
        </dl>
      ) : (
        <>
          <p>
            Een beslissingsbrief is gericht aan het bestuursorgaan van de organisatie, op dit adres. Zonder adres gebruikt de brief het
            adres uit de aanvraag.
          </p>
          {answer?.ok ? (
            <p className="notice" role="status">
              {answer.changed ? "Het adres en het bestuursorgaan zijn bewaard." : "Er was niets gewijzigd."}
            </p>
          ) : null}
          <ErrorSummary errors={form.errors} labels={{ ...ORGANISATION_LETTER_LABELS, form: "Organisatie" }} attempt={form.attempt} />
          <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
            <input type="hidden" name="intent" value="letter-details" />
            <TextField
              label={ORGANISATION_LETTER_LABELS.boardName}
              hint={`Met het lidwoord en zonder de naam van de organisatie, bv. “het beheerscomité”. Leeg: ${organisation.defaultBoard}.`}
              autoComplete="off"
              {...form.field("boardName")}
            />
            <TextField label={ORGANISATION_LETTER_LABELS.addressStreet} autoComplete="off" {...form.field("addressStreet")} />
            <TextField
              label={ORGANISATION_LETTER_LABELS.addressPostalCode}
              inputMode="numeric"
              autoComplete="off"
              className="input--tiny"
              {...form.field("addressPostalCode")}
            />
            <TextField label={ORGANISATION_LETTER_LABELS.addressCity} autoComplete="off" {...form.field("addressCity")} />
            <button type="submit" className="button">
              Adres en bestuursorgaan bewaren
            </button>
          </Form>
        </>
      )}
    </>
  );
}
