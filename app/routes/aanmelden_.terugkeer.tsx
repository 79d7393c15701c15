import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { finishOidcLogin, oidcConfig } from "~/auth/oidc.server";

export const meta: MetaFunction = () => [{ title: "Aanmelden | Subsidieportaal AgII" }];

// Where the identity provider sends the browser back (OIDC_REDIRECT_URL): a new session, or
// the reason in Dutch why not.
export async function loader({ request }: LoaderFunctionArgs) {
  const config = oidcConfig();
  if (!config) throw redirect("/aanmelden");
  const result = await finishOidcLogin(request, config);
  if (result.ok) throw result.response;
  return data({ message: result.message }, { status: 403, headers: result.headers });
}

export default function LoginReturnPage() {
  const { message } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>Aanmelden niet gelukt</h1>
      <p role="alert">{message}</p>
      <p>
        <Link to="/aanmelden">Opnieuw aanmelden</Link>
      </p>
    </section>
  );
}
