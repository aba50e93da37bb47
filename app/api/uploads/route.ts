// POST /api/uploads: reserve an upload slot and get a write-only SAS URL.
import { authenticate } from "@/lib/auth/current-user";
import { readJsonBody, routeHandler } from "@/lib/http/route-handler";
import { issueUploadSlot } from "@/lib/records/issue-upload-slot";
import type { TIssueUploadSlotInput } from "@/lib/validation/records";

export const POST = routeHandler("uploads.issue_slot", async ({ request, context }) => {
  const actor = await authenticate();
  const input = (await readJsonBody(request)) as TIssueUploadSlotInput; // validated by issueUploadSlot
  const slot = await issueUploadSlot({ actor, input, context });
  return { status: 201, body: { ...slot, expiresAt: slot.expiresAt.toISOString() } };
});
