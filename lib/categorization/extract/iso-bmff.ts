// A check of an ISO base media file (HEIC, HEIF, AVIF: "ftyp" at byte 4) before
// exifr reads it. exifr walks the top-level boxes to the "meta" box by adding
// each box's size to its offset; a box of size 0 (or a 64-bit size of 0) never
// moves it on, and the walk loops forever on microtasks, so the job worker's
// event loop stops: every job and heartbeat with it. A crafted or truncated
// upload must not do that. This walks the same way and says whether "meta" is
// reached with every step moving forward and inside the file.

const BOX_HEADER = 8;

export function isIsoBmff(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && bytes[4] === 0x66 && bytes[5] === 0x74 && bytes[6] === 0x79 && bytes[7] === 0x70; // "ftyp"
}

/** True when the boxes from the start lead to a "meta" box, each of a size that moves the walk forward. */
export function reachesMetaBox(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  // A HEIC file has a handful of top-level boxes; the bound only guards against a long chain of tiny ones.
  for (let step = 0; step < 1_000; step++) {
    if (offset + BOX_HEADER > bytes.length) return false;
    let size = view.getUint32(offset);
    const kind = String.fromCharCode(bytes[offset + 4]!, bytes[offset + 5]!, bytes[offset + 6]!, bytes[offset + 7]!);
    if (size === 1) {
      // A 64-bit size follows the header.
      if (offset + 16 > bytes.length) return false;
      size = Number(view.getBigUint64(offset + 8));
    }
    if (kind === "meta") return size >= BOX_HEADER && offset + size <= bytes.length;
    if (size < BOX_HEADER) return false;
    offset += size;
  }
  return false;
}
