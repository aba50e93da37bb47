// Runs once when a server instance starts: a production server with a missing or
// invalid setting stops here instead of failing on its first request, and blob
// storage is made ready for direct browser uploads.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkEnvironmentOrExit } = await import("@/lib/startup/check-environment");
    checkEnvironmentOrExit();
    const { prepareStorageAtStartup } = await import("@/lib/startup/prepare-storage");
    await prepareStorageAtStartup();
  }
}
