// HEIC files exifr would loop on forever (a box of size 0 before the "meta"
// box) are recognised before exifr sees them, and a real HEIC still passes.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { isIsoBmff, reachesMetaBox } from "@/lib/categorization/extract/iso-bmff";

const box = (kind: string, body: Buffer, size = 8 + body.length) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(size, 0);
  head.write(kind, 4, "latin1");
  return Buffer.concat([head, body]);
};
const ftyp = box("ftyp", Buffer.from("heic\0\0\0\0mif1heic", "latin1"));
const meta = box("meta", Buffer.alloc(24));

describe("the HEIF box walk before exifr", () => {
  it("passes a real HEIC and well-formed boxes", () => {
    const photo = readFileSync(path.join(__dirname, "../../fixtures/images/lab-results-photo.heic"));
    expect(isIsoBmff(photo)).toBe(true);
    expect(reachesMetaBox(photo)).toBe(true);
    expect(reachesMetaBox(Buffer.concat([ftyp, box("free", Buffer.alloc(4)), meta]))).toBe(true);
  });

  it("refuses boxes that would not move the walk forward, or lead outside the file", () => {
    expect(reachesMetaBox(Buffer.concat([ftyp, box("free", Buffer.alloc(16), 0), meta]))).toBe(false);
    // A 64-bit size of 0.
    expect(reachesMetaBox(Buffer.concat([ftyp, box("free", Buffer.alloc(16), 1), meta]))).toBe(false);
    expect(reachesMetaBox(Buffer.concat([ftyp, box("free", Buffer.alloc(4), 4_000), meta]))).toBe(false);
    expect(reachesMetaBox(ftyp)).toBe(false);
    expect(reachesMetaBox(Buffer.concat([ftyp, box("meta", Buffer.alloc(4), 400)]))).toBe(false);
    expect(isIsoBmff(Buffer.from("%PDF-1.7 not a box"))).toBe(false);
  });

  it("lets extractExif answer for a file whose first box after ftyp has size 0, where exifr alone never returns", () => {
    // Found by a worker that stopped for good on such an upload (ftyp, then zeros).
    const poison = Buffer.concat([ftyp, Buffer.alloc(64)]);
    const child = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(__dirname, "support/extract-exif-child.ts"), poison.toString("base64")], {
      cwd: path.join(__dirname, "../../.."),
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(child.signal).toBeNull();
    expect(JSON.parse(child.stdout.trim())).toEqual({ error: "The HEIF boxes do not lead to the metadata" });
  }, 40_000);
});
