// A local stand-in for the few Meilisearch HTTP endpoints lib/search calls, so
// the real `meilisearch` client can be driven where no Meilisearch server can be
// installed. It follows Meilisearch's documented behaviour for what we use:
// tasks (enqueued, then succeeded), settings, documents add/replace/delete,
// search with `q` (every word must match with matchingStrategy "all", the last
// word also as a prefix, 1 typo from minWordSizeForTypos.oneTypo letters and 2
// from .twoTypos), filters (=, !=, IN [...], >, >=, <, <=, AND, OR, NOT,
// parentheses; only filterable attributes, double-quoted strings with \" and \\
// escapes), sort, highlight and crop into `_formatted`, and Bearer keys.
// Anything outside that subset is answered with a Meilisearch-style 400, so
// a filter we emit that the real engine would reject fails here too.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

type Doc = Record<string, unknown>;

interface IndexState {
  primaryKey: string;
  docs: Map<string, Doc>;
  settings: {
    searchableAttributes: string[];
    filterableAttributes: string[];
    sortableAttributes: string[];
    displayedAttributes: string[];
    typoTolerance: { enabled: boolean; minWordSizeForTypos: { oneTypo: number; twoTypos: number } };
  };
}

class MeiliHttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

// ---- filter expressions --------------------------------------------------

type Value = string | number;
type Expr =
  | { op: "and" | "or"; left: Expr; right: Expr }
  | { op: "not"; expr: Expr }
  | { op: "cmp"; attr: string; cmp: "=" | "!=" | ">" | ">=" | "<" | "<="; value: Value }
  | { op: "in"; attr: string; values: Value[]; negated: boolean };

type Token = { kind: "word" | "string" | "sym"; text: string };

