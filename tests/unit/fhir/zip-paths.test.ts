// File names inside the export ZIP: one folder per record, nothing that could
// escape the folder or trip an unzip tool, and the attachment URL that points there.
import { safeFileName, zipPathOf, zipUrlOf } from "@/lib/export/export-blobs";

describe("export ZIP paths", () => {
  it.each([
    ["report.pdf", "report.pdf"],
    ["../../etc/passwd", "__.._etc_passwd"],
    ["a/b\\c:d*e?f\"g<h>i|j.pdf", "a_b_c_d_e_f_g_h_i_j.pdf"],
    [".hidden", "_hidden"],
    ["\u0000\u202e.pdf", "_pdf"],
    ["", "file"],
  ])("%j becomes %j", (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it("shortens long names but keeps the extension", () => {
    const name = safeFileName(`${"x".repeat(300)}.pdf`);
    expect(name.length).toBeLessThanOrEqual(120);
    expect(name.endsWith(".pdf")).toBe(true);
  });

  it("puts each record in its own folder and encodes the URL", () => {
    expect(zipPathOf({ id: "rec1", originalName: "Blood test: März.pdf" })).toBe("files/rec1/Blood test_ März.pdf");
    expect(zipUrlOf({ id: "rec1", originalName: "Blood test: März.pdf" })).toBe("files/rec1/Blood%20test_%20M%C3%A4rz.pdf");
  });
});
