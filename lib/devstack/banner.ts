// The box `npm run dev` prints once the app answers: where to go and how to sign
// in. Only the public demo password is shown; generated secrets and connection
// strings (which may hold credentials) never are.
import type { DemoAccount } from "@/prisma/seed";

export function startBanner(options: {
  appUrl: string;
  mode: "development" | "production";
  demoAccounts: DemoAccount[];
  dataDir: string | undefined;
}): string {
  const lines = [`MedVault (${options.mode}) is running at ${options.appUrl}`, ""];
  if (options.demoAccounts.length > 0) {
    lines.push(`Sign in at ${options.appUrl}/sign-in with a demo account,`, `password: ${options.demoAccounts[0].password}`);
    for (const account of options.demoAccounts) lines.push(`  ${account.role.toLowerCase().padEnd(10)} ${account.email}`);
    lines.push("Physician and admin accounts must enrol two-factor (an", "authenticator app) at their first sign-in.", "");
  }
  if (options.dataDir) lines.push(`Embedded data lives in ${options.dataDir}/ (delete it to start over).`);
  lines.push("Press Ctrl-C to stop everything.");

  const width = Math.max(...lines.map((line) => line.length));
  const rule = "─".repeat(width + 2);
  return [`┌${rule}┐`, ...lines.map((line) => `│ ${line.padEnd(width)} │`), `└${rule}┘`].join("\n");
}
