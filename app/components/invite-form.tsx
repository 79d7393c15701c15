import { Form } from "@remix-run/react";
import { INVITE_LABELS, inviteFormSchema } from "~/auth/invite-form";
import type { FormFailure } from "~/utils/forms";
import { ErrorSummary, TextField, useZodForm } from "./forms";
import { SubmitButton } from "./submit-button";

/** The invitation form: name and e-mail of the person to invite, errors next to the fields. */
export function InviteForm({ failure }: { failure?: Pick<FormFailure, "errors" | "values"> }) {
  const form = useZodForm(inviteFormSchema, {
    defaultValues: {
      email: failure?.values.email ?? "",
      firstName: failure?.values.firstName ?? "",
      lastName: failure?.values.lastName ?? "",
    },
    serverErrors: failure?.errors,
  });
  return (
    <>
      <ErrorSummary errors={form.errors} labels={INVITE_LABELS} attempt={form.attempt} />
      <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
        <TextField label={INVITE_LABELS.firstName} autoComplete="off" required {...form.field("firstName")} />
        <TextField label={INVITE_LABELS.lastName} autoComplete="off" required {...form.field("lastName")} />
        <TextField label={INVITE_LABELS.email} type="email" autoComplete="off" required {...form.field("email")} />
        <SubmitButton busyLabel="Bezig met versturen…">Uitnodiging versturen</SubmitButton>
      </Form>
    </>
  );
}
