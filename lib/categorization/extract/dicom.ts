// Reads the header of a DICOM Part-10 file: what was imaged, when, where and how.
// Pixel data is never parsed (parsing stops at (7FE0,0010)), so a file cut short
// after its header still yields its tags. Patient name, ID and birth date are
// deliberately not read: they identify the patient and say nothing about the study.
import dicomParser from "dicom-parser";
import type { ImagingModality, IsoDate } from "../types";
import { isoFromParts } from "../rules/calendar";

export interface DicomFacts {
  /** The raw Modality code, e.g. "CR". */
  modalityCode?: string;
  modality?: ImagingModality;
  studyDate?: { date: IsoDate; tag: "StudyDate" | "SeriesDate" | "AcquisitionDate" | "ContentDate" };
  bodyPart?: string;
  institution?: string;
  referringPhysician?: string;
  /** StudyDescription and SeriesDescription, in that order. */
  descriptions: string[];
}

// DICOM PS3.3 C.7.3.1.1.1 defined terms, grouped the way patients think of them.
const MODALITY_BY_CODE: Record<string, ImagingModality> = {
  CR: "XRAY",
  DX: "XRAY",
  RF: "XRAY",
  XA: "XRAY",
  IO: "XRAY",
  PX: "XRAY",
  CT: "CT",
  MR: "MRI",
  US: "ULTRASOUND",
  MG: "MAMMOGRAPHY",
  NM: "NUCLEAR",
  PT: "NUCLEAR",
};

// BodyPartExamined codes (PS3.16 Annex L) that do not read well lower-cased.
const BODY_PART_NAMES: Record<string, string> = {
  CSPINE: "cervical spine",
  TSPINE: "thoracic spine",
  LSPINE: "lumbar spine",
  SSPINE: "sacral spine",
  WHOLEBODY: "whole body",
  CHESTABDOMEN: "chest and abdomen",
  ABDOMENPELVIS: "abdomen and pelvis",
  CHEST_ABDOMEN_PELVIS: "chest, abdomen and pelvis",
  HEADNECK: "head and neck",
  EXTREMITY: "extremity",
  LEG: "leg",
  ARM: "arm",
};

const TAGS = {
  studyDate: "x00080020",
  seriesDate: "x00080021",
  acquisitionDate: "x00080022",
  contentDate: "x00080023",
  modality: "x00080060",
  institution: "x00080080",
  referringPhysician: "x00080090",
  studyDescription: "x00081030",
  seriesDescription: "x0008103e",
  bodyPart: "x00180015",
  pixelData: "x7fe00010",
} as const;

/** "20240305" (DA) -> "2024-03-05"; anything else -> undefined. */
export function parseDicomDate(value: string | undefined): IsoDate | undefined {
  const match = value?.trim().match(/^(\d{4})(\d{2})(\d{2})$/);
  if (!match) return undefined;
  return isoFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** "Smith^John^^Dr" (PN) -> "Dr John Smith". */
function personName(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const [family = "", given = "", middle = "", prefix = "", suffix = ""] = value.split("=")[0]!.split("^");
  const name = [prefix, given, middle, family, suffix].map((part) => part.trim()).filter(Boolean).join(" ");
  return name || undefined;
}

function bodyPartName(code: string | undefined): string | undefined {
  const normalized = code?.trim().toUpperCase();
  if (!normalized) return undefined;
  return BODY_PART_NAMES[normalized] ?? normalized.toLowerCase().replace(/_/g, " ");
}

/** True when the bytes carry the Part-10 "DICM" marker after the 128-byte preamble. */
export function looksLikeDicom(bytes: Uint8Array): boolean {
  return bytes.length >= 132 && bytes[128] === 0x44 && bytes[129] === 0x49 && bytes[130] === 0x43 && bytes[131] === 0x4d;
}

/** The study facts of a DICOM file; throws when the bytes are not a readable Part-10 file. */
export function extractDicom(bytes: Uint8Array): DicomFacts {
  const dataSet = dicomParser.parseDicom(bytes, { untilTag: TAGS.pixelData });
  const read = (tag: string) => dataSet.string(tag)?.trim() || undefined;

  const modalityCode = read(TAGS.modality)?.toUpperCase();
  const dates = [
    ["StudyDate", TAGS.studyDate],
    ["SeriesDate", TAGS.seriesDate],
    ["AcquisitionDate", TAGS.acquisitionDate],
    ["ContentDate", TAGS.contentDate],
  ] as const;
  let studyDate: DicomFacts["studyDate"];
  for (const [name, tag] of dates) {
    const date = parseDicomDate(read(tag));
    if (date) {
      studyDate = { date, tag: name };
      break;
    }
  }

  return {
    modalityCode,
    modality: modalityCode ? (MODALITY_BY_CODE[modalityCode] ?? "OTHER") : undefined,
    studyDate,
    bodyPart: bodyPartName(read(TAGS.bodyPart)),
    institution: read(TAGS.institution),
    referringPhysician: personName(read(TAGS.referringPhysician)),
    descriptions: [read(TAGS.studyDescription), read(TAGS.seriesDescription)].filter((value): value is string => Boolean(value)),
  };
}
