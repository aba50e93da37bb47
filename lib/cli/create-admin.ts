// `npm run admin:create -- --email ada@example.org --name "Ada Admin"`
// Creates a new ADMIN account (never promotes an existing one) on DATABASE_URL
// and prints its generated password once. The new admin signs in with it and
// must enrol two-factor authentication before seeing anything.
import { parseArgs } from "node:util";
import { createAdmin } from "@/lib/admin/create-admin";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

const USAGE = 'Usage: npm run admin:create -- --email <address> --name "<full name>"';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, help: { type: "boolean", short: "h" } }, strict: true });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.email || !values.name) {
    console.error(USAGE);
    return 2;
  }
  try {
    const admin = await createAdmin({ email: values.email, name: values.name });
    console.log(`Created admin ${admin.email}.`);
    console.log(`One-time display of the password: ${admin.password}`);
    console.log("Pass it on over a secure channel; it is not stored anywhere readable. At first sign-in the admin must set up two-factor authentication.");
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      const fields = Object.values(error.details?.fieldErrors ?? {}).flat();
      console.error(fields.length ? fields.join("\n") : error.message);
      return 1;
    }
    console.error(`Could not create the admin: ${error instanceof Error ? error.name : "unknown error"}`);
    return 1;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
