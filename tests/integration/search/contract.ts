// The search contract: what every engine must do, run against each one (the
// runners beside this file). Records are real rows in the per-run database,
// documents are written by the real indexing use case, access comes from real
// grants, and every search goes through searchRecords, the function the page
// and /api/search call. Each test uses fresh patients, so their scopes never
// see another test's rows.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { ImagingModality, RecordCategory, RecordStatus } from "@/lib/generated/prisma/client";
import { grantAccess } from "@/lib/sharing/grant-access";
import { revokeGrant } from "@/lib/sharing/revoke-grant";
import { HIGHLIGHT_END, HIGHLIGHT_START } from "@/lib/search/highlight";
import { indexRecordForSearch } from "@/lib/search/index-record";
import { searchRecords, type SearchResultItem } from "@/lib/search/search-records";
import type { TSearchInput } from "@/lib/search/search-schema";
import type { SearchEngine } from "@/lib/search/types";
import { context, createPatient, createVerifiedClinician } from "../sharing/helpers";

type Person = { id: string; role: "PATIENT" | "PHYSICIAN" | "NURSE" | "STAFF" | "ADMIN" };

export interface ContractEngine {
  engine: SearchEngine;
}

/** A word no other row contains. */
export const uniqueWord = (prefix = "zq") => `${prefix}${randomBytes(5).toString("hex").replace(/[0-9]/g, (d) => "ghijklmnop"[Number(d)]!)}`;

export interface RecordSpec {
  ownerId: string;
  originalName?: string;
  category?: RecordCategory | null;
  extractedText?: string;
  keywords?: string[];
  tags?: string[];
  sourceProvider?: string | null;
  modality?: ImagingModality | null;
  bodyPart?: string | null;
  dateOfService?: string | null;
  status?: RecordStatus;
  mimeType?: string;
}

export async function createIndexedRecord(engine: SearchEngine, spec: RecordSpec) {
  const unique = randomBytes(8).toString("hex");
  const record = await db.record.create({
    data: {
      ownerId: spec.ownerId,
      uploadedById: spec.ownerId,
      blobName: `test/${spec.ownerId}/${unique}`,
      originalName: spec.originalName ?? `scan-${unique}.pdf`,
      mimeType: spec.mimeType ?? "application/pdf",
      sizeBytes: BigInt(2048),
      sha256: unique.padEnd(64, "0"),
      category: spec.category ?? null,
      extractedText: spec.extractedText ?? null,
      keywords: spec.keywords ?? [],
      tags: spec.tags ?? [],
      sourceProvider: spec.sourceProvider ?? null,
      modality: spec.modality ?? null,
      bodyPart: spec.bodyPart ?? null,
      dateOfService: spec.dateOfService ? new Date(`${spec.dateOfService}T00:00:00Z`) : null,
      status: spec.status ?? "READY",
      archivedAt: spec.status === "ARCHIVED" ? new Date() : null,
    },
  });
  expect(await indexRecordForSearch({ recordId: record.id, engine })).toBe("indexed");
  return record;
}

const ids = (hits: SearchResultItem[]) => hits.map((hit) => hit.recordId).sort();
const text = (segments: { text: string }[]) => segments.map((s) => s.text).join("");

