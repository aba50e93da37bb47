// POST /api/records/:recordId/download: { url, expiresAt }, a short read SAS with attachment disposition.
import { authenticate } from "@/lib/auth/current-user";
import { routeHandler } from "@/lib/http/route-handler";
import { issueDownloadUrl } from "@/lib/records/issue-download-url";

export const POST = routeHandler<{ recordId: string }>("records.download", async ({ params, context }) => {
  const actor = await authenticate();
  const { url, expiresAt } = await issueDownloadUrl({ actor, recordId: params.recordId, context });
  return { body: { url, expiresAt: expiresAt.toISOString() } };
});
