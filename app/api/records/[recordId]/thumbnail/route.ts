// GET /api/records/:recordId/thumbnail: the record's list thumbnail (WebP we
// made, see lib/records/read-record-thumbnail.ts), for an <img> on our pages.
// Authorized like a preview on every request; a denied record is a 404 like a
// missing one. Cached privately for a few minutes so paging back and forth
// through a list does not fetch every image again; a revoked grant therefore
// stops showing a thumbnail after at most THUMBNAIL_MAX_AGE_SECONDS.
import { authenticate } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { errorLabel, logger } from "@/lib/logger";
import { readRecordThumbnail } from "@/lib/records/read-record-thumbnail";

const THUMBNAIL_MAX_AGE_SECONDS = 300;

function refusal(status: number): Response {
  return new Response(null, { status, headers: { "Cache-Control": "no-store" } });
}

export async function GET(request: Request, segment: { params: Promise<{ recordId: string }> }): Promise<Response> {
  try {
    // Only our own pages embed it: another site's page cannot use the visitor's session to probe records.
    const site = request.headers.get("sec-fetch-site");
    if (site && site !== "same-origin" && site !== "none") throw new AppError("NOT_FOUND");
    const actor = await authenticate();
    const { recordId } = await segment.params;
    const thumbnail = await readRecordThumbnail({ actor, recordId });
    return new Response(new Uint8Array(thumbnail.bytes), {
      status: 200,
      headers: {
        "Content-Type": thumbnail.contentType,
        "Content-Length": String(thumbnail.bytes.length),
        "Cache-Control": `private, max-age=${THUMBNAIL_MAX_AGE_SECONDS}`,
        Vary: "Cookie",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Cross-Origin-Resource-Policy": "same-origin",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return refusal(error.code === "VALIDATION_FAILED" ? 404 : error.status);
    logger.error("route.failed", { route: "records.thumbnail", error: errorLabel(error) });
    return refusal(500);
  }
}