export function describeSearchContract(name: string, setup: () => Promise<ContractEngine>, teardown?: () => Promise<void>) {
  describe(`search contract: ${name}`, () => {
    let engine: SearchEngine;
    const search = (actor: Person, input: TSearchInput) => searchRecords({ actor, input, engine });

    beforeAll(async () => {
      ({ engine } = await setup());
    });
    afterAll(async () => {
      await teardown?.();
    });

    it("finds a patient's own record by a word of its text, title or labels, and nobody else's", async () => {
      const [alice, bob] = [await createPatient(), await createPatient()];
      const secret = uniqueWord();
      const mine = await createIndexedRecord(engine, { ownerId: alice.id, extractedText: `Assessment: ${secret} noted on examination.`, category: "CLINICAL_NOTE" });
      const titled = await createIndexedRecord(engine, { ownerId: alice.id, originalName: `${secret}-summary.pdf` });
      await createIndexedRecord(engine, { ownerId: bob.id, extractedText: "Nothing to see here" });

      const own = await search(alice, { q: secret });
      expect(own.searched).toBe(true);
      expect(ids(own.hits)).toEqual([mine.id, titled.id].sort());
      expect(own.hits.every((hit) => hit.href === `/patient/records/${hit.recordId}`)).toBe(true);
      // Title matches (weight A) rank above text matches (weight C).
      expect(own.hits[0]!.recordId).toBe(titled.id);

      // A term only in an unshared record: no hit for another patient or a clinician without a grant.
      expect((await search(bob, { q: secret })).hits).toEqual([]);
      const stranger = await createVerifiedClinician();
      expect((await search(stranger, { q: secret })).hits).toEqual([]);
    });

    it("shows a clinician what the grants cover, and nothing once a grant is revoked, without re-indexing", async () => {
      const [alice, bob] = [await createPatient(), await createPatient()];
      const word = uniqueWord();
      const aliceImaging = await createIndexedRecord(engine, { ownerId: alice.id, category: "IMAGING", extractedText: `${word} chest film` });
      const aliceLab = await createIndexedRecord(engine, { ownerId: alice.id, category: "LAB_RESULT", extractedText: `${word} panel` });
      const bobNote = await createIndexedRecord(engine, { ownerId: bob.id, category: "CLINICAL_NOTE", extractedText: `${word} follow-up` });
      const clinician = await createVerifiedClinician();
      await grantAccess({ actor: alice, input: { granteeId: clinician.id, level: "VIEW", scope: "CATEGORIES", categories: ["IMAGING"] }, context });
      const bobGrant = await grantAccess({ actor: bob, input: { granteeId: clinician.id, level: "VIEW", scope: "ALL" }, context });

      const before = await search(clinician, { q: word });
      expect(ids(before.hits)).toEqual([aliceImaging.id, bobNote.id].sort());
      expect(before.hits.find((hit) => hit.recordId === bobNote.id)?.href).toBe(`/clinician/patients/${bob.id}/records/${bobNote.id}`);
      expect(ids(before.hits)).not.toContain(aliceLab.id);
      // The patient filter narrows to one patient.
      expect(ids((await search(clinician, { q: word, patient: alice.id })).hits)).toEqual([aliceImaging.id]);

      await revokeGrant({ actor: bob, grantId: bobGrant.grant.id, context });
      expect(ids((await search(clinician, { q: word })).hits)).toEqual([aliceImaging.id]);
      expect((await search(clinician, { q: word, patient: bob.id })).hits).toEqual([]);
    });

    it("finds a record through a typo and through the start of a word", async () => {
      const alice = await createPatient();
      const record = await createIndexedRecord(engine, {
        ownerId: alice.id,
        category: "IMAGING",
        modality: "XRAY",
        extractedText: "Findings: hairline fracture of the distal radius. Radiology department.",
      });
      expect(ids((await search(alice, { q: "fractrue" })).hits)).toEqual([record.id]);
      expect(ids((await search(alice, { q: "radiol" })).hits)).toEqual([record.id]);
      expect(ids((await search(alice, { q: "fract" })).hits)).toEqual([record.id]);
      expect((await search(alice, { q: "pneumonia" })).hits).toEqual([]);
    });

    it("treats operators and filter syntax in the search text as plain words", async () => {
      const [alice, mallory] = [await createPatient(), await createPatient()];
      const word = uniqueWord();
      await createIndexedRecord(engine, { ownerId: alice.id, extractedText: `${word} x ownerid 0 confidential` });
      const own = await createIndexedRecord(engine, { ownerId: mallory.id, extractedText: "x marks the spot" });
      for (const q of [`x OR ownerId != 0`, `${word} OR ownerId != 0`, `") OR ownerId != "0`, `${word}" OR status = "READY`]) {
        const result = await search(mallory, { q });
        expect(result.hits.every((hit) => hit.patientId === mallory.id)).toBe(true);
      }
      // A provider filter value with quotes is a value, not syntax.
      const injected = await search(mallory, { q: "x", provider: `a" OR ownerId != "0` });
      expect(injected.hits).toEqual([]);
      expect(ids((await search(mallory, { q: "x" })).hits)).toEqual([own.id]);
    });

    it("hides archived records unless asked, and applies the filters", async () => {
      const alice = await createPatient();
      const word = uniqueWord();
      const active = await createIndexedRecord(engine, {
        ownerId: alice.id,
        category: "LAB_RESULT",
        sourceProvider: "St. Mary's \"North\" Clinic",
        dateOfService: "2024-03-05",
        extractedText: `${word} hemoglobin`,
      });
      const archived = await createIndexedRecord(engine, { ownerId: alice.id, category: "IMAGING", modality: "MRI", status: "ARCHIVED", dateOfService: "2022-01-10", extractedText: `${word} knee` });

      expect(ids((await search(alice, { q: word })).hits)).toEqual([active.id]);
      expect(ids((await search(alice, { q: word, archived: true })).hits)).toEqual([active.id, archived.id].sort());
      expect(ids((await search(alice, { q: word, archived: true, category: "IMAGING" })).hits)).toEqual([archived.id]);
      expect(ids((await search(alice, { q: word, archived: true, modality: "MRI" })).hits)).toEqual([archived.id]);
      expect(ids((await search(alice, { q: word, archived: true, from: "2024-01-01" })).hits)).toEqual([active.id]);
      expect(ids((await search(alice, { q: word, archived: true, to: "2023-12-31" })).hits)).toEqual([archived.id]);
      expect(ids((await search(alice, { q: word, provider: "st. mary's \"north\" clinic" })).hits)).toEqual([active.id]);
      // Filters alone, newest first.
      const byDate = await search(alice, { archived: true, sort: "date", from: "2020-01-01" });
      expect(byDate.hits.map((hit) => hit.recordId)).toEqual([active.id, archived.id]);
    });

    it("returns highlights as plain text segments, with markup in records left as text", async () => {
      const alice = await createPatient();
      const record = await createIndexedRecord(engine, {
        ownerId: alice.id,
        originalName: `<img src=x onerror=alert(1)> fracture ${HIGHLIGHT_START}report${HIGHLIGHT_END}.pdf`,
        extractedText: `<script>alert("x")</script> Ratio 5 < 7 & "quoted" text: the fracture is healing. ${HIGHLIGHT_START}not a mark${HIGHLIGHT_END}`,
      });
      const [hit] = (await search(alice, { q: "fracture" })).hits;
      expect(hit?.recordId).toBe(record.id);
      const all = [...hit!.title, ...hit!.snippet];
      expect(all.some((segment) => segment.highlighted && /^fracture$/i.test(segment.text))).toBe(true);
      expect(all.filter((segment) => segment.highlighted).every((segment) => /^fractur/i.test(segment.text))).toBe(true);
      // Characters that mean something in HTML come back as the same characters (an engine may
      // leave whole tags out of a snippet, as Postgres's ts_headline does); the UI renders them as text.
      expect(text(hit!.snippet)).toContain('5 < 7 & "quoted"');
      expect(all.some((segment) => segment.highlighted && segment.text.includes("<"))).toBe(false);
      expect(all.every((segment) => !segment.text.includes(HIGHLIGHT_START) && !segment.text.includes(HIGHLIGHT_END))).toBe(true);
    });

    it("forgets a deleted record and picks up corrected metadata when re-indexed", async () => {
      const alice = await createPatient();
      const [word, tag] = [uniqueWord(), uniqueWord("tag")];
      const record = await createIndexedRecord(engine, { ownerId: alice.id, extractedText: `${word} letter` });
      await db.record.update({ where: { id: record.id }, data: { tags: [tag] } });
      expect(await indexRecordForSearch({ recordId: record.id, engine })).toBe("indexed");
      expect(ids((await search(alice, { q: tag })).hits)).toEqual([record.id]);

      await db.record.delete({ where: { id: record.id } });
      expect(await indexRecordForSearch({ recordId: record.id, engine })).toBe("removed");
      expect((await search(alice, { q: word })).hits).toEqual([]);
    });

    it("searches nothing for an empty query, and nothing for people without access", async () => {
      const alice = await createPatient();
      await createIndexedRecord(engine, { ownerId: alice.id, extractedText: "routine" });
      expect(await search(alice, { q: "   " })).toMatchObject({ searched: false, hits: [] });
      const admin = await db.user.findFirst({ where: { role: "ADMIN" }, select: { id: true, role: true } });
      if (admin) expect((await search(admin, { q: "routine" })).hits).toEqual([]);
    });
  });
}
