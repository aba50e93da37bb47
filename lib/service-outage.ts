// Whether an error means a service we depend on (the database, blob storage,
// the search engine) is unreachable or just dropped our connection, rather than
// a bug: the user should hear "unavailable, try again" (503), not "something went
// wrong" (500). Recognised by codes only: messages may quote user input.

// Postgres: admin shutdown, crash shutdown, cannot connect now; class 08 is connection exceptions.
const POSTGRES_CONNECTION_CODES = /^(57P0[123]|08\d{3})$/;
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "ENOTFOUND", "UND_ERR_SOCKET", "UND_ERR_CONNECT_TIMEOUT"]);
// Prisma: cannot reach the database, connection closed, timed out fetching a connection.
const PRISMA_CONNECTION_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
// @azure/core-rest-pipeline: the request never got an answer.
const AZURE_SEND_ERROR = "REQUEST_SEND_ERROR";

type Coded = { code?: unknown; originalCode?: unknown; cause?: unknown };

function codesOf(error: unknown, depth = 0): string[] {
  if (depth > 4 || error === null || typeof error !== "object") return [];
  const coded = error as Coded;
  const own = [coded.code, coded.originalCode].filter((code): code is string => typeof code === "string");
  return [...own, ...codesOf(coded.cause, depth + 1)];
}

export function isServiceOutage(error: unknown): boolean {
  if (typeof error === "object" && error !== null && /connection terminated/i.test(String((error as Error).message ?? ""))) return true;
  return codesOf(error).some(
    (code) => NETWORK_CODES.has(code) || PRISMA_CONNECTION_CODES.has(code) || POSTGRES_CONNECTION_CODES.test(code) || code === AZURE_SEND_ERROR,
  );
}
