// POST /api/exports: start "download everything" (202, or 200 with the one already running).
// GET /api/exports: the latest export's status, polled by /patient/export.
import { authenticate } from "@/lib/auth/current-user";
import { latestExport } from "@/lib/export/export-status";
import { requestExport } from "@/lib/export/request-export";
import { routeHandler } from "@/lib/http/route-handler";

export const POST = routeHandler("exports.request", async ({ context }) => {
  const actor = await authenticate({ roles: ["PATIENT"] });
  const result = await requestExport({ actor, context });
  return { status: result.created ? 202 : 200, body: { export: result.export } };
});

export const GET = routeHandler("exports.status", async () => {
  const actor = await authenticate({ roles: ["PATIENT"] });
  return { body: { export: await latestExport({ actor }) } };
});
