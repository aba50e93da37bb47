// `npm run bench:load -- --floor`: what a request costs before MedVault does any
// work of its own, measured in the same run, build and processes as the real
// targets. Three routes are written into the build copy only (never into app/):
//
//   - an empty route handler: Next.js's own cost of an /api answer;
//   - the app's route wrapper reading the session and nothing else: what every
//     signed-in /api call pays before its own work (the download link and
//     search add an access check, their query and an audit row to this);
//   - an empty patient page: the header, area navigation and footer every
//     signed-in page renders, with the session read, and no content.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

export const FLOOR_TARGETS = [
  { key: "floor-empty-route", label: "floor: empty route handler", path: "/api/bench-floor/empty", signedIn: false },
  { key: "floor-session-route", label: "floor: route reading the session", path: "/api/bench-floor/session", method: "POST" as const, signedIn: true },
  { key: "floor-empty-page", label: "floor: empty patient page", path: "/patient/bench-floor", signedIn: true },
];

const FILES: Record<string, string> = {
  "app/api/bench-floor/empty/route.ts": `
export const dynamic = "force-dynamic";
export function GET() {
  return new Response("ok", { headers: { "Cache-Control": "no-store" } });
}
`,
  "app/api/bench-floor/session/route.ts": `
import { authenticate } from "@/lib/auth/current-user";
import { routeHandler } from "@/lib/http/route-handler";

export const POST = routeHandler("bench.floor", async () => {
  const actor = await authenticate();
  return { body: { role: actor.role } };
});
`,
  "app/(patient)/patient/bench-floor/page.tsx": `
import { requireUser } from "@/lib/auth/current-user";

export default async function BenchFloorPage() {
  await requireUser({ roles: ["PATIENT"], returnTo: "/patient/bench-floor" });
  return <h1 className="p-4 text-xl font-semibold">Floor</h1>;
}
`,
};

/** Writes the floor routes into a build copy of the app (bench/load/run.ts's buildCopy). */
export async function writeFloorRoutes(appDir: string): Promise<void> {
  for (const [file, source] of Object.entries(FILES)) {
    await mkdir(path.dirname(path.join(appDir, file)), { recursive: true });
    await writeFile(path.join(appDir, file), source.trimStart());
  }
}
