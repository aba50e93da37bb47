import { CATEGORY_RULES, MIN_CATEGORY_SCORE } from "@/lib/categorization/rules/category-rules";
import { bodyPartFromText, modalityFromText } from "@/lib/categorization/rules/imaging-rules";
import { pickKeywords } from "@/lib/categorization/rules/keywords";
import { providerFromText } from "@/lib/categorization/rules/provider";
import { scoreCategories } from "@/lib/categorization/rules/score-categories";
import type { TextSource } from "@/lib/categorization/types";

const pdf = (text: string): TextSource[] => [{ source: "pdf-text", text }];

describe("scoreCategories", () => {
  it.each([
    ["LAB_RESULT", "Laboratory Report\nHemoglobin 13.1 g/dL  Reference range 12.0 - 15.5\nSpecimen: blood"],
    ["PRESCRIPTION", "Rx\nLisinopril 10 mg\nSig: take 1 tablet by mouth daily\nDisp: 30  Refills: 2"],
    ["DISCHARGE_SUMMARY", "Discharge Summary\nAdmission date: 01/03/2024\nDischarge diagnosis: pneumonia\nHospital course: uneventful"],
    ["REFERRAL", "Dear Dr. Patel,\nReason for referral: knee pain. I am referring him for an opinion.\nThank you for seeing him."],
    ["IMMUNIZATION", "Immunization record\nInfluenza vaccine, lot number UT8472, left deltoid"],
    ["INSURANCE_BILLING", "Invoice\nCPT 99214 office visit $210.00\nAmount due: $210.00"],
    ["CLINICAL_NOTE", "Progress note\nChief complaint: cough\nSubjective: ...\nObjective: ...\nAssessment: ...\nPlan: ..."],
    ["IMAGING", "Radiology report\nCT abdomen with contrast\nFindings: normal\nImpression: no acute abnormality"],
  ])("recognizes %s", (category, text) => {
    const scored = scoreCategories({ sources: pdf(text) });
    expect(scored.category).toBe(category);
    expect(scored.evidence.length).toBeGreaterThan(0);
    expect(scored.evidence.every((item) => item.category === category)).toBe(true);
  });

  it("falls back to OTHER without evidence, with weak evidence and on a tie", () => {
    expect(scoreCategories({ sources: pdf("To whom it may concern, this letter confirms attendance.") })).toMatchObject({ category: "OTHER", fallback: "no_evidence" });
    expect(scoreCategories({ sources: pdf("The results are attached.") })).toMatchObject({ category: "OTHER", fallback: "low_score" });
    const tie = { LAB_RESULT: [{ match: "alpha", weight: 5 }], REFERRAL: [{ match: "beta", weight: 5 }] };
    expect(scoreCategories({ sources: pdf("alpha beta"), rules: tie })).toMatchObject({ category: "OTHER", fallback: "tie" });
    expect(MIN_CATEGORY_SCORE).toBeGreaterThan(0);
  });

  it("makes a DICOM file IMAGING whatever its text says", () => {
    expect(scoreCategories({ sources: [{ source: "dicom", text: "LAB SPECIMEN" }], isDicom: true }).category).toBe("IMAGING");
  });

  it("weighs sources: a match in OCR text counts less than in a text layer, a title match double", () => {
    const rules = { LAB_RESULT: [{ match: "specimen", weight: 2 }] };
    const body = "\n\n\n\n\nline\nline\nline\nline\nspecimen";
    const points = (sources: TextSource[]) => scoreCategories({ sources, rules }).scores.LAB_RESULT;
    expect(points([{ source: "ocr", text: body }])).toBeLessThan(points([{ source: "pdf-text", text: body }])!);
    expect(points([{ source: "pdf-text", text: "specimen" }])).toBe(2 * points([{ source: "pdf-text", text: body }])!);
  });

  it("matches whole words only and applies file-name aliases to file names only", () => {
    expect(scoreCategories({ sources: pdf("The contract was signed.") }).category).toBe("OTHER");
    expect(scoreCategories({ sources: [{ source: "filename", text: "bloodwork" }] }).category).toBe("LAB_RESULT");
    expect(scoreCategories({ sources: pdf("bloodwork") }).scores.LAB_RESULT).toBeUndefined();
  });

  it("has a rule list for every category but OTHER", () => {
    expect(Object.keys(CATEGORY_RULES).sort()).toEqual(["CLINICAL_NOTE", "DISCHARGE_SUMMARY", "IMAGING", "IMMUNIZATION", "INSURANCE_BILLING", "LAB_RESULT", "PRESCRIPTION", "REFERRAL"]);
  });
});

describe("imaging, provider and keyword rules", () => {
  it("reads modality and body part from a report's text", () => {
    expect(modalityFromText("MRI LEFT KNEE WITHOUT CONTRAST\nTechnique: MR imaging")?.modality).toBe("MRI");
    expect(modalityFromText("XR CHEST 2 VIEWS")?.modality).toBe("XRAY");
    expect(modalityFromText("Ultrasound abdomen complete")?.modality).toBe("ULTRASOUND");
    expect(modalityFromText("PET/CT FDG skull base to thigh")?.modality).toBe("NUCLEAR");
    expect(bodyPartFromText("MRI LEFT KNEE\nmedial meniscus tear")?.bodyPart).toBe("knee");
    expect(bodyPartFromText("XR LUMBAR SPINE")?.bodyPart).toBe("lumbar spine");
  });

  it("finds the facility in a letterhead or a labelled line, not in titles or sentences", () => {
    expect(providerFromText("LABORATORY REPORT\nNorthside Clinical Laboratory\n1200 Harbor Road")?.name).toBe("Northside Clinical Laboratory");
    expect(providerFromText("Radiology Report\nPerformed at: Cedar Imaging Partners")).toEqual({ name: "Cedar Imaging Partners", labelled: true });
    expect(providerFromText("The patient was admitted to the hospital for observation.")).toBeUndefined();
  });

  it("keeps at most ten keywords, without numbers, identifying lines or names", () => {
    const keywords = pickKeywords({
      ruleTerms: ["reference range", "hemoglobin", "thank you for seeing"],
      text: "Patient: Jane Sample\nMRN 12345\nHemoglobin hemoglobin anemia ferritin iron transferrin saturation deficiency supplement ferritin\nSeen by Dr. Zimmerman today about anemia ABC123",
    });
    expect(keywords.length).toBeLessThanOrEqual(10);
    expect(keywords.slice(0, 2)).toEqual(["reference range", "hemoglobin"]);
    expect(keywords).toContain("ferritin");
    expect(keywords.join(" ")).not.toMatch(/jane|sample|zimmerman|\d|thank/);
  });
});
