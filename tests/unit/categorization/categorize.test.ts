import { readFile } from "node:fs/promises";
import path from "node:path";
import { categorizeDocument } from "@/lib/categorization/categorize";
import { terminateOcrWorker } from "@/lib/categorization/extract/ocr";
import { buildDicomFile } from "@/tests/factories/dicom";

// The HEIC photo is read by OCR for real (the worker starts in a few seconds).
jest.setTimeout(60_000);
afterAll(() => terminateOcrWorker());

const now = new Date("2025-06-01T00:00:00Z");

describe("categorizeDocument", () => {
  it("categorizes a DICOM file from its header, with the why", async () => {
    const bytes = buildDicomFile({ modality: "CR", studyDate: "20230630", bodyPartExamined: "CHEST", institutionName: "Cedar Imaging Partners", patientName: "Doe^Jane" });
    const result = await categorizeDocument({ bytes, mimeType: "application/dicom", fileName: "image.dcm", now });
    expect(result).toMatchObject({ category: "IMAGING", modality: "XRAY", bodyPart: "chest", dateOfService: "2023-06-30", sourceProvider: "Cedar Imaging Partners" });
    expect(result.signals).toEqual(
      expect.arrayContaining([
        { field: "category", value: "IMAGING", source: "dicom", detail: expect.any(String) },
        { field: "modality", value: "XRAY", source: "dicom", detail: "Modality CR" },
        { field: "dateOfService", value: "2023-06-30", source: "dicom", detail: "DICOM StudyDate" },
      ]),
    );
    expect(JSON.stringify(result)).not.toContain("Jane");
  });

  it("reads plain text uploads", async () => {
    const bytes = Buffer.from("Immunization record\nInfluenza vaccine\nDate administered: October 3, 2023\nLot number: UT8472AA");
    const result = await categorizeDocument({ bytes, mimeType: "text/plain", fileName: "notes.txt", now });
    expect(result).toMatchObject({ category: "IMMUNIZATION", dateOfService: "2023-10-03" });
    expect(result.signals.find((signal) => signal.field === "dateOfService")).toMatchObject({ source: "text", detail: 'labelled "administered"' });
  });

  it("reads a HEIC photo of a lab report (an iPhone's format) by OCR, whatever its file name", async () => {
    const bytes = await readFile(path.join(__dirname, "../../fixtures/images/lab-results-photo.heic"));
    const result = await categorizeDocument({ bytes, mimeType: "image/heic", fileName: "IMG_5512.HEIC", now });
    expect(result).toMatchObject({ category: "LAB_RESULT", dateOfService: "2024-02-02" });
    expect(result.signals).toEqual(expect.arrayContaining([expect.objectContaining({ field: "dateOfService", source: "ocr" })]));
    expect(result.keywords).toEqual(expect.arrayContaining(["glucose"]));
    expect(result.notes).toEqual([]);
  });

  it("falls back to the file name, with a note, for what it cannot read", async () => {
    const heic = await categorizeDocument({ bytes: Buffer.from("not really heic"), mimeType: "image/heic", fileName: "2024-03-05_bloodwork.heic", now });
    expect(heic).toMatchObject({ category: "LAB_RESULT", dateOfService: "2024-03-05" });
    expect(heic.notes).toContain("heic: the photo could not be decoded (damaged, or too large); categorized from EXIF and file name");

    const broken = await categorizeDocument({ bytes: Buffer.from("%PDF-1.7 garbage"), mimeType: "application/pdf", fileName: "referral letter.pdf", now });
    expect(broken.category).toBe("REFERRAL");
    expect(broken.notes).toContain("pdf: could not be read");

    const docx = await categorizeDocument({ bytes: Buffer.from("PK"), mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", fileName: "summary.docx", now });
    expect(docx.category).toBe("OTHER");
    expect(docx.extractedText).toBe("");
  });
});
