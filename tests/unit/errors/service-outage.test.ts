import { AppError, statusOf, toPublicError } from "@/lib/errors";
import { isServiceOutage } from "@/lib/service-outage";

const coded = (code: string, extra: object = {}) => Object.assign(new Error("boom"), { code }, extra);

describe("isServiceOutage", () => {
  it.each([
    ["a refused connection", coded("ECONNREFUSED")],
    ["a reset connection, nested as a cause", Object.assign(new Error("fetch failed"), { cause: coded("ECONNRESET") })],
    ["Postgres terminating the connection (57P01) under a driver adapter error", Object.assign(new Error("x"), { cause: { originalCode: "57P01" } })],
    ["Prisma unable to reach the database", coded("P1001")],
    ["the storage SDK getting no answer", Object.assign(new Error("x"), { name: "RestError", code: "REQUEST_SEND_ERROR" })],
    ["node-postgres closing under a query", new Error("Connection terminated unexpectedly")],
  ])("is true for %s", (_label, error) => {
    expect(isServiceOutage(error)).toBe(true);
  });

  it.each([
    ["a plain bug", new TypeError("x is undefined")],
    ["a unique violation", coded("P2002")],
    ["a Postgres syntax error", Object.assign(new Error("x"), { cause: { originalCode: "42601" } })],
    ["a storage 412 precondition failure", Object.assign(new Error("x"), { name: "RestError", code: "ConditionNotMet", statusCode: 412 })],
    ["not an error at all", "ECONNREFUSED"],
  ])("is false for %s", (_label, error) => {
    expect(isServiceOutage(error)).toBe(false);
  });
});

describe("toPublicError and statusOf", () => {
  it("answer an outage with 503 and 'try again', a bug with 500, an AppError with its own status", () => {
    expect(toPublicError(coded("ECONNREFUSED"))).toMatchObject({ code: "SERVICE_UNAVAILABLE", message: expect.stringMatching(/try again/i) });
    expect(statusOf(coded("ECONNREFUSED"))).toBe(503);
    expect(statusOf(new TypeError("x"))).toBe(500);
    expect(statusOf(new AppError("NOT_FOUND"))).toBe(404);
  });
});
