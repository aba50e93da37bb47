// Input of the admin job actions, shared by the server action and the use case.
// Client-safe: no server imports.
import { z } from "zod";

export const ZJobIdSchema = z.string().regex(/^[1-9][0-9]{0,18}$/, "Not a job id");

export const ZRetryFailedJobSchema = z.object({ id: ZJobIdSchema });
export type TRetryFailedJob = z.infer<typeof ZRetryFailedJobSchema>;
