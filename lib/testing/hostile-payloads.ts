// Malformed and hostile input for the fuzz tests: wrong types, huge strings,
// unicode tricks, prototype-pollution keys, SQL and filter injection, path
// traversal. Each comes with a name, so a failure says which one broke what.
import { LOG_CANARY } from "./log-scan";

export interface Hostile {
  name: string;
  value: unknown;
}

/** A password-looking value in the factories' pattern: the log scan flags it if it is ever logged. */
export const PLANTED_PASSWORD = "correct horse 0f1e2d3c4b5a";

export const HOSTILE_STRINGS: Hostile[] = [
  { name: "empty", value: "" },
  { name: "whitespace", value: " \t\n " },
  { name: "sql quote", value: "' OR '1'='1" },
  { name: "sql drop", value: "x'); DROP TABLE \"User\"; --" },
  { name: "sql sleep", value: "1; SELECT pg_sleep(10)--" },
  { name: "like wildcards", value: "%_%\\" },
  { name: "nosql filter", value: '{"$ne":null}' },
  { name: "ldap filter", value: "*)(uid=*))(|(uid=*" },
  { name: "meili filter", value: 'ownerId != "x" OR 1 = 1' },
  { name: "path traversal", value: "../../../../etc/passwd" },
  { name: "windows traversal", value: "..\\..\\..\\windows\\win.ini" },
  { name: "encoded traversal", value: "%2e%2e%2f%2e%2e%2fetc%2fpasswd" },
  { name: "blob path", value: "records/other-patient/slot" },
  { name: "rtl override", value: "\u202Efdp.exe" },
  { name: "nul byte", value: "a\u0000b" },
  { name: "zero width and bom", value: "\uFEFF\u200B\u200D" },
  { name: "lone surrogate", value: "\uD800x" },
  { name: "astral and combining", value: "𝕬\u0301\u0301\u0301" },
  { name: "html", value: "<script>alert(1)</script>" },
  { name: "template", value: "${7*7}{{7*7}}#{7*7}" },
  { name: "proto key", value: "__proto__" },
  { name: "constructor key", value: "constructor" },
  { name: "crlf header injection", value: "x\r\nSet-Cookie: a=b" },
  { name: "medical canary", value: `Diagnosis: ${LOG_CANARY}` },
  { name: "planted password", value: PLANTED_PASSWORD },
  { name: "long string (64 KiB)", value: "A".repeat(64 * 1024) },
];

export const HUGE_STRING: Hostile = { name: "huge string (2 MiB)", value: "B".repeat(2 * 1024 * 1024) };

export const HOSTILE_TYPES: Hostile[] = [
  { name: "null", value: null },
  { name: "true", value: true },
  { name: "zero", value: 0 },
  { name: "negative", value: -1 },
  { name: "fraction", value: 0.5 },
  { name: "huge number", value: 1e308 },
  { name: "unsafe integer", value: 2 ** 64 },
  { name: "empty array", value: [] },
  { name: "array of strings", value: ["a", "b"] },
  { name: "empty object", value: {} },
  { name: "nested object", value: { a: { b: { c: "d" } } } },
];

/** Field names the app's inputs use; every one set to the same hostile value. */
export const COMMON_FIELDS = [
  "id", "patientId", "recordId", "slotId", "grantId", "requestId", "granteeId", "userId", "jobId",
  "fileName", "declaredType", "declaredSize", "email", "password", "newPassword", "code", "token", "query", "q",
  "category", "level", "scope", "categories", "recordIds", "expiresAt", "reason", "note", "notes", "text", "title", "body",
  "cursor", "limit", "from", "to", "sort", "direction", "status", "value", "unit", "type", "kind", "provider",
];

export function objectWithEveryField(value: unknown): Record<string, unknown> {
  return Object.fromEntries(COMMON_FIELDS.map((field) => [field, value]));
}

/** Raw JSON bodies that JSON.parse turns into prototype-pollution attempts (an object literal would not). */
export const POLLUTION_BODIES: Hostile[] = [
  { name: "__proto__ key", value: '{"__proto__":{"polluted":"yes","isAdmin":true,"role":"ADMIN"}}' },
  { name: "constructor.prototype key", value: '{"constructor":{"prototype":{"polluted":"yes"}}}' },
  { name: "nested __proto__", value: '{"input":{"__proto__":{"polluted":"yes"}},"patientId":{"__proto__":{"polluted":"yes"}}}' },
];

/** Raw bodies that are not what a JSON API expects. */
export const RAW_BODIES: Hostile[] = [
  { name: "invalid json", value: "{" },
  { name: "json trailing garbage", value: '{"a":1}}}' },
  { name: "form encoded", value: "patientId=x&fileName=..%2F..%2Fetc" },
  { name: "deep nesting", value: `${"[".repeat(5000)}${"]".repeat(5000)}` },
  { name: "nul bytes", value: "\u0000\u0000\u0000" },
  { name: "huge json string", value: JSON.stringify({ fileName: HUGE_STRING.value, patientId: HUGE_STRING.value }) },
];

/** Every JSON body to send: each hostile value alone, and as every common field. */
export function hostileJsonBodies(): Hostile[] {
  const values = [...HOSTILE_STRINGS, ...HOSTILE_TYPES];
  return [
    ...values.map((h) => ({ name: `body ${h.name}`, value: JSON.stringify(h.value) })),
    ...values.map((h) => ({ name: `every field ${h.name}`, value: JSON.stringify(objectWithEveryField(h.value)) })),
    ...POLLUTION_BODIES,
    ...RAW_BODIES,
  ];
}

/** Values for a dynamic route segment or an id argument. */
export function hostileIds(): Hostile[] {
  return [...HOSTILE_STRINGS.filter((h) => h.name !== "empty"), { name: "huge id", value: "C".repeat(100_000) }];
}
