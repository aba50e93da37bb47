import { groupRecords } from "@/components/records/list/group-records";
import { parseRecordsQuery, recordsHref, toListInput } from "@/components/records/list/records-query";

describe("records query in the URL", () => {
  it("keeps valid filters and drops malformed ones", () => {
    const query = parseRecordsQuery({ category: "LAB_RESULT", from: "2026-01-01", to: "not-a-date", provider: "  St Mary  ", sort: "dateOfService", view: "timeline", archived: "1" });
    expect(query).toEqual({ view: "timeline", sort: "dateOfService", archived: true, category: "LAB_RESULT", from: "2026-01-01", provider: "St Mary" });
    expect(parseRecordsQuery({ category: "nonsense", sort: "x" })).toEqual({ view: "category", sort: "createdAt", archived: false });
  });

  it("maps to listRecords input (timeline sorts by date of service)", () => {
    expect(toListInput(parseRecordsQuery({ view: "timeline" }), 50)).toMatchObject({ status: "READY", sort: "dateOfService", limit: 50 });
    expect(toListInput(parseRecordsQuery({ archived: "1" }), 50)).toMatchObject({ status: "ARCHIVED", sort: "createdAt" });
  });

  it("builds links that reset paging and omit defaults", () => {
    const query = parseRecordsQuery({ category: "IMAGING", cursor: "abc" });
    expect(recordsHref(query)).toBe("/patient?category=IMAGING");
    expect(recordsHref(query, { category: undefined })).toBe("/patient");
    expect(recordsHref(query, { archived: true, view: "timeline" })).toBe("/patient?view=timeline&archived=1&category=IMAGING");
  });
});

describe("grouping", () => {
  const records = [
    { id: "1", category: null, dateOfService: null },
    { id: "2", category: "LAB_RESULT" as const, dateOfService: "2026-03-12" },
    { id: "3", category: "IMAGING" as const, dateOfService: "2026-03-01" },
    { id: "4", category: "LAB_RESULT" as const, dateOfService: "2025-11-30" },
  ];

  it("groups by category in a fixed order, unsorted last", () => {
    const groups = groupRecords(records, "category");
    expect(groups.map((group) => [group.key, group.records.map((record) => record.id)])).toEqual([
      ["IMAGING", ["3"]],
      ["LAB_RESULT", ["2", "4"]],
      ["none", ["1"]],
    ]);
  });

  it("groups by month of service, undated last", () => {
    const groups = groupRecords(records, "timeline");
    expect(groups.map((group) => group.key)).toEqual(["2026-03", "2025-11", "none"]);
  });
});
