/** Texts of the password policy (app/auth/password-policy.server.ts), also shown on pages. */
export const IDP_MANAGED_MEMBERS_MESSAGE =
  "De leden van deze organisatie worden beheerd in het gebruikersbeheer van de organisatie (ACM/IDM): wie daar de rol voor het subsidieportaal krijgt, is lid bij de volgende aanmelding.";
