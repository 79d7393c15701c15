import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { inviteColleague } from "~/auth/accounts.server";
import { inviteFormSchema } from "~/auth/invite-form";
import { IDP_MANAGED_MEMBERS_MESSAGE } from "~/auth/password-policy";
import { forbidden, requireActiveOrganisation } from "~/auth/viewer.server";
import { InviteForm } from "~/components/invite-form";
import { ORGANISATION_KIND_LABELS, formatKboNumber } from "~/domain/organisation";
import { canInviteInto } from "~/domain/permissions";
import { organisationOverview } from "~/organisations/organisations.server";
import { readFormPost } from "~/utils/read-form-post.server";
import { formatDateTime } from "~/utils/time-format";
import { publicUrl } from "~/utils/url.server";
import { lookup } from "~/utils/guards";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "Mijn organisatie | Subsidieportaal AgII" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { viewer, membership } = await requireActiveOrganisation(request);
  const overview = await organisationOverview(membership.organisationId);
  return { ...overview, canInvite: !overview.managedByIdp && canInviteInto(viewer, membership.organisationId) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, membership } = await requireActiveOrganisation(request);
  if (!canInviteInto(viewer, membership.organisationId)) forbidden("U kunt voor deze organisatie niemand uitnodigen.");
  const post = await readFormPost(request);
  const parsed = post.parse(inviteFormSchema);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await inviteColleague(viewer, membership.organisationId, parsed.data, (path) => publicUrl(request, path));
  if (!result.ok) return data(post.fail({ [result.field]: result.message }), { status: 400 });
  return { ok: true as const, invited: parsed.data.email };
}

export default function OrganisationPage() {
  const { organisation, members, invitations, canInvite, managedByIdp } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = actionData && !actionData.ok ? actionData : undefined;
  return (
    <section>
      <h1>{organisation.name}</h1>
      <dl className="facts">
        <dt>Soort</dt>
        <dd>{lookup(ORGANISATION_KIND_LABELS, organisation.kind) ?? organisation.kind}</dd>
        {organisation.nisCode ? (
          <>
            <dt>NIS-code</dt>
            <dd>{organisation.nisCode}</dd>
          </>
        ) : null}
        {organisation.kboNumber ? (
          <>
            <dt>Ondernemingsnummer</dt>
            <dd>{formatKboNumber(organisation.kboNumber)}</dd>
          </>
        ) : null}
        {organisation.province ? (
          <>
            <dt>Provincie</dt>
            <dd>{organisation.province}</dd>
          </>
        ) : null}
      </dl>
      {organisation.successor ? (
        <p className="notice notice--warning">
          Deze organisatie is opgegaan in {organisation.successor.name}. Haar dossiers zijn alleen nog te lezen.
        </p>
      ) : null}

      <h2>Leden</h2>
      <TableRegion label={`Leden van ${organisation.name}`}>
        <table>
          <caption className="visually-hidden">Leden van {organisation.name}</caption>
          <thead>
            <tr>
              <th scope="col">Naam</th>
              <th scope="col">E-mailadres</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.id}>
                <td>
                  {member.firstName} {member.lastName}
                  {member.deactivatedAt ? " (gedeactiveerd)" : ""}
                </td>
                <td>{member.email}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>

      {invitations.length > 0 ? (
        <>
          <h2>Openstaande uitnodigingen</h2>
          <ul>
            {invitations.map((invitation) => (
              <li key={invitation.id}>
                {invitation.email}, geldig tot {formatDateTime(invitation.expiresAt)}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {managedByIdp ? (
        <>
          <h2>Een collega toevoegen</h2>
          <p>{IDP_MANAGED_MEMBERS_MESSAGE}</p>
        </>
      ) : null}
      {canInvite ? (
        <>
          <h2>Een collega uitnodigen</h2>
          {actionData?.ok ? (
            <p className="notice" role="status">
              De uitnodiging is verstuurd naar {actionData.invited}. De link is 7 dagen geldig.
            </p>
          ) : null}
          <InviteForm failure={failure} />
        </>
      ) : null}
    </section>
  );
}
