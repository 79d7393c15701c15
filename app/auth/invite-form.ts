import * as z from "zod/mini";
import { emailField, requiredText } from "~/utils/schemas";

/** Inviting someone into an organisation (by a member or an administrator): one schema for browser and server. */
export const inviteFormSchema = z.object({ email: emailField, firstName: requiredText(100), lastName: requiredText(100) });

export const INVITE_LABELS = { email: "E-mailadres", firstName: "Voornaam", lastName: "Familienaam" };
