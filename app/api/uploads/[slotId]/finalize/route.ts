// POST /api/uploads/:slotId/finalize: verify the uploaded bytes; { outcome: "ready", record } or { outcome: "rejected", reason }.
import { authenticate } from "@/lib/auth/current-user";
import { routeHandler } from "@/lib/http/route-handler";
import { finalizeUpload } from "@/lib/records/finalize-upload";

export const POST = routeHandler<{ slotId: string }>("uploads.finalize", async ({ params, context }) => {
  const actor = await authenticate();
  return { body: await finalizeUpload({ actor, slotId: params.slotId, context }) };
});
