// A realistic, reproducible data set written straight into a migrated database:
// patients with records of every category (file names, providers, dates,
// keywords, tags and extracted text from medical vocabulary), their Postgres
// search documents, and verified clinicians holding grants of every scope,
// one of them ("busy") shared with by many patients. Rows go in with
// multi-row INSERT ... SELECT FROM unnest(...) statements, a few thousand at a
// time. Tooling for benchmarks, not app code; no secrets (users have no password).
//
//   seedDataset({ databaseUrl, patients: 1000, recordsPerPatient: 100 })
import { createHash } from "node:crypto";
import { Client } from "pg";
import { buildSearchDocument } from "../../lib/search/search-document";
import type { SearchableRecord } from "../../lib/search/types";
import type { ImagingModality, RecordCategory } from "../../lib/generated/prisma/enums";

export interface SeedDatasetOptions {
  databaseUrl: string;
  patients: number;
  recordsPerPatient: number;
  /** Clinicians besides the busy one; default 20. */
  clinicians?: number;
  /** How many patients share everything with the busy clinician; default min(300, patients). */
  busyClinicianPatients?: number;
  /** Same seed, same data. */
  seed?: number;
}

export interface SeededDataset {
  patientIds: string[];
  clinicianIds: string[];
  /** A verified physician with ALL grants from busyClinicianPatients patients. */
  busyClinicianId: string;
  records: number;
  /** Words that occur in the data, for queries. */
  vocabulary: { common: string[]; rare: string[]; providers: string[] };
}

