// Content-Disposition for a record file (RFC 6266 with the RFC 5987 filename*):
// an ASCII fallback for old clients and the exact UTF-8 name for the rest.
// The name is user-supplied, so both forms are built to be unable to break
// out of the header: no quotes, backslashes, controls or raw non-ASCII.

/** RFC 5987 attr-char: everything else is percent-encoded. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

function asciiFallback(name: string): string {
  const ascii = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\%;]/g, "_")
    .trim();
  return ascii || "download";
}

export function contentDisposition(options: { type: "attachment" | "inline"; fileName: string }): string {
  const name = options.fileName.replace(/[\p{Cc}\p{Cf}]/gu, "").trim() || "download";
  return `${options.type}; filename="${asciiFallback(name)}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}
