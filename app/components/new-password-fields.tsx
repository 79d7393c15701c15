import { TextField } from "./forms";

type FieldProps = { name: string; error?: string } & Record<string, unknown>;

/** The two "choose a password" fields shared by the reset and the invitation forms. */
export function NewPasswordFields({
  field,
  labels,
}: {
  field: (name: "password" | "confirmPassword") => FieldProps;
  labels: { password: string; confirmPassword: string };
}) {
  return (
    <>
      <TextField
        label={labels.password}
        type="password"
        autoComplete="new-password"
        required
        hint="Minstens 12 tekens. Een zin van enkele woorden is sterk en makkelijk te onthouden."
        {...field("password")}
      />
      <TextField label={labels.confirmPassword} type="password" autoComplete="new-password" required {...field("confirmPassword")} />
    </>
  );
}
