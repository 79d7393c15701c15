import * as z from "zod/mini";
import { optionalText } from "~/utils/schemas";

/** Withdrawing an application: an optional reason, for the browser and the action alike. */
export const withdrawFormSchema = z.object({ reason: optionalText(1000, { multiline: true }) });
