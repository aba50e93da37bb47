// Writes small, valid DICOM Part-10 files for tests: 128-byte preamble, "DICM",
// a file meta group (0002) and a data set in Explicit VR Little Endian, with a
// monochrome 16-bit image (a deterministic gradient with a disc, 64x64 by
// default). Enough for dicom-parser and viewers; UIDs are derived from `seed`,
// so the same options give the same bytes.
import { createHash } from "node:crypto";

export const EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";

/** Storage SOP classes (PS3.4 B.5) by modality code. */
export const SOP_CLASS_BY_MODALITY: Record<string, string> = {
  CR: "1.2.840.10008.5.1.4.1.1.1",
  DX: "1.2.840.10008.5.1.4.1.1.1.1",
  CT: "1.2.840.10008.5.1.4.1.1.2",
  MR: "1.2.840.10008.5.1.4.1.1.4",
  US: "1.2.840.10008.5.1.4.1.1.6.1",
  MG: "1.2.840.10008.5.1.4.1.1.1.2",
  NM: "1.2.840.10008.5.1.4.1.1.20",
  PT: "1.2.840.10008.5.1.4.1.1.128",
  XA: "1.2.840.10008.5.1.4.1.1.12.1",
  OT: "1.2.840.10008.5.1.4.1.1.7",
};

export interface DicomFileOptions {
  /** Modality code: CR, DX, CT, MR, US, MG, NM, PT, ... */
  modality: string;
  /** DA format, "YYYYMMDD". */
  studyDate?: string;
  seriesDate?: string;
  acquisitionDate?: string;
  bodyPartExamined?: string;
  institutionName?: string;
  studyDescription?: string;
  seriesDescription?: string;
  /** PN format, "Family^Given". */
  referringPhysicianName?: string;
  patientName?: string;
  patientId?: string;
  patientBirthDate?: string;
  rows?: number;
  columns?: number;
  /** A multi-frame image: each frame's bright disc sits further right, so scrolling changes the picture. */
  frames?: number;
  /** Modality LUT (e.g. CT Hounsfield units: intercept -1024, slope 1), which window presets rely on. */
  rescale?: { intercept: number; slope: number };
  /** Makes the UIDs (and so the bytes) unique per file. */
  seed?: string;
}

type Element = { group: number; element: number; vr: string; value: Buffer };

const LONG_LENGTH_VRS = new Set(["OB", "OW", "OF", "SQ", "UT", "UN"]);

/** A DICOM UID under the 2.25 (UUID-derived) root, from a seed. */
export function uidFromSeed(seed: string): string {
  const hex = createHash("sha256").update(seed).digest("hex").slice(0, 30);
  return `2.25.${BigInt(`0x${hex}`).toString(10)}`;
}

function text(vr: string, value: string): Buffer {
  const bytes = Buffer.from(value, "latin1");
  if (bytes.length % 2 === 0) return bytes;
  // UIDs pad with NUL, other strings with a space (PS3.5 6.2).
  return Buffer.concat([bytes, Buffer.from(vr === "UI" ? [0] : [0x20])]);
}

function us(value: number): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16LE(value);
  return buffer;
}

function encode({ group, element, vr, value }: Element): Buffer {
  const long = LONG_LENGTH_VRS.has(vr);
  const header = Buffer.alloc(long ? 12 : 8);
  header.writeUInt16LE(group, 0);
  header.writeUInt16LE(element, 2);
  header.write(vr, 4, "latin1");
  if (long) header.writeUInt32LE(value.length, 8);
  else header.writeUInt16LE(value.length, 6);
  return Buffer.concat([header, value]);
}

/** A gradient with a bright disc; `discX` moves it (frames of a multi-frame image). */
function pixels(rows: number, columns: number, discX = columns / 2): Buffer {
  const data = Buffer.alloc(rows * columns * 2);
  for (let y = 0; y < rows; y += 1) {
    for (let x = 0; x < columns; x += 1) {
      const inDisc = (x - discX) ** 2 + (y - rows / 2) ** 2 < (Math.min(rows, columns) / 3) ** 2;
      data.writeUInt16LE(Math.round(((x + y) / (rows + columns)) * 2000) + (inDisc ? 1500 : 0), (y * columns + x) * 2);
    }
  }
  return data;
}

