// POST /api/records/:recordId/preview: { url, expiresAt }, a short read SAS with inline disposition (images and PDFs only).
import { authenticate } from "@/lib/auth/current-user";
import { routeHandler } from "@/lib/http/route-handler";
import { issuePreviewUrl } from "@/lib/records/issue-preview-url";

export const POST = routeHandler<{ recordId: string }>("records.preview", async ({ params, context }) => {
  const actor = await authenticate();
  const { url, expiresAt } = await issuePreviewUrl({ actor, recordId: params.recordId, context });
  return { body: { url, expiresAt: expiresAt.toISOString() } };
});
