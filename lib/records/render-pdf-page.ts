// The first page of a PDF as a PNG, for the records list's thumbnail. MuPDF
// (WebAssembly, no canvas or native library needed) is ESM-only and kept out of
// every bundle (serverExternalPackages): it is loaded here with a native dynamic
// import, once per process, and only by the job worker.

type MuPdf = typeof import("mupdf");

let loading: Promise<MuPdf> | undefined;
const loadMuPdf = () => (loading ??= import("mupdf"));

/**
 * PNG bytes of page 1 scaled to fit `maxSide`, or null when the file has no page
 * we can draw (password-protected, broken beyond repair). MuPDF runs no
 * JavaScript from the document; annotations are drawn as they print.
 */
export async function renderPdfFirstPage(options: { bytes: Uint8Array; maxSide: number }): Promise<Buffer | null> {
  const mupdf = await loadMuPdf();
  let document: InstanceType<MuPdf["Document"]> | undefined;
  let page: ReturnType<InstanceType<MuPdf["Document"]>["loadPage"]> | undefined;
  let pixmap: InstanceType<MuPdf["Pixmap"]> | undefined;
  try {
    document = mupdf.Document.openDocument(options.bytes, "application/pdf");
    if (document.needsPassword() || document.countPages() < 1) return null;
    page = document.loadPage(0);
    const [x0, y0, x1, y1] = page.getBounds();
    const width = x1 - x0;
    const height = y1 - y0;
    if (!(width > 0 && height > 0)) return null;
    const scale = Math.min(options.maxSide / width, options.maxSide / height);
    pixmap = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true);
    return Buffer.from(pixmap.asPNG());
  } catch {
    // A file MuPDF cannot read will not read on a retry either: the list keeps its icon.
    return null;
  } finally {
    pixmap?.destroy();
    page?.destroy();
    document?.destroy();
  }
}
