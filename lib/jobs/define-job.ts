// A job type: its name, the zod schema of its payload and the handler that does
// the work. Handlers run outside any transaction, at least once (a worker that
// dies mid-job is replaced after the lock times out), so they must be idempotent.
import type { z } from "zod";

export interface JobBackoff {
  /** Delay before the first retry; doubles with every attempt. */
  baseMs: number;
  /** Upper bound of any single delay. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: JobBackoff = { baseMs: 5_000, maxMs: 60 * 60_000 };
export const DEFAULT_MAX_ATTEMPTS = 8;

export interface JobContext {
  jobId: string;
  type: string;
  /** 1 on the first run; counts runs cut short by a dead worker too. */
  attempt: number;
  maxAttempts: number;
  workerId: string;
  /** Aborted when the worker gives up waiting for this job on shutdown. */
  signal: AbortSignal;
}

export interface JobDefinition<T extends string = string, S extends z.ZodType = z.ZodType> {
  type: T;
  payload: S;
  // Method syntax on purpose: a registry holds definitions of many payload types.
  handler(payload: z.output<S>, ctx: JobContext): Promise<unknown>;
  maxAttempts: number;
  backoff: JobBackoff;
}

const TYPE_NAME = /^[a-z0-9][a-z0-9-:.]{0,99}$/;

export function defineJob<T extends string, S extends z.ZodType>(definition: {
  type: T;
  payload: S;
  handler: (payload: z.output<S>, ctx: JobContext) => Promise<unknown>;
  maxAttempts?: number;
  backoff?: Partial<JobBackoff>;
}): JobDefinition<T, S> {
  if (!TYPE_NAME.test(definition.type)) throw new Error(`Invalid job type name "${definition.type}" (lower-case letters, digits, - : .)`);
  const maxAttempts = definition.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new Error(`Job type "${definition.type}": maxAttempts must be a positive integer`);
  const backoff = { ...DEFAULT_BACKOFF, ...definition.backoff };
  if (!(backoff.baseMs > 0 && backoff.maxMs >= backoff.baseMs)) throw new Error(`Job type "${definition.type}": backoff needs 0 < baseMs <= maxMs`);
  return { type: definition.type, payload: definition.payload, handler: definition.handler, maxAttempts, backoff };
}
