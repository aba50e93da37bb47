// Teardown steps registered as resources are acquired, run once in reverse
// order whether the run passed, failed, threw or was interrupted, so a crashed
// run never leaves a database, an Azurite process or temp files behind.
export class Cleanup {
  private readonly steps: { label: string; run: () => Promise<void> | void }[] = [];
  private done?: Promise<void>;

  add(label: string, run: () => Promise<void> | void): void {
    this.steps.push({ label, run });
  }

  /** Idempotent: a signal arriving during normal teardown waits for the same work. */
  runAll(log: (line: string) => void = console.log): Promise<void> {
    this.done ??= (async () => {
      for (const step of this.steps.reverse()) {
        try {
          await step.run();
        } catch (error) {
          log(`Cleanup "${step.label}" failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    })();
    return this.done;
  }
}
