import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import * as z from "zod/mini";
import { deactivateUser, reactivateUser, setJobTitle, setStaffRoles, userForAdmin } from "~/admin/users.server";
import { identityProviderConfigured } from "~/auth/password-policy.server";
import { notFound, requireStaff } from "~/auth/viewer.server";
import { TextAreaField } from "~/components/admin-fields";
import { ErrorSummary, TextField, useZodForm } from "~/components/forms";
import { DEFAULT_SIGNATORY_TITLE } from "~/documents/letter-texts";
import { STAFF_ROLE_LABELS, STAFF_ROLES, staffRoleSchema } from "~/domain/roles";
import { parseJsonObject } from "~/utils/json";
import { readFormPost } from "~/utils/read-form-post.server";
import { optionalText, repeated, requiredText } from "~/utils/schemas";
import { formatDateTime } from "~/utils/time-format";
import { SubmitButton } from "~/components/submit-button";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `${data.user.firstName} ${data.user.lastName}` : "Gebruiker"} | Beheer | Subsidieportaal AgII` },
];

const reasonSchema = z.object({ reason: requiredText(500, { multiline: true }) });
const rolesSchema = z.object({ roles: repeated(staffRoleSchema) });
const jobTitleSchema = z.object({ jobTitle: optionalText(100) });
const LABELS = { reason: "Reden" };
const JOB_TITLE_LABELS = { jobTitle: "Functie" };
const NOT_FOUND = "Deze gebruiker bestaat niet.";

const ACTION_LABELS: Record<string, string> = {
  "user.deactivated": "Gedeactiveerd",
  "user.reactivated": "Opnieuw geactiveerd",
  "user.role-granted": "Rol toegekend",
  "user.role-revoked": "Rol ingetrokken",
  "user.password-reset": "Wachtwoord opnieuw ingesteld",
  "user.job-title": "Functie gewijzigd",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireStaff(request, "ADMIN");
  const detail = await userForAdmin(params.userId ?? "");
  if (!detail) notFound(NOT_FOUND);
  // Staff roles of an account that logs in through the IdP come from its claims (0047).
  return { ...detail, isSelf: viewer.userId === detail.user.id, rolesFromIdp: identityProviderConfigured() };
}

const ROLES_FROM_IDP =
  "De rollen van deze persoon komen uit het gebruikersbeheer (ACM/IDM) en worden bij elke aanmelding bijgewerkt: wijzig ze daar.";

const INTENTS = ["deactivate", "reactivate", "roles", "job-title"] as const;
type Intent = (typeof INTENTS)[number];
/** Which of the page's forms was sent: the button of each names it. */
const intentSchema = z.object({ intent: z.enum(INTENTS) });

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireStaff(request, "ADMIN");
  const userId = params.userId ?? "";
  const detail = await userForAdmin(userId);
  if (!detail) notFound(NOT_FOUND);
  const post = await readFormPost(request);
  const chosen = post.parse(intentSchema);
  if (!chosen.ok) throw data({ message: "Onbekende actie." }, { status: 400 });
  const { intent } = chosen.data;
  if (intent === "roles") {
    if (identityProviderConfigured()) return data({ intent, ...post.fail({ form: ROLES_FROM_IDP }) }, { status: 400 });
    const parsed = post.parse(rolesSchema);
    if (!parsed.ok) return data({ intent, ...post.fail({ form: "Kies geldige rollen." }) }, { status: 400 });
    const result = await setStaffRoles(viewer, userId, parsed.data.roles);
    if (!result.ok) return data({ intent, ...post.fail({ form: result.message }) }, { status: 400 });
    return { intent, ok: true as const, message: result.message };
  }
  if (intent === "job-title") {
    const parsed = post.parse(jobTitleSchema);
    if (!parsed.ok) return data({ intent, ...parsed }, { status: 400 });
    const result = await setJobTitle(viewer, userId, parsed.data.jobTitle || null);
    if (!result.ok) return data({ intent, ...post.fail({ jobTitle: result.message }) }, { status: 400 });
    return { intent, ok: true as const, message: result.message };
  }
  const parsed = post.parse(reasonSchema);
  if (!parsed.ok) return data({ intent, ...parsed }, { status: 400 });
  const change = intent === "deactivate" ? deactivateUser : reactivateUser;
  const result = await change(viewer, userId, parsed.data.reason);
  if (!result.ok) return data({ intent, ...post.fail({ [result.field ?? "form"]: result.message }) }, { status: 400 });
  return { intent, ok: true as const, message: result.message };
}

export default function AdminUserPage() {
  const { rolesFromIdp, user, history, isSelf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const statusIntent: Intent = user.deactivatedAt ? "reactivate" : "deactivate";
  const reasonFailure = actionData && !actionData.ok && actionData.intent === statusIntent ? actionData : undefined;
  const rolesFailure = actionData && !actionData.ok && actionData.intent === "roles" ? actionData : undefined;
  const form = useZodForm(reasonSchema, {
    defaultValues: { reason: reasonFailure?.values.reason ?? "" },
    serverErrors: reasonFailure?.errors,
  });
  const success = actionData?.ok ? actionData : undefined;
  return (
    <section>
      <p>
        <Link to="/beheer/gebruikers">Terug naar de gebruikers</Link>
      </p>
      <h1>
        {user.firstName} {user.lastName}
      </h1>
      {success ? (
        <p className="notice" role="status">
          {success.message}
        </p>
      ) : null}
      <dl className="facts">
        <dt>E-mailadres</dt>
        <dd>{user.email}</dd>
        <dt>Account</dt>
        <dd>
          {user.deactivatedAt ? `Gedeactiveerd op ${formatDateTime(user.deactivatedAt)}` : "Actief"}
          {user.deactivationReason ? ` (reden: ${user.deactivationReason})` : ""}
        </dd>
        <dt>Laatst aangemeld</dt>
        <dd>{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : "nooit"}</dd>
        <dt>Organisaties</dt>
        <dd>
          {user.memberships.length === 0
            ? "—"
            : user.memberships.map((m, index) => (
                <span key={m.organisationId}>
                  {index > 0 ? ", " : ""}
                  <Link to={`/beheer/organisaties/${m.organisationId}`}>{m.name}</Link>
                  {m.readOnly ? " (opgegaan in fusie)" : ""}
                </span>
              ))}
        </dd>
      </dl>

      <h2>Rollen bij het agentschap</h2>
      {rolesFailure ? (
        <div className="error-summary" role="alert">
          <p>{rolesFailure.errors.form}</p>
        </div>
      ) : null}
      {rolesFromIdp ? (
        <>
          <p>{ROLES_FROM_IDP}</p>
          <p>{user.staffRoles.length > 0 ? user.staffRoles.map((role) => STAFF_ROLE_LABELS[role]).join(", ") : "Geen rollen."}</p>
        </>
      ) : (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="roles" />
          <fieldset className="field">
            <legend>Rollen</legend>
            {STAFF_ROLES.map((role) => (
              <label key={role} className="choice">
                <input type="checkbox" name="roles" value={role} defaultChecked={user.staffRoles.includes(role)} />{" "}
                {STAFF_ROLE_LABELS[role]}
              </label>
            ))}
            {isSelf ? <p className="hint">Uw eigen beheerdersrol kunt u niet intrekken.</p> : null}
            {user.memberships.length > 0 ? (
              <p className="hint">Leden van een aanvragende organisatie kunnen geen rol bij het agentschap krijgen.</p>
            ) : null}
          </fieldset>
          <SubmitButton busyLabel="Bezig met opslaan…">Rollen opslaan</SubmitButton>
        </Form>
      )}

      {user.staffRoles.length > 0 ? (
        <JobTitleForm
          jobTitle={user.jobTitle}
          failure={actionData && !actionData.ok && actionData.intent === "job-title" ? actionData : undefined}
        />
      ) : null}

      <h2>{user.deactivatedAt ? "Account opnieuw activeren" : "Account deactiveren"}</h2>
      {user.deactivatedAt ? (
        <p>Na het activeren kan de gebruiker zich opnieuw aanmelden met het bestaande wachtwoord.</p>
      ) : (
        <p>
          Een gedeactiveerde gebruiker kan zich niet meer aanmelden; open sessies stoppen meteen. De dossiers blijven bij de organisatie.
        </p>
      )}
      <ErrorSummary errors={form.errors} labels={LABELS} attempt={form.attempt} />
      <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
        <input type="hidden" name="intent" value={statusIntent} />
        <TextAreaField label={LABELS.reason} required {...form.field("reason")} />
        <SubmitButton busyLabel={user.deactivatedAt ? "Bezig met activeren…" : "Bezig met deactiveren…"}>
          {user.deactivatedAt ? "Account activeren" : "Account deactiveren"}
        </SubmitButton>
      </Form>

      <h2>Geschiedenis</h2>
      {history.length === 0 ? (
        <p>Nog geen wijzigingen door een beheerder.</p>
      ) : (
        <ol className="timeline">
          {history.map((event) => (
            <li key={event.id}>
              <strong>{ACTION_LABELS[event.action] ?? event.action}</strong>
              {event.action.startsWith("user.role-") && event.after ? `: ${roleOf(event.after)}` : ""}
              <br />
              {formatDateTime(event.at)}
              {event.actor ? ` · ${event.actor}` : ""}
              {event.reason ? <p>{event.reason}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The function under the decider's name in the decision letters they sign. */
function JobTitleForm({
  jobTitle,
  failure,
}: {
  jobTitle: string | null;
  failure?: { errors: Record<string, string>; values: Record<string, string> };
}) {
  const form = useZodForm(jobTitleSchema, {
    defaultValues: { jobTitle: failure?.values.jobTitle ?? jobTitle ?? "" },
    serverErrors: failure?.errors,
  });
  return (
    <>
      <h2>Functie in beslissingsbrieven</h2>
      <ErrorSummary errors={form.errors} labels={JOB_TITLE_LABELS} attempt={form.attempt} />
      <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
        <input type="hidden" name="intent" value="job-title" />
        <TextField
          label={JOB_TITLE_LABELS.jobTitle}
          hint={`Staat onder de naam van wie een beslissing ondertekent, bv. “afdelingshoofd Lokaal Integratiebeleid”. Leeg: “${DEFAULT_SIGNATORY_TITLE}”.`}
          autoComplete="off"
          {...form.field("jobTitle")}
        />
        <button type="submit" className="button">
          Functie bewaren
        </button>
      </Form>
    </>
  );
}

function roleOf(after: string): string {
  const role = staffRoleSchema.safeParse(parseJsonObject(after).role);
  return role.success ? STAFF_ROLE_LABELS[role.data] : "";
}
