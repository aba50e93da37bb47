// The periodic sweep: one reminder per grant term for grants ending within 3
// days, none for emergency, revoked or already expired grants, once even when
// sweeps run side by side; lapsed clinician invitations closed as EXPIRED.
import { db } from "@/lib/db";
import { sweepExpiredGrants } from "@/lib/sharing/sweep-expired-grants";
import { createPatient, createVerifiedClinician, DAY_MS, HOUR_MS } from "./helpers";

afterAll(() => db.$disconnect());

describe("sweepExpiredGrants", () => {
  it("marks each grant ending soon once and leaves the rest", async () => {
    const patient = await createPatient();
    const now = new Date();
    const make = async (data: { expiresAt: Date; revokedAt?: Date; origin?: "EMERGENCY" }) => {
      const clinician = await createVerifiedClinician();
      return db.grant.create({ data: { patientId: patient.id, granteeId: clinician.id, scope: "ALL", level: "VIEW", ...data } });
    };
    const soon = await make({ expiresAt: new Date(now.getTime() + 2 * DAY_MS) });
    const later = await make({ expiresAt: new Date(now.getTime() + 10 * DAY_MS) });
    const revoked = await make({ expiresAt: new Date(now.getTime() + DAY_MS), revokedAt: now });
    const expired = await make({ expiresAt: new Date(now.getTime() - HOUR_MS) });
    const emergency = await make({ expiresAt: new Date(now.getTime() + HOUR_MS), origin: "EMERGENCY" });

    const results = await Promise.all([sweepExpiredGrants({ now }), sweepExpiredGrants({ now }), sweepExpiredGrants({ now })]);
    expect(results.reduce((sum, r) => sum + (r.reminded ?? 0), 0)).toBeGreaterThanOrEqual(1);
    const reminded = await db.grant.findMany({ where: { patientId: patient.id, reminderSentAt: { not: null } }, select: { id: true } });
    expect(reminded.map((g) => g.id)).toEqual([soon.id]);
    expect(results[0]!.expired).toBeGreaterThanOrEqual(1);

    const again = await sweepExpiredGrants({ now });
    const stillUnmarked = await db.grant.findMany({ where: { id: { in: [later.id, revoked.id, expired.id, emergency.id] }, reminderSentAt: { not: null } } });
    expect(stillUnmarked).toEqual([]);
    expect(await db.grant.count({ where: { id: soon.id, reminderSentAt: now } })).toBe(1);
    expect(again.reminded).toBe(0);
  });

  it("closes pending clinician invitations past their own date or their share's end, and only those", async () => {
    const patient = await createPatient();
    const now = new Date();
    const invite = (data: { inviteExpiresAt: Date; expiresAt: Date; status?: "ACCEPTED" }) =>
      db.clinicianInvitation.create({ data: { patientId: patient.id, email: `sweep-${Math.random().toString(36).slice(2)}@example.test`, scope: "ALL", level: "VIEW", ...data } });
    const lapsed = await invite({ inviteExpiresAt: new Date(now.getTime() - HOUR_MS), expiresAt: new Date(now.getTime() + 10 * DAY_MS) });
    const shareEnded = await invite({ inviteExpiresAt: new Date(now.getTime() + DAY_MS), expiresAt: new Date(now.getTime() - HOUR_MS) });
    const waiting = await invite({ inviteExpiresAt: new Date(now.getTime() + DAY_MS), expiresAt: new Date(now.getTime() + 10 * DAY_MS) });
    const accepted = await invite({ inviteExpiresAt: new Date(now.getTime() - HOUR_MS), expiresAt: new Date(now.getTime() + DAY_MS), status: "ACCEPTED" });

    const result = await sweepExpiredGrants({ now });
    expect(result.invitationsExpired).toBeGreaterThanOrEqual(2);
    const status = async (id: string) => (await db.clinicianInvitation.findUniqueOrThrow({ where: { id } })).status;
    expect(await status(lapsed.id)).toBe("EXPIRED");
    expect(await status(shareEnded.id)).toBe("EXPIRED");
    expect(await status(waiting.id)).toBe("PENDING");
    expect(await status(accepted.id)).toBe("ACCEPTED");
    expect((await db.clinicianInvitation.findUniqueOrThrow({ where: { id: lapsed.id } })).decidedAt).toEqual(now);
  });
});
