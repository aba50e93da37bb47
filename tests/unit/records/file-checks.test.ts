import { ACCEPT_ATTRIBUTE, checkFile, declaredTypeOf, formatBytes } from "@/components/records/upload/file-checks";

const MiB = 1024 ** 2;

describe("declared type", () => {
  it("trusts the browser's MIME type when it is an allowed one", () => {
    expect(declaredTypeOf({ name: "scan", type: "image/png" })).toBe("image/png");
    expect(declaredTypeOf({ name: "a.JPG", type: "image/jpg" })).toBe("image/jpeg");
  });

  it("falls back to the extension (browsers know no type for DICOM)", () => {
    expect(declaredTypeOf({ name: "CT.DCM", type: "" })).toBe("application/dicom");
    expect(declaredTypeOf({ name: "letter.docx", type: "application/octet-stream" })).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
  });

  it("declares files without extension as DICOM only when the user picked them as DICOM", () => {
    expect(declaredTypeOf({ name: "IM000001", type: "" })).toBeNull();
    expect(declaredTypeOf({ name: "IM000001", type: "" }, { assumeDicom: true })).toBe("application/dicom");
    expect(declaredTypeOf({ name: "notes.exe", type: "" }, { assumeDicom: true })).toBeNull();
  });

  it("lists extensions in the accept attribute", () => {
    expect(ACCEPT_ATTRIBUTE).toContain(".dcm");
    expect(ACCEPT_ATTRIBUTE).toContain("application/pdf");
  });
});

describe("client-side checks", () => {
  it("refuses unsupported types with the allowed list", () => {
    const check = checkFile({ name: "movie.mp4", type: "video/mp4", size: 10 });
    expect(check).toEqual({ ok: false, reason: expect.stringContaining("cannot be uploaded") });
  });

  it("applies 100 MB to documents and 2 GB to imaging", () => {
    expect(checkFile({ name: "a.pdf", type: "application/pdf", size: 100 * MiB }).ok).toBe(true);
    expect(checkFile({ name: "a.pdf", type: "application/pdf", size: 100 * MiB + 1 })).toEqual({
      ok: false,
      reason: "The file is larger than the 100 MB limit for documents.",
    });
    expect(checkFile({ name: "a.png", type: "image/png", size: 101 * MiB }).ok).toBe(true);
    expect(checkFile({ name: "a.dcm", type: "", size: 2 * 1024 * MiB + 1 })).toEqual({
      ok: false,
      reason: "The file is larger than the 2 GB limit for images and scans.",
    });
  });

  it("refuses empty files", () => {
    expect(checkFile({ name: "a.txt", type: "text/plain", size: 0 })).toEqual({ ok: false, reason: "The file is empty." });
  });

  it("formats sizes in binary units", () => {
    expect(formatBytes(512)).toBe("512 bytes");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(100 * MiB)).toBe("100 MB");
  });
});
