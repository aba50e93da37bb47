// A small multi-frame CT for the viewer tests: DICOM Part 10, Explicit VR
// Little Endian, 64x64 pixels of 16-bit unsigned data with a rescale to
// Hounsfield units (-1024 + value). Each frame is a gradient with a bright disc
// that moves from frame to frame, so scrolling changes the picture.
// (tests/factories/dicom.ts writes single-frame files for categorization; this
// one adds NumberOfFrames and the CT rescale the window presets rely on.)

type Element = { group: number; element: number; vr: string; value: Buffer };

const LONG_LENGTH_VRS = new Set(["OB", "OW", "SQ", "UT", "UN"]);

function text(vr: string, value: string): Buffer {
  const bytes = Buffer.from(value, "latin1");
  return bytes.length % 2 === 0 ? bytes : Buffer.concat([bytes, Buffer.from([vr === "UI" ? 0 : 0x20])]);
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

function framePixels(size: number, frame: number, frames: number): Buffer {
  const data = Buffer.alloc(size * size * 2);
  const discX = size * (0.3 + (0.4 * frame) / Math.max(1, frames - 1));
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const inDisc = (x - discX) ** 2 + (y - size / 2) ** 2 < (size / 5) ** 2;
      // Raw 0..3500 -> -1024..2476 HU: air, soft tissue and bone all present.
      data.writeUInt16LE(Math.round(((x + y) / (2 * size)) * 2000) + (inDisc ? 1500 : 0), (y * size + x) * 2);
    }
  }
  return data;
}

export function multiFrameCtBytes(options: { frames?: number; size?: number; seed?: string } = {}): Buffer {
  const frames = options.frames ?? 5;
  const size = options.size ?? 64;
  const suffix = Array.from(options.seed ?? "1", (char) => char.charCodeAt(0) % 10).join("").slice(0, 20) || "1";
  const sopClass = "1.2.840.10008.5.1.4.1.1.2"; // CT Image Storage
  const sopInstance = `2.25.4711${suffix}`;

  const meta: Element[] = [
    { group: 0x0002, element: 0x0001, vr: "OB", value: Buffer.from([0, 1]) },
    { group: 0x0002, element: 0x0002, vr: "UI", value: text("UI", sopClass) },
    { group: 0x0002, element: 0x0003, vr: "UI", value: text("UI", sopInstance) },
    { group: 0x0002, element: 0x0010, vr: "UI", value: text("UI", "1.2.840.10008.1.2.1") },
    { group: 0x0002, element: 0x0012, vr: "UI", value: text("UI", "2.25.1") },
  ];
  const metaBody = Buffer.concat(meta.map(encode));
  const groupLength = Buffer.alloc(4);
  groupLength.writeUInt32LE(metaBody.length);

  const pixels = Buffer.concat(Array.from({ length: frames }, (_, frame) => framePixels(size, frame, frames)));
  const dataSet: Element[] = [
    { group: 0x0008, element: 0x0016, vr: "UI", value: text("UI", sopClass) },
    { group: 0x0008, element: 0x0018, vr: "UI", value: text("UI", sopInstance) },
    { group: 0x0008, element: 0x0020, vr: "DA", value: text("DA", "20240305") },
    { group: 0x0008, element: 0x0060, vr: "CS", value: text("CS", "CT") },
    { group: 0x0008, element: 0x0080, vr: "LO", value: text("LO", "E2E Imaging Center") },
    { group: 0x0010, element: 0x0010, vr: "PN", value: text("PN", "Test^Patient") },
    { group: 0x0010, element: 0x0020, vr: "LO", value: text("LO", "E2E-0001") },
    { group: 0x0018, element: 0x0015, vr: "CS", value: text("CS", "CHEST") },
    { group: 0x0020, element: 0x000d, vr: "UI", value: text("UI", `2.25.4712${suffix}`) },
    { group: 0x0020, element: 0x000e, vr: "UI", value: text("UI", `2.25.4713${suffix}`) },
    { group: 0x0028, element: 0x0002, vr: "US", value: us(1) },
    { group: 0x0028, element: 0x0004, vr: "CS", value: text("CS", "MONOCHROME2") },
    { group: 0x0028, element: 0x0008, vr: "IS", value: text("IS", String(frames)) },
    { group: 0x0028, element: 0x0010, vr: "US", value: us(size) },
    { group: 0x0028, element: 0x0011, vr: "US", value: us(size) },
    { group: 0x0028, element: 0x0100, vr: "US", value: us(16) },
    { group: 0x0028, element: 0x0101, vr: "US", value: us(12) },
    { group: 0x0028, element: 0x0102, vr: "US", value: us(11) },
    { group: 0x0028, element: 0x0103, vr: "US", value: us(0) },
    { group: 0x0028, element: 0x1052, vr: "DS", value: text("DS", "-1024") },
    { group: 0x0028, element: 0x1053, vr: "DS", value: text("DS", "1") },
    { group: 0x7fe0, element: 0x0010, vr: "OW", value: pixels },
  ];

  return Buffer.concat([
    Buffer.alloc(128),
    Buffer.from("DICM", "latin1"),
    encode({ group: 0x0002, element: 0x0000, vr: "UL", value: groupLength }),
    metaBody,
    ...dataSet.map(encode),
  ]);
}
