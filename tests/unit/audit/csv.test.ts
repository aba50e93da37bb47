import { csvCell, csvRow } from "@/lib/admin/audit/csv";

describe("csvCell", () => {
  it.each([
    ["=HYPERLINK(\"http://x\")", `"'=HYPERLINK(""http://x"")"`],
    ["+1+2", `"'+1+2"`],
    ["-2+3", `"'-2+3"`],
    ["@SUM(A1)", `"'@SUM(A1)"`],
    ["\t=1", `"'\t=1"`],
    ["\r=1", `"'\r=1"`],
  ])("neutralizes a formula: %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("quotes commas, quotes and line breaks, and leaves plain text alone", () => {
    expect(csvCell("record.downloaded")).toBe("record.downloaded");
    expect(csvCell('Mozilla/5.0 (X11; "Linux")')).toBe('"Mozilla/5.0 (X11; ""Linux"")"');
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(new Date("2026-11-23T14:02:00Z"))).toBe("2026-11-23T14:02:00.000Z");
    expect(csvCell({ emergency: true })).toBe('"{""emergency"":true}"');
  });

  it("joins a row with CRLF", () => {
    expect(csvRow(["1", "=x", null])).toBe(`1,"'=x",\r\n`);
  });
});
