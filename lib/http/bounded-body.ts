// Request bodies our routes read whole (API JSON, Auth.js's sign-in forms) are
// a few hundred bytes. Anything near this cap is not from our pages, and
// reading it whole would let one client, signed in or not, fill the server's
// memory: it is refused on its Content-Length, or as soon as a streamed body
// passes the cap, without reading the rest. A route that takes a file (the FHIR
// import) passes its own, larger cap.
import { AppError } from "@/lib/errors";

export const MAX_BODY_BYTES = 64 * 1024;

const payloadTooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `The request is too large: at most ${MAX_BODY_BYTES / 1024} KB is accepted here.`);

type BoundOptions = { maxBytes?: number; tooLarge?: () => AppError };

/**
 * The body's bytes (empty when there is none). Past maxBytes (MAX_BODY_BYTES
 * unless a route takes files, like the FHIR import) it throws tooLarge's error,
 * PAYLOAD_TOO_LARGE by default, whatever Content-Length said.
 */
export async function readBoundedBody(request: Request, options: BoundOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const { maxBytes = MAX_BODY_BYTES, tooLarge = payloadTooLarge } = options;
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The body as text, decoded as request.text() does (UTF-8, a leading byte-order mark dropped), within the same cap. */
export async function readBoundedText(request: Request, options: BoundOptions = {}): Promise<string> {
  return new TextDecoder().decode(await readBoundedBody(request, options));
}
