// A small multi-frame CT for the viewer tests (64x64, 16-bit, Hounsfield
// rescale), written by the shared DICOM factory.
import { buildDicomFile } from "../../factories/dicom";

export function multiFrameCtBytes(options: { frames?: number; size?: number; seed?: string } = {}): Buffer {
  const size = options.size ?? 64;
  return buildDicomFile({
    modality: "CT",
    studyDate: "20240305",
    institutionName: "E2E Imaging Center",
    bodyPartExamined: "CHEST",
    patientId: "E2E-0001",
    rows: size,
    columns: size,
    frames: options.frames ?? 5,
    rescale: { intercept: -1024, slope: 1 },
    seed: options.seed ?? "e2e-ct",
  });
}
