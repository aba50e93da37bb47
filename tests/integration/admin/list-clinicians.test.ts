// The database holds rows of other tests too: every query here is scoped with a
// token unique to the test, through the search box as an admin would.
import { listClinicians } from "@/lib/admin/clinicians/list-clinicians";
import { ZClinicianListQuerySchema } from "@/lib/admin/clinicians/schemas";
import { db } from "@/lib/db";
import { createAdminUser, createClinician, uniqueToken } from "@/tests/factories/clinicians";
import { createUser } from "@/tests/factories/users";

afterAll(() => db.$disconnect());

const query = (input: Record<string, unknown>) => ZClinicianListQuerySchema.parse(input);

describe("listClinicians", () => {
  it("filters by status with counts for every tab, and by role; never lists admins", async () => {
    const admin = await createAdminUser();
    const token = uniqueToken();
    const organization = `Mercy ${token}`;
    const pendingNurse = await createClinician({ role: "NURSE", organization, withoutPassword: true });
    const pendingPhysician = await createClinician({ role: "PHYSICIAN", organization, withoutPassword: true });
    const active = await createClinician({ role: "STAFF", status: "ACTIVE", organization, verifiedById: admin.id, withoutPassword: true });
    const suspended = await createClinician({ role: "PHYSICIAN", status: "SUSPENDED", organization, withoutPassword: true });
    await db.user.update({ where: { id: admin.id }, data: { name: `Admin ${token}` } });

    const pending = await listClinicians({ adminId: admin.id, query: query({ q: token }) });
    expect(pending.counts).toEqual({ pending: 2, active: 1, suspended: 1, all: 4 });
    expect(pending.rows.map((row) => row.id).sort()).toEqual([pendingNurse.id, pendingPhysician.id].sort());
    expect(pending.rows.find((row) => row.id === pendingNurse.id)).toMatchObject({ role: "NURSE", status: "PENDING_VERIFICATION", organization, specialty: "Cardiology", verifiedAt: null });

    expect((await listClinicians({ adminId: admin.id, query: query({ q: token, status: "active" }) })).rows.map((row) => row.id)).toEqual([active.id]);
    expect((await listClinicians({ adminId: admin.id, query: query({ q: token, status: "suspended" }) })).rows.map((row) => row.id)).toEqual([suspended.id]);
    const all = await listClinicians({ adminId: admin.id, query: query({ q: token, status: "all" }) });
    expect(all.rows).toHaveLength(4);
    expect(all.rows.map((row) => row.id)).not.toContain(admin.id);

    const physicians = await listClinicians({ adminId: admin.id, query: query({ q: token, status: "all", role: "physician" }) });
    expect(physicians.rows.map((row) => row.id).sort()).toEqual([pendingPhysician.id, suspended.id].sort());
    expect(physicians.counts).toEqual({ pending: 1, active: 0, suspended: 1, all: 2 });
  });

  it("lists patients only when asked for them", async () => {
    const admin = await createAdminUser();
    const token = uniqueToken();
    const { user: patient } = await createUser({ role: "PATIENT", password: null });
    await db.user.update({ where: { id: patient.id }, data: { name: `Pat ${token}` } });

    expect((await listClinicians({ adminId: admin.id, query: query({ q: token, status: "all" }) })).rows).toHaveLength(0);
    expect((await listClinicians({ adminId: admin.id, query: query({ q: token, status: "all", role: "patient" }) })).rows.map((row) => row.id)).toEqual([patient.id]);
  });

  it("searches name, email, organization and license number, case-insensitively, with LIKE wildcards taken literally", async () => {
    const admin = await createAdminUser();
    const token = uniqueToken();
    const byName = await createClinician({ name: `Dr Zelda ${token}`, withoutPassword: true });
    const byOrganization = await createClinician({ organization: `St Jude ${token}`, withoutPassword: true });
    const byLicense = await createClinician({ licenseNumber: `MD_${token}`, withoutPassword: true });
    const lookalike = await createClinician({ licenseNumber: `MDx${token}`, withoutPassword: true });
    const search = async (q: string) => (await listClinicians({ adminId: admin.id, query: query({ q, status: "all" }) })).rows.map((row) => row.id).sort();

    expect(await search(`zelda ${token.toUpperCase()}`)).toEqual([byName.id]);
    expect(await search(`st jude ${token}`)).toEqual([byOrganization.id]);
    expect(await search(`md_${token}`)).toEqual([byLicense.id]);
    expect(await search(`mdx${token}`)).toEqual([lookalike.id]);
    expect(await search(byName.email.toUpperCase())).toEqual([byName.id]);
    expect(await search(`%${token}`)).toEqual([]);
  });

  it("pages by 25 in a stable order and sorts by sign-up time or name", async () => {
    const admin = await createAdminUser();
    const token = uniqueToken();
    const created: string[] = [];
    for (let index = 0; index < 27; index++) {
      const clinician = await createClinician({ name: `${String.fromCharCode(65 + (index % 26))}${index} ${token}`, withoutPassword: true });
      await db.user.update({ where: { id: clinician.id }, data: { createdAt: new Date(Date.UTC(2026, 0, 1, 0, index)) } });
      created.push(clinician.id);
    }

    const first = await listClinicians({ adminId: admin.id, query: query({ q: token }) });
    expect(first).toMatchObject({ page: 1, pageCount: 2, pageSize: 25, total: 27, sort: "createdAt", dir: "desc" });
    expect(first.rows.map((row) => row.id)).toEqual([...created].reverse().slice(0, 25));
    const second = await listClinicians({ adminId: admin.id, query: query({ q: token, page: "2" }) });
    expect(second.rows.map((row) => row.id)).toEqual([...created].reverse().slice(25));

    // A page past the end shows the last page rather than nothing.
    expect((await listClinicians({ adminId: admin.id, query: query({ q: token, page: "9" }) })).page).toBe(2);

    const oldestFirst = await listClinicians({ adminId: admin.id, query: query({ q: token, dir: "asc" }) });
    expect(oldestFirst.rows[0]?.id).toBe(created[0]);

    const byName = await listClinicians({ adminId: admin.id, query: query({ q: token, sort: "name" }) });
    expect(byName.dir).toBe("asc");
    const names = byName.rows.map((row) => row.name ?? "");
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(names[0]).toBe(`A0 ${token}`);
    const byNameDesc = await listClinicians({ adminId: admin.id, query: query({ q: token, sort: "name", dir: "desc" }) });
    expect(byNameDesc.rows[0]?.name).toBe(`Z25 ${token}`);
  });

  it("reads forgiving URL parameters: unknown values fall back to the defaults", () => {
    expect(query({ status: "bogus", role: "admin", sort: "password", dir: "up", page: "-3", q: "  " })).toEqual({
      status: "pending",
      role: undefined,
      q: undefined,
      sort: "createdAt",
      dir: undefined,
      page: 1,
    });
    expect(query({ status: ["active", "all"], page: "3" })).toMatchObject({ status: "active", page: 3 });
  });
});
