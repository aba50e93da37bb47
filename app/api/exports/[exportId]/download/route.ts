// POST /api/exports/:exportId/download: { url, expiresAt }, a short read SAS for the ZIP (attachment).
import { authenticate } from "@/lib/auth/current-user";
import { issueExportDownloadUrl } from "@/lib/export/issue-export-download-url";
import { routeHandler } from "@/lib/http/route-handler";

export const POST = routeHandler<{ exportId: string }>("exports.download", async ({ params, context }) => {
  const actor = await authenticate({ roles: ["PATIENT"] });
  const { url, expiresAt } = await issueExportDownloadUrl({ actor, exportId: params.exportId, context });
  return { body: { url, expiresAt: expiresAt.toISOString() } };
});
