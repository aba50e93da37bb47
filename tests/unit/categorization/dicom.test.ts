import { extractDicom, looksLikeDicom, parseDicomDate } from "@/lib/categorization/extract/dicom";
import { buildDicomFile } from "@/tests/factories/dicom";

describe("extractDicom", () => {
  it.each([
    ["CR", "XRAY"],
    ["DX", "XRAY"],
    ["CT", "CT"],
    ["MR", "MRI"],
    ["US", "ULTRASOUND"],
    ["MG", "MAMMOGRAPHY"],
    ["NM", "NUCLEAR"],
    ["PT", "NUCLEAR"],
    ["OT", "OTHER"],
  ])("maps Modality %s to %s", (code, modality) => {
    expect(extractDicom(buildDicomFile({ modality: code, seed: code }))).toMatchObject({ modalityCode: code, modality });
  });

  it("reads the study facts and nothing that identifies the patient", () => {
    const facts = extractDicom(
      buildDicomFile({
        modality: "CT",
        studyDate: "20240129",
        bodyPartExamined: "LSPINE",
        institutionName: "Metro Radiology Associates",
        studyDescription: "CT L-SPINE W/O",
        seriesDescription: "AXIAL BONE",
        referringPhysicianName: "Adeyemi^Kola^^Dr",
        patientName: "Doe^Jane",
        patientId: "MRN-0042",
        patientBirthDate: "19610412",
      }),
    );
    expect(facts).toEqual({
      modalityCode: "CT",
      modality: "CT",
      studyDate: { date: "2024-01-29", tag: "StudyDate" },
      bodyPart: "lumbar spine",
      institution: "Metro Radiology Associates",
      referringPhysician: "Dr Kola Adeyemi",
      descriptions: ["CT L-SPINE W/O", "AXIAL BONE"],
    });
    expect(JSON.stringify(facts)).not.toMatch(/Jane|MRN-0042|1961/);
  });

  it("falls back from StudyDate to SeriesDate and AcquisitionDate", () => {
    expect(extractDicom(buildDicomFile({ modality: "DX", seriesDate: "20221103" })).studyDate).toEqual({ date: "2022-11-03", tag: "SeriesDate" });
    expect(extractDicom(buildDicomFile({ modality: "MG", acquisitionDate: "20211015" })).studyDate).toEqual({ date: "2021-10-15", tag: "AcquisitionDate" });
    expect(extractDicom(buildDicomFile({ modality: "MG" })).studyDate).toBeUndefined();
  });

  it("reads the header of a file cut short in its pixel data", () => {
    const file = buildDicomFile({ modality: "MR", studyDate: "20240402", rows: 256, columns: 256 });
    expect(extractDicom(file.subarray(0, file.length - 100_000)).modality).toBe("MRI");
  });

  it("recognizes Part-10 files and refuses others", () => {
    expect(looksLikeDicom(buildDicomFile({ modality: "CT" }))).toBe(true);
    expect(looksLikeDicom(Buffer.from("%PDF-1.7"))).toBe(false);
    expect(() => extractDicom(Buffer.alloc(300))).toThrow();
    expect(parseDicomDate("20240230")).toBeUndefined();
    expect(parseDicomDate("2024-03-05")).toBeUndefined();
  });
});
