import { routeHandler } from "@/lib/http/route-handler";

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
