import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { resetPassword } from "~/auth/accounts.server";
import { ErrorSummary, useZodForm } from "~/components/forms";
import { NewPasswordFields } from "~/components/new-password-fields";
import { newPasswordFormSchema } from "~/auth/password-form";
import { readFormPost } from "~/utils/read-form-post.server";
import { redirectWithNotice } from "~/utils/notice.server";

export const meta: MetaFunction = () => [{ title: "Nieuw wachtwoord | Subsidieportaal AgII" }];

const LABELS = { password: "Nieuw wachtwoord", confirmPassword: "Herhaal het nieuwe wachtwoord" };
const SECRET = ["password", "confirmPassword"];

export async function action({ request, params }: ActionFunctionArgs) {
  const post = await readFormPost(request, { secretFields: SECRET });
  const parsed = post.parse(newPasswordFormSchema);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await resetPassword(params.token ?? "", parsed.data.password);
  if (!result.ok) return data(post.fail({ form: result.message }), { status: 400 });
  throw await redirectWithNotice("/aanmelden", "Uw wachtwoord is gewijzigd. U kunt zich nu aanmelden.");
}

export default function ResetPasswordPage() {
  const actionData = useActionData<typeof action>();
  const form = useZodForm(newPasswordFormSchema, { serverErrors: actionData?.errors });
  return (
    <section>
      <h1>Kies een nieuw wachtwoord</h1>
      <ErrorSummary errors={form.errors} labels={LABELS} attempt={form.attempt} />
      <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
        <NewPasswordFields field={form.field} labels={LABELS} />
        <button type="submit" className="button">
          Wachtwoord opslaan
        </button>
      </Form>
    </section>
  );
}
