// The "delete my account" form: the phrase typed to confirm.
import { z } from "zod";

export const DELETE_ACCOUNT_PHRASE = "delete my account";

export const ZDeleteAccountSchema = z.object({
  confirmation: z
    .string({ error: `Type "${DELETE_ACCOUNT_PHRASE}" to confirm.` })
    .trim()
    .refine((value) => value.toLowerCase() === DELETE_ACCOUNT_PHRASE, { error: `Type "${DELETE_ACCOUNT_PHRASE}" exactly to confirm.` }),
});
export type TDeleteAccount = z.input<typeof ZDeleteAccountSchema>;
