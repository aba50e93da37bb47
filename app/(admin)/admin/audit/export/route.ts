// POST /admin/audit/export: the events the posted filters match, as a CSV
// download, streamed. Admin only (session role, then the use case re-checks
// against the database); same-origin only; the export is audited before the
// first row is sent.
import { exportAuditCsv } from "@/lib/admin/audit/export-audit-csv";
import { authenticate } from "@/lib/auth/current-user";
import { AppError, statusOf, toPublicError } from "@/lib/errors";
import { contextFromHeaders } from "@/lib/http/request-context";
import { errorLabel, logger } from "@/lib/logger";

function refuse(error: unknown): Response {
  if (!(error instanceof AppError)) logger.error("route.failed", { route: "admin.audit_export", error: errorLabel(error) });
  const status = statusOf(error);
  return new Response(toPublicError(error).message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

export async function POST(request: Request): Promise<Response> {
  try {
    const site = request.headers.get("sec-fetch-site");
    if (site && site !== "same-origin") throw new AppError("FORBIDDEN");
    const admin = await authenticate({ roles: ["ADMIN"] });
    const form = await request.formData();
    const query = Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === "string"));
    const { fileName, rows } = await exportAuditCsv({ adminId: admin.id, query, context: contextFromHeaders(request.headers) });

    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const next = await rows.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (error) {
          logger.error("route.failed", { route: "admin.audit_export_stream", error: errorLabel(error) });
          controller.error(error);
        }
      },
      async cancel() {
        await rows.return(undefined);
      },
    });
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return refuse(error);
  }
}
