import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import * as z from "zod/mini";
import { acceptInvitation, describeInvitation, INVALID_LINK_MESSAGE } from "~/auth/accounts.server";
import { newPasswordFields, passwordsMatch, PASSWORDS_DIFFER } from "~/auth/password-form";
import { createUserSession, getCookieSession, sessionStorage } from "~/auth/session.server";
import { getViewer } from "~/auth/viewer.server";
import { ErrorSummary, TextField, useZodForm } from "~/components/forms";
import { NewPasswordFields } from "~/components/new-password-fields";
import { readFormPost } from "~/utils/read-form-post.server";
import { requiredText } from "~/utils/schemas";

export const meta: MetaFunction = () => [{ title: "Uitnodiging | Subsidieportaal AgII" }];

const newAccountSchema = z
  .object({ firstName: requiredText(100), lastName: requiredText(100), ...newPasswordFields })
  .check(z.refine(passwordsMatch, PASSWORDS_DIFFER));

const LABELS = {
  firstName: "Voornaam",
  lastName: "Familienaam",
  password: "Wachtwoord",
  confirmPassword: "Herhaal het wachtwoord",
};
const SECRET = ["password", "confirmPassword"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invitation = await describeInvitation(params.token ?? "");
  const viewer = await getViewer(request);
  return { invitation, loggedInAs: viewer?.email ?? null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const viewer = await getViewer(request);
  const post = await readFormPost(request, { secretFields: SECRET });
  if (viewer) {
    const result = await acceptInvitation(token, { loggedInUserId: viewer.userId });
    if (!result.ok) return data(post.fail({ form: result.message }), { status: 400 });
    const cookieSession = await getCookieSession(request);
    cookieSession.set("organisationId", result.organisationId);
    return redirect("/mijn-dossiers", { headers: { "Set-Cookie": await sessionStorage.commitSession(cookieSession) } });
  }
  const parsed = post.parse(newAccountSchema);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await acceptInvitation(token, parsed.data);
  if (!result.ok) return data(post.fail({ form: result.message }), { status: 400 });
  return createUserSession(request, result.userId, "/mijn-dossiers");
}

export default function InvitationPage() {
  const { invitation, loggedInAs } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const form = useZodForm(newAccountSchema, {
    defaultValues: { firstName: actionData?.values.firstName ?? "", lastName: actionData?.values.lastName ?? "" },
    serverErrors: actionData?.errors,
  });
  if (!invitation) {
    return (
      <section>
        <h1>Uitnodiging</h1>
        <p className="notice notice--warning">{INVALID_LINK_MESSAGE} Vraag uw collega om u opnieuw uit te nodigen.</p>
      </section>
    );
  }
  const title = `Uitnodiging voor ${invitation.organisationName}`;
  if (loggedInAs || invitation.hasAccount) {
    return (
      <section>
        <h1>{title}</h1>
        <ErrorSummary errors={form.errors} labels={LABELS} attempt={form.attempt} />
        {loggedInAs ? (
          <Form method="post">
            <p>
              U bent aangemeld als {loggedInAs}. De uitnodiging is voor {invitation.email}.
            </p>
            <button type="submit" className="button">
              Uitnodiging aanvaarden
            </button>
          </Form>
        ) : (
          <p>
            Er bestaat al een account voor {invitation.email}.{" "}
            <Link to={`/aanmelden?redirectTo=${encodeURIComponent(location.pathname)}`}>Meld u aan</Link> en open daarna opnieuw de link uit
            de e-mail.
          </p>
        )}
      </section>
    );
  }
  return (
    <section>
      <h1>{title}</h1>
      <p>
        Maak uw account aan voor <strong>{invitation.email}</strong>. Daarna werkt u mee aan de dossiers van {invitation.organisationName}.
      </p>
      <ErrorSummary errors={form.errors} labels={LABELS} attempt={form.attempt} />
      <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
        <TextField label={LABELS.firstName} autoComplete="given-name" required {...form.field("firstName")} />
        <TextField label={LABELS.lastName} autoComplete="family-name" required {...form.field("lastName")} />
        <NewPasswordFields field={form.field} labels={LABELS} />
        <button type="submit" className="button">
          Account aanmaken en aanvaarden
        </button>
      </Form>
    </section>
  );
}
