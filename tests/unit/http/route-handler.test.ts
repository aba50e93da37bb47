import { AppError } from "@/lib/errors";
import { MAX_BODY_BYTES } from "@/lib/http/bounded-body";
import { readJsonBody, routeHandler } from "@/lib/http/route-handler";

const lines: string[] = [];
beforeEach(() => {
  lines.length = 0;
  jest.spyOn(console, "error").mockImplementation((line: string) => void lines.push(line));
  jest.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
});
afterEach(() => jest.restoreAllMocks());

const failing = routeHandler("test.route", async () => {
  throw Object.assign(new TypeError("a bug"), { code: "ERR_INVALID_ARG_TYPE" });
});
const segment = { params: Promise.resolve({}) };

describe("routeHandler's logging of unexpected failures", () => {
  it("logs a failure as route.failed with the error's name and code", async () => {
    const response = await failing(new Request("http://localhost/api/x", { method: "POST" }), segment);
    expect(response.status).toBe(500);
    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([expect.objectContaining({ level: "error", event: "route.failed", route: "test.route", error: "TypeError [ERR_INVALID_ARG_TYPE]" })]);
  });

  it("does not call it a failure when the client had already gone away", async () => {
    const controller = new AbortController();
    controller.abort();
    await failing(new Request("http://localhost/api/x", { method: "POST", signal: controller.signal }), segment);
    const events = lines.map((line) => (JSON.parse(line) as { event: string; level: string }));
    expect(events.filter((event) => event.level === "error")).toEqual([]);
    expect(events.map((event) => event.event)).toContain("route.client_gone");
  });
});

describe("readJsonBody's size limit", () => {
  const enc = new TextEncoder();
  /** A body sent in chunks with no Content-Length, as a chunked upload is; counts what was pulled from it. */
  function streamedRequest(chunk: Uint8Array, count: number, headers: Record<string, string> = {}) {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled === count) return controller.close();
        pulled += 1;
        controller.enqueue(chunk);
      },
    }, { highWaterMark: 0 }); // pulled only when read
    const request = new Request("http://localhost/api/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
    return { request, pulled: () => pulled };
  }

  it("parses a body up to the limit, a leading byte-order mark dropped, and an empty one as {}", async () => {
    const atLimit = `{"q":"knee"}`.padEnd(MAX_BODY_BYTES, " ");
    expect(enc.encode(atLimit).byteLength).toBe(MAX_BODY_BYTES);
    await expect(readJsonBody(new Request("http://localhost/api/x", { method: "POST", body: atLimit }))).resolves.toEqual({ q: "knee" });
    await expect(readJsonBody(new Request("http://localhost/api/x", { method: "POST", body: '\uFEFF{"q":"x-ray"}' }))).resolves.toEqual({ q: "x-ray" });
    await expect(readJsonBody(new Request("http://localhost/api/x", { method: "POST" }))).resolves.toEqual({});
  });

  it("refuses a body one byte over the limit with 413 and a message that says the limit", async () => {
    const over = `{"q":"knee"}`.padEnd(MAX_BODY_BYTES + 1, " ");
    const error = await readJsonBody(new Request("http://localhost/api/x", { method: "POST", body: over })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", status: 413, message: "The request is too large: at most 64 KB is accepted here." });
  });

  it("refuses on a Content-Length over the limit without reading the body", async () => {
    const { request, pulled } = streamedRequest(enc.encode("{}"), 1, { "content-length": String(MAX_BODY_BYTES + 1) });
    expect(request.headers.get("content-length")).toBe(String(MAX_BODY_BYTES + 1));
    await expect(readJsonBody(request)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(pulled()).toBe(0);
  });

  it("stops reading a streamed body without Content-Length as soon as it passes the limit", async () => {
    const chunk = enc.encode(" ".repeat(16 * 1024));
    const { request, pulled } = streamedRequest(chunk, 10_000); // 160 MB if read to the end
    await expect(readJsonBody(request)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(pulled()).toBeLessThanOrEqual(MAX_BODY_BYTES / chunk.byteLength + 2);
  });

  it("answers 413 with the message through routeHandler", async () => {
    const echo = routeHandler("test.echo", async ({ request }) => ({ body: await readJsonBody(request) }));
    const response = await echo(new Request("http://localhost/api/x", { method: "POST", body: "x".repeat(MAX_BODY_BYTES + 1) }), segment);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { code: "PAYLOAD_TOO_LARGE", message: "The request is too large: at most 64 KB is accepted here." } });
    expect(lines.filter((line) => line.includes('"level":"error"'))).toEqual([]);
  });
});