/** mulberry32: small, fast, deterministic. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROVIDERS = [
  "St. Mary's Hospital", "General Hospital", "Riverside Medical Center", "Lakeside Clinic", "Northside Family Practice",
  "City Imaging Center", "Harbor Radiology", "Valley Laboratory Services", "Summit Orthopedics", "Greenfield Pediatrics",
  "Mercy Heart Institute", "Westview Dermatology", "Oakwood Community Clinic", "Central Diagnostics", "Bayside Urgent Care",
  "Pine Street Pharmacy", "Cedar Women's Health", "Eastgate Neurology", "Maple Endocrinology", "Sunrise Oncology",
  "University Medical Center", "Hillcrest Rehabilitation", "Brookside Eye Clinic", "Meadow ENT Associates", "Kingsway Cardiology",
  "Silver Lake Gastroenterology", "Fairview Pulmonology", "Redwood Sleep Center", "Clearwater Allergy", "Ashford Vaccination Center",
];

interface CategoryVocabulary {
  category: RecordCategory;
  share: number;
  names: string[];
  words: string[];
  keywords: string[];
}

const CATEGORIES: CategoryVocabulary[] = [
  {
    category: "LAB_RESULT",
    share: 0.34,
    names: ["lab-results", "blood-panel", "cbc", "lipid-panel", "metabolic-panel", "urinalysis", "thyroid-tests", "hba1c"],
    words: ["hemoglobin", "hematocrit", "platelets", "leukocytes", "cholesterol", "triglycerides", "glucose", "creatinine", "sodium", "potassium", "ferritin", "thyroxine", "thyrotropin", "albumin", "bilirubin", "reference", "range", "specimen", "fasting", "elevated", "normal", "mg/dL", "mmol/L"],
    keywords: ["complete blood count", "lipid panel", "glucose", "thyroid", "kidney function", "liver function", "hba1c", "vitamin d"],
  },
  {
    category: "IMAGING",
    share: 0.2,
    names: ["chest-xray", "knee-mri", "abdominal-ultrasound", "head-ct", "mammogram", "spine-mri", "hand-xray", "pelvis-ct"],
    words: ["radiograph", "impression", "findings", "fracture", "effusion", "opacity", "lesion", "contrast", "axial", "sagittal", "coronal", "ligament", "meniscus", "vertebra", "nodule", "calcification", "unremarkable", "degenerative", "radiologist"],
    keywords: ["fracture", "effusion", "nodule", "meniscus tear", "degenerative changes", "no acute findings"],
  },
  {
    category: "CLINICAL_NOTE",
    share: 0.15,
    names: ["visit-note", "consultation", "progress-note", "follow-up", "annual-physical", "specialist-letter"],
    words: ["history", "presenting", "complaint", "examination", "assessment", "plan", "hypertension", "diabetes", "asthma", "migraine", "arthritis", "counseling", "follow", "symptoms", "vital", "signs", "auscultation", "tenderness"],
    keywords: ["hypertension", "type 2 diabetes", "asthma", "migraine", "osteoarthritis", "back pain"],
  },
  {
    category: "PRESCRIPTION",
    share: 0.1,
    names: ["prescription", "medication-list", "rx", "refill"],
    words: ["tablet", "capsule", "daily", "twice", "dosage", "refills", "metformin", "lisinopril", "atorvastatin", "amoxicillin", "levothyroxine", "ibuprofen", "omeprazole", "salbutamol", "dispense", "pharmacist"],
    keywords: ["metformin", "lisinopril", "atorvastatin", "amoxicillin", "levothyroxine", "salbutamol inhaler"],
  },
  {
    category: "DISCHARGE_SUMMARY",
    share: 0.05,
    names: ["discharge-summary", "hospital-discharge", "inpatient-summary"],
    words: ["admitted", "discharged", "diagnosis", "procedure", "course", "stable", "instructions", "appendectomy", "pneumonia", "observation", "antibiotics", "wound", "care"],
    keywords: ["appendectomy", "pneumonia", "observation", "post-operative care"],
  },
  {
    category: "REFERRAL",
    share: 0.06,
    names: ["referral", "referral-letter", "specialist-referral"],
    words: ["referred", "specialist", "evaluation", "kindly", "review", "cardiology", "dermatology", "neurology", "orthopedics", "urgent", "routine", "appointment"],
    keywords: ["cardiology referral", "dermatology referral", "orthopedic evaluation", "neurology consult"],
  },
  {
    category: "IMMUNIZATION",
    share: 0.05,
    names: ["vaccination-record", "immunization", "flu-shot", "covid-vaccine"],
    words: ["vaccine", "dose", "booster", "influenza", "tetanus", "hepatitis", "measles", "lot", "administered", "deltoid", "intramuscular"],
    keywords: ["influenza vaccine", "tetanus booster", "hepatitis b", "covid-19 vaccine"],
  },
  {
    category: "INSURANCE_BILLING",
    share: 0.05,
    names: ["invoice", "insurance-claim", "explanation-of-benefits", "bill"],
    words: ["claim", "amount", "insurer", "deductible", "copay", "coverage", "invoice", "payment", "policy", "billing", "statement"],
    keywords: ["claim", "invoice", "explanation of benefits"],
  },
];

const FILLER = ["the", "patient", "was", "seen", "with", "and", "no", "of", "on", "in", "for", "is", "to", "a", "per", "report", "date", "result", "noted", "left", "right", "mild", "moderate", "significant", "recommended"];
const TAGS = ["important", "insurance", "follow-up", "sports", "pregnancy", "allergy", "surgery", "second opinion", "travel", "school"];
const MODALITIES: Array<{ modality: ImagingModality; body: string[] }> = [
  { modality: "XRAY", body: ["Chest", "Hand", "Knee", "Ankle", "Wrist"] },
  { modality: "MRI", body: ["Knee", "Spine", "Brain", "Shoulder"] },
  { modality: "CT", body: ["Head", "Abdomen", "Pelvis", "Chest"] },
  { modality: "ULTRASOUND", body: ["Abdomen", "Thyroid", "Pelvis"] },
  { modality: "MAMMOGRAPHY", body: ["Breast"] },
];

const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
function idMaker(rand: () => number) {
  let counter = 0;
  return () => {
    let id = "c";
    for (let i = 0; i < 20; i++) id += ID_ALPHABET[Math.floor(rand() * 36)];
    return id + (counter++).toString(36).padStart(4, "0");
  };
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

function pickCategory(rand: () => number): CategoryVocabulary {
  let roll = rand();
  for (const entry of CATEGORIES) {
    roll -= entry.share;
    if (roll <= 0) return entry;
  }
  return CATEGORIES[0]!;
}

function paragraph(rand: () => number, words: string[], length: number): string {
  const out: string[] = [];
  for (let i = 0; i < length; i++) out.push(rand() < 0.45 ? pick(rand, words) : pick(rand, FILLER));
  return `${out.join(" ")}.`;
}

async function insertRows(client: Client, table: string, columns: Array<{ name: string; type: string }>, rows: unknown[][]) {
  if (rows.length === 0) return;
  const arrays = columns.map((_, index) => rows.map((row) => row[index]));
  const list = columns.map((column) => `"${column.name}"`).join(", ");
  const unnest = columns.map((column, index) => `$${index + 1}::${column.type}[]`).join(", ");
  await client.query(`INSERT INTO "${table}" (${list}) SELECT * FROM unnest(${unnest})`, arrays);
}

export async function seedDataset(options: SeedDatasetOptions): Promise<SeededDataset> {
  const rand = random(options.seed ?? 20261123);
  const newId = idMaker(rand);
  const clinicianCount = options.clinicians ?? 20;
  const busyPatients = Math.min(options.busyClinicianPatients ?? 300, options.patients);
  const client = new Client({ connectionString: options.databaseUrl });
  await client.connect();
  const now = new Date();
  try {
    // ---- users ----
    const admin = newId();
    const patientIds = Array.from({ length: options.patients }, newId);
    const clinicianIds = Array.from({ length: clinicianCount + 1 }, newId);
    const busyClinicianId = clinicianIds[0]!;
    const userColumns = [
      { name: "id", type: "text" },
      { name: "email", type: "text" },
      { name: "name", type: "text" },
      { name: "role", type: '"Role"' },
      { name: "emailVerified", type: "timestamp" },
      { name: "updatedAt", type: "timestamp" },
    ];
    const first = ["Ana", "Ben", "Chloe", "David", "Elif", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kira", "Liam", "Maya", "Noah", "Olga", "Priya"];
    const last = ["Garcia", "Smith", "Nguyen", "Müller", "Rossi", "Kowalski", "Okafor", "Tanaka", "Silva", "Dubois", "Larsen", "Haddad"];
    const users: unknown[][] = [[admin, `admin-${admin}@bench.test`, "Bench Admin", "ADMIN", now, now]];
    patientIds.forEach((id, index) => users.push([id, `patient-${index}-${id}@bench.test`, `${pick(rand, first)} ${pick(rand, last)}`, "PATIENT", now, now]));
    clinicianIds.forEach((id, index) => users.push([id, `clinician-${index}-${id}@bench.test`, `Dr. ${pick(rand, first)} ${pick(rand, last)}`, "PHYSICIAN", now, now]));
    for (let i = 0; i < users.length; i += 5_000) await insertRows(client, "User", userColumns, users.slice(i, i + 5_000));
    await insertRows(
      client,
      "ClinicianProfile",
      [
        { name: "userId", type: "text" },
        { name: "licenseNumber", type: "text" },
        { name: "specialty", type: "text" },
        { name: "organization", type: "text" },
        { name: "verifiedAt", type: "timestamp" },
        { name: "verifiedById", type: "text" },
        { name: "updatedAt", type: "timestamp" },
      ],
      clinicianIds.map((id, index) => [id, `LIC-${100000 + index}`, "General practice", pick(rand, PROVIDERS), now, admin, now]),
    );

    // ---- records and their search documents ----
    const recordColumns = [
      { name: "id", type: "text" },
      { name: "ownerId", type: "text" },
      { name: "uploadedById", type: "text" },
      { name: "blobName", type: "text" },
      { name: "originalName", type: "text" },
      { name: "mimeType", type: "text" },
      { name: "sizeBytes", type: "bigint" },
      { name: "sha256", type: "text" },
      { name: "status", type: '"RecordStatus"' },
      { name: "category", type: '"RecordCategory"' },
      { name: "dateOfService", type: "date" },
      { name: "modality", type: '"ImagingModality"' },
      { name: "bodyPart", type: "text" },
      { name: "sourceProvider", type: "text" },
      { name: "extractedText", type: "text" },
      { name: "archivedAt", type: "timestamp" },
      { name: "createdAt", type: "timestamp" },
      { name: "updatedAt", type: "timestamp" },
    ];
    const BATCH = 2_000;
    let records = 0;
    let recordBatch: unknown[][] = [];
    let listBatch: Array<{ id: string; keywords: string[]; tags: string[] }> = [];
    let docBatch: unknown[][] = [];
    const recordIdsByPatient = new Map<string, Array<{ id: string; category: RecordCategory }>>();

    const flush = async () => {
      if (recordBatch.length === 0) return;
      await insertRows(client, "Record", recordColumns, recordBatch);
      // Text arrays of arrays cannot go through unnest: keywords and tags as JSON.
      await client.query(
        `UPDATE "Record" r SET "keywords" = ARRAY(SELECT jsonb_array_elements_text(v.k)), "tags" = ARRAY(SELECT jsonb_array_elements_text(v.t)), "correctedFields" = '{}'
         FROM jsonb_to_recordset($1::jsonb) AS v(id text, k jsonb, t jsonb) WHERE r."id" = v.id`,
        [JSON.stringify(listBatch.map((row) => ({ id: row.id, k: row.keywords, t: row.tags })))],
      );
      await client.query(
        `INSERT INTO "RecordSearchDocument" ("recordId", "ownerId", "status", "category", "modality", "providerKey", "dateOfService", "recordCreatedAt", "title", "labels", "content", "lexicon", "document", "recordVersion")
         SELECT d.id, d.owner, r."status", r."category", r."modality", lower(btrim(r."sourceProvider")), r."dateOfService", r."createdAt", d.title, d.labels, d.content, d.lexicon,
           setweight(to_tsvector('english', d.primary_text), 'A') || setweight(to_tsvector('english', d.labels), 'B') || setweight(to_tsvector('english', d.content), 'C'),
           1
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS d(id, title, primary_text, labels, content, lexicon, owner)
         JOIN "Record" r ON r."id" = d.id`,
        [0, 1, 2, 3, 4, 5, 6].map((index) => docBatch.map((row) => row[index])),
      );
      records += recordBatch.length;
      recordBatch = [];
      listBatch = [];
      docBatch = [];
    };

    for (const patientId of patientIds) {
      const mine: Array<{ id: string; category: RecordCategory }> = [];
      const home = pick(rand, PROVIDERS);
      for (let r = 0; r < options.recordsPerPatient; r++) {
        const id = newId();
        const vocabulary = pickCategory(rand);
        const imaging = vocabulary.category === "IMAGING";
        const modality = imaging ? pick(rand, MODALITIES) : null;
        const dicom = imaging && rand() < 0.5;
        const year = 2010 + Math.floor(rand() * 16);
        const dateOfService = rand() < 0.93 ? new Date(Date.UTC(year, Math.floor(rand() * 12), 1 + Math.floor(rand() * 28))) : null;
        const provider = rand() < 0.6 ? home : pick(rand, PROVIDERS);
        const keywords = [pick(rand, vocabulary.keywords), ...(rand() < 0.5 ? [pick(rand, vocabulary.keywords)] : [])];
        const tags = rand() < 0.15 ? [pick(rand, TAGS)] : [];
        const extension = dicom ? "dcm" : pick(rand, ["pdf", "pdf", "pdf", "jpg", "png"]);
        const originalName = `${pick(rand, vocabulary.names)}-${dateOfService ? dateOfService.toISOString().slice(0, 10) : "undated"}.${extension}`;
        const text = dicom
          ? `${modality!.modality} ${pick(rand, modality!.body).toUpperCase()} ${pick(rand, ["AP", "LATERAL", "WITH CONTRAST", "WITHOUT CONTRAST", "2 VIEWS"])}`
          : extension === "pdf" || rand() < 0.5
            ? [provider, paragraph(rand, vocabulary.words, 40 + Math.floor(rand() * 120)), paragraph(rand, vocabulary.words, 20 + Math.floor(rand() * 60))].join("\n")
            : "";
        const archived = rand() < 0.05;
        const createdAt = new Date((dateOfService ?? now).getTime() + Math.floor(rand() * 20) * 86_400_000);
        const searchable: SearchableRecord = {
          id,
          ownerId: patientId,
          originalName,
          mimeType: dicom ? "application/dicom" : extension === "pdf" ? "application/pdf" : extension === "jpg" ? "image/jpeg" : "image/png",
          status: archived ? "ARCHIVED" : "READY",
          category: vocabulary.category,
          dateOfService,
          modality: modality?.modality ?? null,
          bodyPart: modality ? pick(rand, modality.body) : null,
          sourceProvider: provider,
          keywords,
          tags,
          extractedText: text || null,
          version: 1,
          createdAt,
          updatedAt: createdAt,
        };
        recordBatch.push([
          id, patientId, patientId, `bench/${patientId}/${id}`, originalName, searchable.mimeType,
          String(20_000 + Math.floor(rand() * 5_000_000)), createHash("sha256").update(id).digest("hex"),
          searchable.status, searchable.category, dateOfService ? dateOfService.toISOString().slice(0, 10) : null,
          searchable.modality, searchable.bodyPart, provider, searchable.extractedText, archived ? now : null, createdAt, createdAt,
        ]);
        listBatch.push({ id, keywords, tags });
        const doc = buildSearchDocument(searchable);
        docBatch.push([id, doc.title, doc.primary, [doc.labels, doc.dicomText].filter(Boolean).join("\n"), doc.content, ` ${doc.lexicon.join(" ")} `, patientId]);
        mine.push({ id, category: vocabulary.category });
        if (recordBatch.length >= BATCH) await flush();
      }
      recordIdsByPatient.set(patientId, mine);
    }
    await flush();

    // ---- grants ----
    const grantColumns = [
      { name: "id", type: "text" },
      { name: "patientId", type: "text" },
      { name: "granteeId", type: "text" },
      { name: "scope", type: '"GrantScope"' },
      { name: "level", type: '"GrantLevel"' },
      { name: "expiresAt", type: "timestamp" },
      { name: "updatedAt", type: "timestamp" },
    ];
    const expiresAt = new Date(now.getTime() + 365 * 86_400_000);
    const grants: unknown[][] = [];
    const narrowed: Array<{ id: string; categories: RecordCategory[]; recordIds: string[] }> = [];
    for (const patientId of patientIds.slice(0, busyPatients)) grants.push([newId(), patientId, busyClinicianId, "ALL", "VIEW", expiresAt, now]);
    for (const clinicianId of clinicianIds.slice(1)) {
      const count = 5 + Math.floor(rand() * 26);
      const chosen = new Set<string>();
      while (chosen.size < Math.min(count, patientIds.length)) chosen.add(pick(rand, patientIds));
      for (const patientId of chosen) {
        const roll = rand();
        const id = newId();
        const scope = roll < 0.5 ? "ALL" : roll < 0.8 ? "CATEGORIES" : "RECORDS";
        grants.push([id, patientId, clinicianId, scope, pick(rand, ["VIEW", "DOWNLOAD"]), expiresAt, now]);
        if (scope === "CATEGORIES") narrowed.push({ id, categories: ["LAB_RESULT", "IMAGING"], recordIds: [] });
        if (scope === "RECORDS") narrowed.push({ id, categories: [], recordIds: (recordIdsByPatient.get(patientId) ?? []).slice(0, 5).map((r) => r.id) });
      }
    }
    await insertRows(client, "Grant", grantColumns, grants);
    await client.query(`UPDATE "Grant" SET "categories" = '{}', "recordIds" = '{}' WHERE "categories" IS NULL OR "recordIds" IS NULL`);
    await client.query(
      `UPDATE "Grant" g SET "categories" = ARRAY(SELECT jsonb_array_elements_text(v.c))::"RecordCategory"[], "recordIds" = ARRAY(SELECT jsonb_array_elements_text(v.r))
       FROM jsonb_to_recordset($1::jsonb) AS v(id text, c jsonb, r jsonb) WHERE g."id" = v.id`,
      [JSON.stringify(narrowed.map((row) => ({ id: row.id, c: row.categories, r: row.recordIds })))],
    );
    // Each owner's vocabulary for typo matching, as the index job keeps it (the search_words migration backfills it the same way).
    await client.query(
      `INSERT INTO "SearchWord" ("ownerId", "word")
       SELECT DISTINCT d."ownerId", w FROM "RecordSearchDocument" d, regexp_split_to_table(btrim(d."lexicon"), ' ') AS w
       WHERE w <> '' ON CONFLICT DO NOTHING`,
    );
    // What autovacuum does on a live database after bulk writes: statistics for the planner,
    // the GIN indexes' pending lists merged, the visibility map set.
    await client.query(`VACUUM ANALYZE "User", "Record", "RecordSearchDocument", "SearchWord", "Grant"`);

    return {
      patientIds,
      clinicianIds,
      busyClinicianId,
      records,
      vocabulary: {
        common: ["cholesterol", "fracture", "glucose", "hypertension", "vaccine", "mri", "hemoglobin", "referral"],
        rare: ["appendectomy", "calcification", "levothyroxine", "meniscus", "ferritin", "deltoid"],
        providers: PROVIDERS,
      },
    };
  } finally {
    await client.end();
  }
}
