// One error type for everything the migration tooling refuses or fails at, so the
// CLIs can print its message and exit non-zero without a stack trace.

export class MigrationError extends Error {
  constructor(
    message: string,
    /** The migration that failed (directory name), when one is to blame. */
    public readonly migrationName?: string,
    /** The database's or engine's own error text, without the engine's trace. */
    public readonly databaseError?: string,
  ) {
    super(message);
    this.name = "MigrationError";
  }
}

/**
 * The human part of a schema-engine error: its messages end with a Rust span
 * trace ("   0: sql_schema_connector::...") and may start with a generic prefix.
 */
export function engineErrorText(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  return raw
    .split(/\n\s+0: /)[0]
    .replace(/^external connector error\n/, "")
    .trim();
}