export function buildDicomFile(options: DicomFileOptions): Buffer {
  const seed = options.seed ?? JSON.stringify(options);
  const sopClass = SOP_CLASS_BY_MODALITY[options.modality] ?? SOP_CLASS_BY_MODALITY.OT!;
  const sopInstance = uidFromSeed(`${seed}:instance`);
  const rows = options.rows ?? 64;
  const columns = options.columns ?? 64;
  const frames = options.frames;
  const pixelData =
    frames === undefined
      ? pixels(rows, columns)
      : Buffer.concat(Array.from({ length: frames }, (_, frame) => pixels(rows, columns, columns * (0.3 + (0.4 * frame) / Math.max(1, frames - 1)))));

  const meta: Element[] = [
    { group: 0x0002, element: 0x0001, vr: "OB", value: Buffer.from([0, 1]) },
    { group: 0x0002, element: 0x0002, vr: "UI", value: text("UI", sopClass) },
    { group: 0x0002, element: 0x0003, vr: "UI", value: text("UI", sopInstance) },
    { group: 0x0002, element: 0x0010, vr: "UI", value: text("UI", EXPLICIT_VR_LITTLE_ENDIAN) },
    { group: 0x0002, element: 0x0012, vr: "UI", value: text("UI", "2.25.1") },
    { group: 0x0002, element: 0x0013, vr: "SH", value: text("SH", "MEDVAULT_TEST") },
  ];
  const metaBody = Buffer.concat(meta.map(encode));
  const groupLength = Buffer.alloc(4);
  groupLength.writeUInt32LE(metaBody.length);

  const optional = (group: number, element: number, vr: string, value: string | undefined): Element[] =>
    value === undefined ? [] : [{ group, element, vr, value: text(vr, value) }];
  // Ascending tag order, as the standard requires.
  const dataSet: Element[] = [
    { group: 0x0008, element: 0x0016, vr: "UI", value: text("UI", sopClass) },
    { group: 0x0008, element: 0x0018, vr: "UI", value: text("UI", sopInstance) },
    ...optional(0x0008, 0x0020, "DA", options.studyDate),
    ...optional(0x0008, 0x0021, "DA", options.seriesDate),
    ...optional(0x0008, 0x0022, "DA", options.acquisitionDate),
    { group: 0x0008, element: 0x0060, vr: "CS", value: text("CS", options.modality) },
    ...optional(0x0008, 0x0080, "LO", options.institutionName),
    ...optional(0x0008, 0x0090, "PN", options.referringPhysicianName),
    ...optional(0x0008, 0x1030, "LO", options.studyDescription),
    ...optional(0x0008, 0x103e, "LO", options.seriesDescription),
    { group: 0x0010, element: 0x0010, vr: "PN", value: text("PN", options.patientName ?? "Test^Patient") },
    { group: 0x0010, element: 0x0020, vr: "LO", value: text("LO", options.patientId ?? "TEST-0001") },
    ...optional(0x0010, 0x0030, "DA", options.patientBirthDate),
    ...optional(0x0018, 0x0015, "CS", options.bodyPartExamined),
    { group: 0x0020, element: 0x000d, vr: "UI", value: text("UI", uidFromSeed(`${seed}:study`)) },
    { group: 0x0020, element: 0x000e, vr: "UI", value: text("UI", uidFromSeed(`${seed}:series`)) },
    { group: 0x0028, element: 0x0002, vr: "US", value: us(1) },
    { group: 0x0028, element: 0x0004, vr: "CS", value: text("CS", "MONOCHROME2") },
    ...optional(0x0028, 0x0008, "IS", frames === undefined ? undefined : String(frames)),
    { group: 0x0028, element: 0x0010, vr: "US", value: us(rows) },
    { group: 0x0028, element: 0x0011, vr: "US", value: us(columns) },
    { group: 0x0028, element: 0x0100, vr: "US", value: us(16) },
    { group: 0x0028, element: 0x0101, vr: "US", value: us(12) },
    { group: 0x0028, element: 0x0102, vr: "US", value: us(11) },
    { group: 0x0028, element: 0x0103, vr: "US", value: us(0) },
    ...optional(0x0028, 0x1052, "DS", options.rescale && String(options.rescale.intercept)),
    ...optional(0x0028, 0x1053, "DS", options.rescale && String(options.rescale.slope)),
    { group: 0x7fe0, element: 0x0010, vr: "OW", value: pixelData },
  ];

  return Buffer.concat([
    Buffer.alloc(128),
    Buffer.from("DICM", "latin1"),
    encode({ group: 0x0002, element: 0x0000, vr: "UL", value: groupLength }),
    metaBody,
    ...dataSet.map(encode),
  ]);
}
