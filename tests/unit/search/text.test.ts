// Search text handling: words only, marks only from engines, segments without markup.
import { HIGHLIGHT_END as E, HIGHLIGHT_START as S, stripHighlightMarks, toHighlightSegments } from "@/lib/search/highlight";
import { queryTerms } from "@/lib/search/query-terms";
import { buildSearchDocument } from "@/lib/search/search-document";

describe("queryTerms", () => {
  it("keeps letters and digits only, lower case, unique, at most eight", () => {
    expect(queryTerms('x OR ownerId != 0 "quoted") -- ;')).toEqual(["x", "or", "ownerid", "0", "quoted"]);
    expect(queryTerms("Hämoglobin  HbA1c")).toEqual(["hämoglobin", "hba1c"]);
    expect(queryTerms("a b c d e f g h i j")).toHaveLength(8);
    expect(queryTerms("  ")).toEqual([]);
  });
});

describe("toHighlightSegments", () => {
  it("splits on marks and never returns a mark", () => {
    expect(toHighlightSegments(`a <b>${S}fracture${E}</b> c`)).toEqual([
      { text: "a <b>", highlighted: false },
      { text: "fracture", highlighted: true },
      { text: "</b> c", highlighted: false },
    ]);
    expect(toHighlightSegments(`${E}x${S}`)).toEqual([{ text: "x", highlighted: false }]);
    expect(stripHighlightMarks(`a${S}b${E}`)).toBe("ab");
  });
});

describe("buildSearchDocument", () => {
  it("puts DICOM descriptions with the labels and strips marks", () => {
    const doc = buildSearchDocument({
      id: "r",
      ownerId: "o",
      originalName: `chest-xray_${S}2024${E}.dcm`,
      mimeType: "application/dicom",
      status: "READY",
      category: "IMAGING",
      dateOfService: null,
      modality: "XRAY",
      bodyPart: "Chest",
      sourceProvider: "General Hospital",
      keywords: ["pa view"],
      tags: ["lungs"],
      extractedText: "CHEST PA AND LATERAL",
      version: 1,
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    expect(doc.title).toBe("chest-xray_2024.dcm");
    expect(doc.primary).toBe("chest xray 2024 dcm lungs");
    expect(doc.labels).toBe("Imaging · General Hospital · X-ray · Chest · pa view");
    expect(doc.dicomText).toBe("CHEST PA AND LATERAL");
    expect(doc.content).toBe("");
    expect(doc.lexicon).toEqual(expect.arrayContaining(["chest", "xray", "lateral", "hospital"]));
  });
});
