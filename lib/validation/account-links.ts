import { z } from "zod";
import { ZEmailSchema, ZPasswordSchema } from "./auth";

export const ZEmailRequestSchema = z.object({ email: ZEmailSchema });
export type TEmailRequest = z.input<typeof ZEmailRequestSchema>;

/** The token as it appears in our links (32 random bytes, base64url). */
export const ZLinkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This link is not valid. Ask for a new one.");

export const ZResetPasswordSchema = z.object({ token: ZLinkTokenSchema, password: ZPasswordSchema });
export type TResetPasswordInput = z.input<typeof ZResetPasswordSchema>;
