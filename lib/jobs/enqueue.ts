// Writes a job. Pass the transaction of the change that causes it, so the job
// exists exactly when the change does (a rollback leaves no job behind).
import type { z } from "zod";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { appJobs } from "./handlers";
import { describePayloadIssues, InvalidJobPayloadError } from "./job-errors";
import { appJobRegistry, getJobDefinition, type JobRegistry } from "./registry";

type AppJob = (typeof appJobs)[number];
export type AppJobType = AppJob["type"];
/** The payload an app job type takes; unknown for other types (checked at run time). */
export type JobPayloadOf<T extends string> = T extends AppJobType ? z.input<Extract<AppJob, { type: T }>["payload"]> : unknown;

export interface EnqueueJobOptions<T extends string> {
  type: T;
  payload: JobPayloadOf<T>;
  /** Not before this time; now when omitted. */
  runAt?: Date;
  tx?: Tx;
  /** The app's registry unless given (tests). */
  registry?: JobRegistry;
}

export async function enqueueJob<T extends string>(options: EnqueueJobOptions<T>): Promise<{ id: string }> {
  const definition = getJobDefinition(options.registry ?? appJobRegistry(), options.type);
  const parsed = definition.payload.safeParse(options.payload);
  if (!parsed.success) throw new InvalidJobPayloadError(options.type, describePayloadIssues(parsed.error));
  const job = await (options.tx ?? db).job.create({
    data: {
      type: options.type,
      // The parsed value: unknown keys are dropped before anything is stored.
      payload: parsed.data as Prisma.InputJsonValue,
      runAt: options.runAt,
      maxAttempts: definition.maxAttempts,
    },
    select: { id: true },
  });
  return { id: job.id.toString() };
}
