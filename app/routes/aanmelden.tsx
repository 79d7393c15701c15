import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import * as z from "zod/mini";
import { authenticate, LOGIN_MESSAGES } from "~/auth/login.server";
import { oidcConfig } from "~/auth/oidc.server";
import { createUserSession } from "~/auth/session.server";
import { getViewer } from "~/auth/viewer.server";
import { ErrorSummary, TextField, useZodForm } from "~/components/forms";
import { homePath } from "~/domain/permissions";
import { readFormPost } from "~/utils/read-form-post.server";
import { emailField, REQUIRED } from "~/utils/schemas";

export const meta: MetaFunction = () => [{ title: "Aanmelden | Subsidieportaal AgII" }];

const loginSchema = z.object({
  email: emailField,
  password: z.string({ error: REQUIRED }).check(z.minLength(1, REQUIRED)),
  // Whatever arrives here, createUserSession keeps only a same-site path.
  redirectTo: z.catch(z.optional(z.string()), undefined),
});

const LABELS = { email: "E-mailadres", password: "Wachtwoord" };

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  if (viewer) throw redirect(homePath(viewer));
  return { idp: oidcConfig() !== null };
}

export async function action({ request }: ActionFunctionArgs) {
  const post = await readFormPost(request, { secretFields: ["password"] });
  const parsed = post.parse(loginSchema);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await authenticate(parsed.data.email, parsed.data.password);
  if (!result.ok) return data(post.fail({ form: LOGIN_MESSAGES[result.reason] }), { status: 400 });
  // createUserSession keeps only a same-site path (safeRedirect), else "/".
  return createUserSession(request, result.userId, parsed.data.redirectTo);
}

export default function LoginPage() {
  const { idp } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo");
  const navigation = useNavigation();
  const form = useZodForm(loginSchema, {
    defaultValues: { email: actionData?.values.email ?? "" },
    serverErrors: actionData?.errors,
  });
  return (
    <section>
      <h1>Aanmelden</h1>
      {idp ? (
        <>
          <p>Medewerkers van lokale besturen, organisaties en het agentschap melden zich aan met hun overheidsaccount.</p>
          <p>
            {/* A document navigation: the loader sends the browser on to the identity provider. */}
            <Link
              className="button"
              reloadDocument
              to={redirectTo ? `/aanmelden/overheid?${new URLSearchParams({ redirectTo })}` : "/aanmelden/overheid"}
            >
              Aanmelden met uw overheidsaccount
            </Link>
          </p>
          <h2>Aanmelden met e-mailadres en wachtwoord</h2>
        </>
      ) : null}
      <ErrorSummary errors={form.errors} labels={LABELS} attempt={form.attempt} />
      <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
        <input type="hidden" name="redirectTo" value={redirectTo ?? ""} />
        <TextField label={LABELS.email} type="email" autoComplete="username" required {...form.field("email")} />
        <TextField label={LABELS.password} type="password" autoComplete="current-password" required {...form.field("password")} />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          Aanmelden
        </button>
      </Form>
      <p>
        <Link to="/wachtwoord-vergeten">Wachtwoord vergeten?</Link>
      </p>
      <p>
        Nog geen account? Een collega van uw organisatie kan u uitnodigen via "Mijn organisatie". Een nieuwe organisatie meldt zich aan bij
        het agentschap.
      </p>
    </section>
  );
}
