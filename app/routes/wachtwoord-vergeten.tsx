import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import * as z from "zod/mini";
import { requestResetLink } from "~/auth/reset-request.server";
import { ErrorSummary, TextField, useZodForm } from "~/components/forms";
import { readFormPost } from "~/utils/read-form-post.server";
import { emailField } from "~/utils/schemas";
import { publicUrl } from "~/utils/url.server";

export const meta: MetaFunction = () => [{ title: "Wachtwoord vergeten | Subsidieportaal AgII" }];

const forgotSchema = z.object({ email: emailField });
const LABELS = { email: "E-mailadres" };

export async function action({ request, context }: ActionFunctionArgs) {
  const post = await readFormPost(request);
  const parsed = post.parse(forgotSchema);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await requestResetLink({ email: parsed.data.email, ip: context.clientIp, linkTo: (path) => publicUrl(request, path) });
  if (!result.ok) return data(post.fail({ form: result.message }), { status: 429 });
  return { ok: true as const, email: parsed.data.email };
}

export default function ForgotPasswordPage() {
  const actionData = useActionData<typeof action>();
  const failure = actionData && !actionData.ok ? actionData : undefined;
  const form = useZodForm(forgotSchema, {
    defaultValues: { email: failure?.values.email ?? "" },
    serverErrors: failure?.errors,
  });
  if (actionData?.ok) {
    return (
      <section>
        <h1>Controleer uw mailbox</h1>
        <p className="notice" role="status">
          Als er een account bestaat voor {actionData.email}, ontvangt u binnen enkele minuten een e-mail met een link om een nieuw
          wachtwoord te kiezen. De link is één uur geldig.
        </p>
      </section>
    );
  }
  return (
    <section>
      <h1>Wachtwoord vergeten</h1>
      <p>Vul het e-mailadres van uw account in. U ontvangt een link om een nieuw wachtwoord te kiezen.</p>
      <ErrorSummary errors={form.errors} labels={LABELS} attempt={form.attempt} />
      <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
        <TextField label={LABELS.email} type="email" autoComplete="email" required {...form.field("email")} />
        <button type="submit" className="button">
          Stuur de link
        </button>
      </Form>
    </section>
  );
}
