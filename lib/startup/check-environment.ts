import { env, InvalidEnvironmentError } from "@/lib/env";

/** Stops a misconfigured server at start with one message naming every bad variable. */
export function checkEnvironmentOrExit() {
  try {
    env();
  } catch (error) {
    if (!(error instanceof InvalidEnvironmentError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
