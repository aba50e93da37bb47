// A real OpenID provider (the `oidc-provider` package) on loopback that stands in
// for Google in browser tests: the app is configured with GOOGLE_ISSUER pointing
// here and goes through discovery, authorization with state + PKCE, the code
// exchange and ID token validation exactly as it would against Google.
//
// The sign-in page is a plain HTML form asking for an email address. Any address
// is accepted and becomes a test account whose subject is derived from it
// (`oidcSubjectFor`), so tests can use unique addresses and still know which
// provider identity they produced. Consent is granted automatically, as Google
// does for a client the user already approved.
import { createHash, generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface OidcTestAccount {
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
}

export interface StartedOidcProvider {
  /** http://127.0.0.1:<port>: what GOOGLE_ISSUER is set to. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

export const OIDC_TEST_CLIENT_ID = "medvault-e2e";

// oidc-provider ships no type declarations (and @types/oidc-provider is not a
// dependency): these are the few parts of its API used here.
interface OidcContext {
  oidc: {
    provider: { Grant: GrantClass };
    client?: { clientId: string };
    session?: { accountId?: string; grantIdFor(clientId: string): string | undefined };
    result?: { consent?: { grantId?: string } };
  };
}
interface Grant {
  addOIDCScope(scope: string): void;
  save(): Promise<string>;
}
interface GrantClass {
  new (properties: { clientId: string; accountId: string }): Grant;
  find(id: string): Promise<Grant | undefined>;
}
interface OidcProvider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  on(event: "server_error" | "grant.error", listener: (ctx: unknown, error: Error & { error_detail?: string }) => void): void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<{ uid: string; params: Record<string, unknown> }>;
  interactionFinished(req: IncomingMessage, res: ServerResponse, result: object, options: { mergeWithLastSubmission: boolean }): Promise<void>;
}
type OidcProviderClass = new (issuer: string, configuration: Record<string, unknown>) => OidcProvider;

/** The subject the provider gives the account signing in with `email`. */
export function oidcSubjectFor(email: string): string {
  return `oidc-${createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 24)}`;
}

function testAccount(email: string): OidcTestAccount {
  const normalized = email.trim().toLowerCase();
  return { sub: oidcSubjectFor(normalized), email: normalized, email_verified: true, name: `OIDC ${normalized.split("@")[0]}` };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid: string, clientId: string, error?: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test OpenID provider</title></head>
<body><main><h1>Test OpenID provider</h1><p>Signing in to ${escapeHtml(clientId)}.</p>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="email">Email</label> <input id="email" name="email" type="email" required autocomplete="off">
<button type="submit">Sign in</button></form></main></body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16_384) throw new Error("form too large");
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/**
 * Starts the provider with one confidential client whose only redirect URI is
 * the app's Google callback. `port: 0` picks a free port.
 */
export async function startOidcProvider(options: { appUrl: string; port?: number; clientSecret?: string }): Promise<StartedOidcProvider> {
  // oidc-provider is an ES module only; the test runner is CommonJS. A string
  // variable keeps TypeScript from looking for declarations the package lacks.
  const moduleName = "oidc-provider";
  const { default: Provider } = (await import(moduleName)) as { default: OidcProviderClass };
  const clientSecret = options.clientSecret ?? randomBytes(24).toString("base64url");
  const accounts = new Map<string, OidcTestAccount>();

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_TEST_CLIENT_ID,
        client_secret: clientSecret,
        redirect_uris: [`${options.appUrl.replace(/\/$/, "")}/api/auth/callback/google`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "test-key", use: "sig", alg: "RS256" }] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // Google puts email and name in the ID token, which is what Auth.js reads.
    conformIdTokenClaims: false,
    // Refuse authorization requests without PKCE, as a strict provider would.
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx: unknown, sub: string) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ ...account }) };
    },
    // Consent is implied: every scope the client asks for is granted.
    async loadExistingGrant(ctx: OidcContext) {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
  });
  provider.on("server_error", (_ctx, error) => console.error(`[oidc-provider] ${error.message}`));
  // Why a code exchange was refused (the client only sees "invalid_grant").
  provider.on("grant.error", (_ctx, error) => console.error(`[oidc-provider] grant refused: ${error.error_detail ?? error.message}`));

  const oidc = provider.callback();
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    // Every new authorization asks for the email again (the provider's own
    // session cookie is ignored there), so no test depends on an earlier one.
    if (req.url?.split("?")[0] === "/auth" && req.headers.cookie) {
      req.headers.cookie = req.headers.cookie
        .split(";")
        .filter((cookie) => !/^\s*_session(\.|=)/.test(cookie))
        .join(";");
    }
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(req.url?.split("?")[0] ?? "");
    if (!match) return void oidc(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      if (req.method === "GET" && !match[2]) {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
        return void res.end(loginPage(details.uid, String(details.params.client_id)));
      }
      if (req.method === "POST" && match[2]) {
        const email = (await readForm(req)).get("email") ?? "";
        if (!/^[^@\s]+@[^@\s]+$/.test(email.trim())) {
          res.writeHead(400, { "content-type": "text/html; charset=utf-8" });
          return void res.end(loginPage(details.uid, String(details.params.client_id), "Enter an email address."));
        }
        const account = testAccount(email);
        accounts.set(account.sub, account);
        return provider.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
      }
      res.writeHead(405).end();
    })().catch((error: unknown) => {
      console.error(`[oidc-provider] interaction failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) res.writeHead(400, { "content-type": "text/plain" });
      res.end("Interaction failed");
    });
  });

  return {
    issuer,
    clientId: OIDC_TEST_CLIENT_ID,
    clientSecret,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
