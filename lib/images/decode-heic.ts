// HEIC/HEIF photos (what iPhones take) as raw RGBA pixels, for the records
// list's thumbnail and for OCR. sharp's prebuilt libvips has no HEVC decoder, so
// libheif compiled to WebAssembly (heic-decode) does the decoding; it is kept
// out of every bundle (serverExternalPackages) and loaded only by the job worker.

export interface DecodedImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
  channels: 4;
}

// A 12-megapixel photo is 48 MB of RGBA; larger pictures (48 MP "ProRAW"
// exports, panoramas) keep their type icon rather than take 200 MB of memory.
const MAX_HEIC_PIXELS = 25_000_000;

type HeicDecode = typeof import("heic-decode");
let loading: Promise<HeicDecode> | undefined;
// A CommonJS module: a native dynamic import gives its exports as `default`.
const loadDecoder = () => (loading ??= import("heic-decode").then((module) => module.default));

/** The primary image's pixels, or null when the file holds no image we can decode or one too large to. */
export async function decodeHeic(bytes: Uint8Array): Promise<DecodedImage | null> {
  const decode = await loadDecoder();
  let images: Awaited<ReturnType<HeicDecode["all"]>>;
  try {
    images = await decode.all({ buffer: bytes });
  } catch {
    // Not HEIF inside, or damaged beyond libheif's repair: a retry would not change that.
    return null;
  }
  try {
    const primary = images[0];
    if (!primary || primary.width * primary.height > MAX_HEIC_PIXELS) return null;
    const { data, width, height } = await primary.decode();
    return { data, width, height, channels: 4 };
  } finally {
    images.dispose();
  }
}
