// Which imaging modality and body part a radiology text describes. Used when
// there is no DICOM header to say so (a scanned or PDF radiology report).
// The modality or body part mentioned most wins; a mention in the title area
// counts double, and ties go to the one mentioned first.
import type { ImagingModality } from "../types";
import { compilePattern, titleEnd } from "./score-categories";

export const MODALITY_PATTERNS: ReadonlyArray<{ modality: ImagingModality; match: string; caseSensitive?: boolean }> = [
  { modality: "MAMMOGRAPHY", match: "mammogra\\w*|tomosynthesis|bi-?rads|mammo" },
  { modality: "NUCLEAR", match: "nuclear medicine|scintigra\\w*|spect|bone scan|radionuclide|pet[/-]ct|pet scan|fdg" },
  { modality: "NUCLEAR", match: "PET", caseSensitive: true },
  { modality: "CT", match: "computed tomography|cat scan|cta|ct" },
  { modality: "MRI", match: "magnetic resonance|mri|mra" },
  { modality: "MRI", match: "MR", caseSensitive: true },
  { modality: "ULTRASOUND", match: "ultrasound|ultrasonograph\\w*|sonograph\\w*|sonogram|doppler|echocardiogra\\w*|duplex" },
  { modality: "ULTRASOUND", match: "US", caseSensitive: true },
  { modality: "XRAY", match: "x-?rays?|xray|radiographs?|radiography|cxr|plain films?" },
  { modality: "XRAY", match: "XR|DX|CR", caseSensitive: true },
];

// Normalized names, most specific first ("lumbar spine" before "spine").
export const BODY_PART_PATTERNS: ReadonlyArray<{ bodyPart: string; match: string }> = [
  { bodyPart: "cervical spine", match: "cervical spine|c-spine|cspine" },
  { bodyPart: "thoracic spine", match: "thoracic spine|t-spine|tspine" },
  { bodyPart: "lumbar spine", match: "lumbar spine|l-spine|lspine|lumbosacral spine" },
  { bodyPart: "spine", match: "spine|spinal" },
  { bodyPart: "chest", match: "chest|thorax|thoracic|lungs?|pulmonary" },
  { bodyPart: "abdomen", match: "abdomen|abdominal|liver|gallbladder|pancreas|spleen|kidneys?|renal" },
  { bodyPart: "pelvis", match: "pelvis|pelvic|bladder|uterus|ovar(?:y|ies)|prostate" },
  { bodyPart: "head", match: "head|brain|skull|cranial|intracranial" },
  { bodyPart: "neck", match: "neck|thyroid|carotids?" },
  { bodyPart: "sinuses", match: "sinus(?:es)?|paranasal" },
  { bodyPart: "breast", match: "breasts?|mammary" },
  { bodyPart: "heart", match: "heart|cardiac|echocardiogra\\w*" },
  { bodyPart: "shoulder", match: "shoulders?|rotator cuff" },
  { bodyPart: "elbow", match: "elbows?" },
  { bodyPart: "wrist", match: "wrists?" },
  { bodyPart: "hand", match: "hands?|fingers?|metacarpals?" },
  { bodyPart: "hip", match: "hips?" },
  { bodyPart: "knee", match: "knees?|patella|meniscus|menisci|acl" },
  { bodyPart: "ankle", match: "ankles?" },
  { bodyPart: "foot", match: "foot|feet|toes?|metatarsals?" },
  { bodyPart: "whole body", match: "whole body|whole-body|skull base to (?:mid-?)?thigh" },
];

function bestMatch<T>(text: string, patterns: ReadonlyArray<T & { match: string; caseSensitive?: boolean }>, key: (item: T) => string) {
  const title = titleEnd(text);
  const totals = new Map<string, { points: number; first: number; term: string }>();
  for (const pattern of patterns) {
    for (const match of text.matchAll(compilePattern(pattern))) {
      const name = key(pattern);
      const current = totals.get(name) ?? { points: 0, first: Number.MAX_SAFE_INTEGER, term: match[0].toLowerCase() };
      current.points += match.index < title ? 2 : 1;
      if (match.index < current.first) {
        current.first = match.index;
        current.term = match[0].toLowerCase();
      }
      totals.set(name, current);
    }
  }
  const ranked = [...totals.entries()].sort((a, b) => b[1].points - a[1].points || a[1].first - b[1].first);
  const top = ranked[0];
  return top ? { name: top[0], term: top[1].term, points: top[1].points } : undefined;
}

export function modalityFromText(text: string): { modality: ImagingModality; term: string } | undefined {
  const best = bestMatch(text, MODALITY_PATTERNS, (item) => item.modality);
  return best && { modality: best.name as ImagingModality, term: best.term };
}

export function bodyPartFromText(text: string): { bodyPart: string; term: string } | undefined {
  const best = bestMatch(text, BODY_PART_PATTERNS, (item) => item.bodyPart);
  return best && { bodyPart: best.name, term: best.term };
}
