// Runs once when a server instance starts: a production server with a missing or
// invalid setting stops here instead of failing on its first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkEnvironmentOrExit } = await import("@/lib/startup/check-environment");
    checkEnvironmentOrExit();
  }
}
