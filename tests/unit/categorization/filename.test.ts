import { extractFileName } from "@/lib/categorization/extract/filename";

describe("extractFileName", () => {
  it.each([
    ["2024-03-05_bloodwork.pdf", "2024-03-05", ["bloodwork"]],
    ["IMG_20230714_091233.jpg", "2023-07-14", []],
    ["PXL_20240819_181522.jpg", "2024-08-19", []],
    ["xray_left_wrist_20190322.png", "2019-03-22", ["xray", "left", "wrist"]],
    ["covid vaccine card 14 Jan 2022.jpg", "2022-01-14", ["covid", "vaccine", "card", "jan"]],
    ["bloodwork_03-05-2024.pdf", "2024-03-05", ["bloodwork"]],
    ["Chest X-Ray.pdf", undefined, ["chest", "xray"]],
    ["LabResults.pdf", undefined, ["lab", "results"]],
    ["scan0001.pdf", undefined, []],
  ])("%s -> date %s, words %j", (name, date, words) => {
    expect(extractFileName(name)).toEqual({ date, words });
  });

  it("ignores folders in the name and impossible compact dates", () => {
    expect(extractFileName("C:\\Users\\me\\20241399_report.pdf")).toEqual({ date: undefined, words: ["report"] });
  });
});