function tokenizeFilter(filter: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < filter.length) {
    const char = filter[i]!;
    if (/\s/.test(char)) {
      i++;
    } else if (char === '"' || char === "'") {
      let text = "";
      i++;
      while (i < filter.length && filter[i] !== char) {
        if (filter[i] === "\\" && i + 1 < filter.length) i++;
        text += filter[i];
        i++;
      }
      if (i >= filter.length) throw new MeiliHttpError(400, "invalid_search_filter", "Unterminated string in filter");
      i++;
      tokens.push({ kind: "string", text });
    } else if ("()[],".includes(char)) {
      tokens.push({ kind: "sym", text: char });
      i++;
    } else if (/[<>=!]/.test(char)) {
      const two = filter.slice(i, i + 2);
      const text = [">=", "<=", "!="].includes(two) ? two : char;
      if (text === "!") throw new MeiliHttpError(400, "invalid_search_filter", "Unexpected ! in filter");
      tokens.push({ kind: "sym", text });
      i += text.length;
    } else {
      let text = "";
      while (i < filter.length && !/[\s()[\],<>=!"']/.test(filter[i]!)) text += filter[i++];
      tokens.push({ kind: "word", text });
    }
  }
  return tokens;
}

function parseFilter(filter: string, filterable: string[]): Expr {
  const tokens = tokenizeFilter(filter);
  let pos = 0;
  const peek = () => tokens[pos];
  const fail = (message: string): never => {
    throw new MeiliHttpError(400, "invalid_search_filter", message);
  };
  const keyword = (word: string) => peek()?.kind === "word" && peek()!.text.toUpperCase() === word;
  const expectSym = (text: string) => (peek()?.kind === "sym" && peek()!.text === text ? pos++ : fail(`Expected ${text} in filter`));
  const value = (): Value => {
    const token = tokens[pos++] ?? fail("Expected a value in filter");
    if (token.kind === "string") return token.text;
    if (token.kind === "word") return /^-?\d+(\.\d+)?$/.test(token.text) ? Number(token.text) : token.text;
    return fail(`Unexpected ${token.text} in filter`);
  };
  const attribute = (): string => {
    const token = tokens[pos++];
    if (!token || token.kind === "sym") return fail("Expected an attribute in filter");
    if (!filterable.includes(token.text)) {
      throw new MeiliHttpError(400, "invalid_search_filter", `Attribute \`${token.text}\` is not filterable.`);
    }
    return token.text;
  };
  const primary = (): Expr => {
    if (keyword("NOT")) {
      pos++;
      return { op: "not", expr: primary() };
    }
    if (peek()?.kind === "sym" && peek()!.text === "(") {
      pos++;
      const inner = or();
      expectSym(")");
      return inner;
    }
    const attr = attribute();
    let negated = false;
    if (keyword("NOT")) {
      pos++;
      negated = true;
    }
    if (keyword("IN")) {
      pos++;
      expectSym("[");
      const values: Value[] = [];
      while (!(peek()?.kind === "sym" && peek()!.text === "]")) {
        values.push(value());
        if (peek()?.kind === "sym" && peek()!.text === ",") pos++;
        else if (!(peek()?.kind === "sym" && peek()!.text === "]")) fail("Expected , or ] in filter");
      }
      pos++;
      return { op: "in", attr, values, negated };
    }
    if (negated) fail("Expected IN after NOT");
    const cmp = tokens[pos++];
    if (!cmp || cmp.kind !== "sym" || !["=", "!=", ">", ">=", "<", "<="].includes(cmp.text)) return fail("Expected a comparison in filter");
    return { op: "cmp", attr, cmp: cmp.text as "=", value: value() };
  };
  const and = (): Expr => {
    let left = primary();
    while (keyword("AND")) {
      pos++;
      left = { op: "and", left, right: primary() };
    }
    return left;
  };
  function or(): Expr {
    let left = and();
    while (keyword("OR")) {
      pos++;
      left = { op: "or", left, right: and() };
    }
    return left;
  }
  const expr = or();
  if (pos !== tokens.length) fail(`Unexpected ${tokens[pos]!.text} in filter`);
  return expr;
}

function valuesOf(doc: Doc, attr: string): Value[] {
  const raw = doc[attr];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((v): v is Value => typeof v === "string" || typeof v === "number");
}

const same = (a: Value, b: Value) => (typeof a === "number" || typeof b === "number" ? Number(a) === Number(b) : a.toLowerCase() === b.toLowerCase());

function evaluate(expr: Expr, doc: Doc): boolean {
  switch (expr.op) {
    case "and":
      return evaluate(expr.left, doc) && evaluate(expr.right, doc);
    case "or":
      return evaluate(expr.left, doc) || evaluate(expr.right, doc);
    case "not":
      return !evaluate(expr.expr, doc);
    case "in": {
      const found = valuesOf(doc, expr.attr).some((v) => expr.values.some((w) => same(v, w)));
      return expr.negated ? !found : found;
    }
    case "cmp": {
      const values = valuesOf(doc, expr.attr);
      if (expr.cmp === "=") return values.some((v) => same(v, expr.value));
      if (expr.cmp === "!=") return !values.some((v) => same(v, expr.value));
      const target = Number(expr.value);
      return values.some((v) => {
        const n = Number(v);
        if (typeof v !== "number" || Number.isNaN(target)) return false;
        return expr.cmp === ">" ? n > target : expr.cmp === ">=" ? n >= target : expr.cmp === "<" ? n < target : n <= target;
      });
    }
  }
}

// ---- matching -------------------------------------------------------------

const WORD = /[\p{L}\p{N}]+/gu;
const words = (text: string) => (text.normalize("NFKC").toLowerCase().match(WORD) ?? []) as string[];

/** Optimal string alignment distance (a swap of neighbours is one typo), capped. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** Typos needed for `word` to match `term` (as a prefix when `prefix`); null when it does not. */
function matchTypos(term: string, word: string, prefix: boolean, allowed: number): number | null {
  if (word === term || (prefix && word.startsWith(term))) return 0;
  if (allowed === 0) return null;
  if (distance(term, word, allowed) <= allowed) return distance(term, word, allowed);
  if (prefix && word.length > term.length) {
    const best = Math.min(...[-1, 0, 1].map((delta) => distance(term, word.slice(0, term.length + delta), allowed)));
    if (best <= allowed) return best;
  }
  return null;
}

function textOf(value: unknown): string {
  if (Array.isArray(value)) return value.map(textOf).join(", ");
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
}

// ---- the server -----------------------------------------------------------

export interface MeiliStandIn {
  url: string;
  apiKey: string;
  /** Every search request body received, for assertions on what the server sent. */
  searches: Array<Record<string, unknown>>;
  /** Documents of an index, as stored. */
  documents(indexUid: string): Doc[];
  /** Refuse connections (engine down) until start() again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startMeiliStandIn(options: { apiKey?: string } = {}): Promise<MeiliStandIn> {
  const apiKey = options.apiKey ?? "stand-in-master-key";
  const indexes = new Map<string, IndexState>();
  const tasks = new Map<number, Record<string, unknown>>();
  const searches: Array<Record<string, unknown>> = [];
  let nextTask = 0;

  const indexFor = (uid: string, primaryKey?: string): IndexState => {
    let index = indexes.get(uid);
    if (!index) {
      index = {
        primaryKey: primaryKey ?? "id",
        docs: new Map(),
        settings: {
          searchableAttributes: ["*"],
          filterableAttributes: [],
          sortableAttributes: [],
          displayedAttributes: ["*"],
          typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
        },
      };
      indexes.set(uid, index);
    }
    return index;
  };

  const task = (indexUid: string | null, type: string, run: () => void) => {
    const uid = nextTask++;
    const enqueuedAt = new Date().toISOString();
    let status = "succeeded";
    let error: Record<string, unknown> | null = null;
    try {
      run();
    } catch (caught) {
      status = "failed";
      const e = caught as MeiliHttpError;
      error = { message: e.message, code: e.code ?? "internal", type: "invalid_request", link: "" };
    }
    tasks.set(uid, { uid, indexUid, status, type, error, enqueuedAt, startedAt: enqueuedAt, finishedAt: new Date().toISOString(), duration: "PT0S", details: {}, canceledBy: null, batchUid: uid });
    return { taskUid: uid, indexUid, status: "enqueued", type, enqueuedAt };
  };

  function search(index: IndexState, body: Record<string, unknown>) {
    const { settings } = index;
    const q = typeof body.q === "string" ? body.q : "";
    const filter = typeof body.filter === "string" && body.filter.trim() ? parseFilter(body.filter, settings.filterableAttributes) : null;
    const sort = Array.isArray(body.sort) ? (body.sort as string[]) : [];
    for (const rule of sort) {
      const [attr] = rule.split(":");
      if (!settings.sortableAttributes.includes(attr!)) throw new MeiliHttpError(400, "invalid_search_sort", `Attribute \`${attr}\` is not sortable.`);
    }
    const searchable = settings.searchableAttributes.includes("*") ? null : settings.searchableAttributes;
    const terms = words(q);
    const strategyAll = body.matchingStrategy === "all";
    const { oneTypo, twoTypos } = settings.typoTolerance.minWordSizeForTypos;
    const allowedTypos = (term: string) => (!settings.typoTolerance.enabled ? 0 : term.length >= twoTypos ? 2 : term.length >= oneTypo ? 1 : 0);

    type Scored = { doc: Doc; matched: number; typos: number; attrRank: number; order: number; hitWords: Set<string> };
    const scored: Scored[] = [];
    let order = 0;
    for (const doc of index.docs.values()) {
      order++;
      if (filter && !evaluate(filter, doc)) continue;
      const attributes = searchable ?? Object.keys(doc);
      let matched = 0;
      let typos = 0;
      let attrRank = 0;
      const hitWords = new Set<string>();
      terms.forEach((term, t) => {
        const prefix = t === terms.length - 1;
        let best: { typos: number; rank: number } | null = null;
        attributes.forEach((attr, rank) => {
          for (const word of words(textOf(doc[attr]))) {
            const n = matchTypos(term, word, prefix, allowedTypos(term));
            if (n === null) continue;
            hitWords.add(word);
            if (!best || n < best.typos || (n === best.typos && rank < best.rank)) best = { typos: n, rank };
          }
        });
        if (best) {
          matched++;
          typos += (best as { typos: number }).typos;
          attrRank += (best as { rank: number }).rank;
        }
      });
      if (terms.length && (strategyAll ? matched < terms.length : matched === 0)) continue;
      scored.push({ doc, matched, typos, attrRank, order, hitWords });
    }

    const compareSort = (a: Doc, b: Doc) => {
      for (const rule of sort) {
        const [attr, direction] = rule.split(":") as [string, string];
        const [x, y] = [a[attr], b[attr]];
        if (x === y) continue;
        if (x === undefined || x === null) return 1;
        if (y === undefined || y === null) return -1;
        const diff = x < y ? -1 : 1;
        return direction === "desc" ? -diff : diff;
      }
      return 0;
    };
    scored.sort((a, b) => b.matched - a.matched || a.typos - b.typos || compareSort(a.doc, b.doc) || a.attrRank - b.attrRank || a.order - b.order);

    const offset = Number(body.offset ?? 0);
    const limit = Number(body.limit ?? 20);
    const retrieve = Array.isArray(body.attributesToRetrieve) ? (body.attributesToRetrieve as string[]) : ["*"];
    const highlight = Array.isArray(body.attributesToHighlight) ? (body.attributesToHighlight as string[]) : [];
    const crop = Array.isArray(body.attributesToCrop) ? (body.attributesToCrop as string[]) : [];
    const pre = typeof body.highlightPreTag === "string" ? body.highlightPreTag : "<em>";
    const post = typeof body.highlightPostTag === "string" ? body.highlightPostTag : "</em>";
    const cropLength = Number(body.cropLength ?? 10);
    const cropMarker = typeof body.cropMarker === "string" ? body.cropMarker : "…";
    const displayed = (attr: string) => settings.displayedAttributes.includes("*") || settings.displayedAttributes.includes(attr);

    const format = (text: string, hitWords: Set<string>, doHighlight: boolean, doCrop: boolean) => {
      const parts = text.split(/([\p{L}\p{N}]+)/u);
      let pieces = parts.map((part) => ({ part, hit: hitWords.has(part.normalize("NFKC").toLowerCase()) }));
      if (doCrop) {
        const wordIndexes = pieces.map((p, i) => (/[\p{L}\p{N}]/u.test(p.part) ? i : -1)).filter((i) => i >= 0);
        if (wordIndexes.length > cropLength) {
          const firstHit = wordIndexes.findIndex((i) => pieces[i]!.hit);
          const start = Math.max(0, Math.min(firstHit < 0 ? 0 : firstHit - Math.floor(cropLength / 2), wordIndexes.length - cropLength));
          const from = wordIndexes[start]!;
          const to = wordIndexes[start + cropLength - 1]!;
          pieces = [
            ...(from > 0 ? [{ part: cropMarker, hit: false }] : []),
            ...pieces.slice(from, to + 1),
            ...(to < pieces.length - 1 ? [{ part: cropMarker, hit: false }] : []),
          ];
        }
      }
      return pieces.map(({ part, hit }) => (doHighlight && hit ? `${pre}${part}${post}` : part)).join("");
    };

    const hits = scored.slice(offset, offset + limit).map(({ doc, hitWords }) => {
      const keys = Object.keys(doc).filter((attr) => displayed(attr) && (retrieve.includes("*") || retrieve.includes(attr)));
      const hit: Doc = Object.fromEntries(keys.map((attr) => [attr, doc[attr]]));
      if (highlight.length || crop.length) {
        hit._formatted = Object.fromEntries(
          keys.map((attr) => {
            const doHighlight = highlight.includes("*") || highlight.includes(attr);
            const doCrop = crop.includes("*") || crop.includes(attr);
            const value = doc[attr];
            if (typeof value === "string") return [attr, format(value, hitWords, doHighlight, doCrop)];
            if (Array.isArray(value)) return [attr, value.map((item) => (typeof item === "string" ? format(item, hitWords, doHighlight, doCrop) : item))];
            return [attr, value === null || value === undefined ? value : String(value)];
          }),
        );
      }
      return hit;
    });
    return { hits, query: q, processingTimeMs: 0, limit, offset, estimatedTotalHits: scored.length };
  }

  async function readBody(request: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    if (!text) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      throw new MeiliHttpError(400, "malformed_payload", "The payload is not valid JSON");
    }
  }

  async function route(request: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const url = new URL(request.url ?? "/", "http://stand-in");
    const method = request.method ?? "GET";
    const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    if (method === "GET" && parts[0] === "health") return { status: 200, body: { status: "available" } };
    if (request.headers.authorization !== `Bearer ${apiKey}`) {
      throw new MeiliHttpError(request.headers.authorization ? 403 : 401, request.headers.authorization ? "invalid_api_key" : "missing_authorization_header", "The provided API key is invalid.");
    }
    const body = await readBody(request);
    if (parts[0] === "tasks" && parts[1] && method === "GET") {
      const found = tasks.get(Number(parts[1]));
      if (!found) throw new MeiliHttpError(404, "task_not_found", `Task \`${parts[1]}\` not found.`);
      return { status: 200, body: found };
    }
    if (parts[0] === "indexes" && parts.length === 1 && method === "POST") {
      const { uid, primaryKey } = body as { uid: string; primaryKey?: string };
      return { status: 202, body: task(uid, "indexCreation", () => indexFor(uid, primaryKey)) };
    }
    if (parts[0] !== "indexes" || !parts[1]) throw new MeiliHttpError(404, "not_found", "Not found");
    const uid = parts[1];
    const rest = parts.slice(2).join("/");
    if (rest === "settings" && method === "PATCH") {
      return {
        status: 202,
        body: task(uid, "settingsUpdate", () => {
          const index = indexFor(uid);
          index.settings = { ...index.settings, ...(body as object) } as IndexState["settings"];
        }),
      };
    }
    if (rest === "documents" && (method === "POST" || method === "PUT")) {
      const primaryKey = url.searchParams.get("primaryKey") ?? undefined;
      return {
        status: 202,
        body: task(uid, "documentAdditionOrUpdate", () => {
          const index = indexFor(uid, primaryKey);
          for (const doc of body as Doc[]) {
            const id = doc[index.primaryKey];
            if (typeof id !== "string" || !/^[A-Za-z0-9_-]{1,511}$/.test(id)) throw new MeiliHttpError(400, "invalid_document_id", "Invalid document id");
            index.docs.set(id, method === "PUT" ? { ...(index.docs.get(id) ?? {}), ...doc } : doc);
          }
        }),
      };
    }
    if (rest === "documents" && method === "DELETE") return { status: 202, body: task(uid, "documentDeletion", () => indexFor(uid).docs.clear()) };
    if (parts[2] === "documents" && parts[3] && method === "DELETE") {
      return { status: 202, body: task(uid, "documentDeletion", () => indexFor(uid).docs.delete(parts[3]!)) };
    }
    if (rest === "search" && method === "POST") {
      searches.push(body as Record<string, unknown>);
      const index = indexes.get(uid);
      if (!index) throw new MeiliHttpError(404, "index_not_found", `Index \`${uid}\` not found.`);
      return { status: 200, body: search(index, (body ?? {}) as Record<string, unknown>) };
    }
    throw new MeiliHttpError(404, "not_found", `No stand-in for ${method} /${parts.join("/")}`);
  }

  const handler = (request: IncomingMessage, response: ServerResponse) => {
    route(request).then(
      ({ status, body }) => {
        response.writeHead(status, { "Content-Type": "application/json" });
        response.end(JSON.stringify(body));
      },
      (error: unknown) => {
        const e = error instanceof MeiliHttpError ? error : new MeiliHttpError(500, "internal", String(error));
        response.writeHead(e.status, { "Content-Type": "application/json" });
        response.end(JSON.stringify({ message: e.message, code: e.code, type: "invalid_request", link: "" }));
      },
    );
  };

  let server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const closeServer = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    searches,
    documents: (indexUid) => [...(indexes.get(indexUid)?.docs.values() ?? [])],
    stop: closeServer,
    start: async () => {
      server = createServer(handler);
      await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    },
    close: closeServer,
  };
}
