// What a file name says: its words ("bloodwork", "knee", "mri") and a date
// ("2024-03-05_bloodwork.pdf", "IMG_20230714_091233.jpg", "labs 5 March 2024.pdf").
import type { IsoDate } from "../types";
import { isoFromParts } from "../rules/calendar";
import { findDates } from "../rules/parse-dates";

export interface FileNameFacts {
  /** Lower-case words of the name, extension and camera prefixes removed. */
  words: string[];
  date?: IsoDate;
}

// Prefixes cameras and scanners put in names: no meaning for categorization.
const NOISE = new Set(["img", "image", "dsc", "dscn", "pxl", "scan", "scanned", "document", "doc", "file", "copy", "final", "page", "photo", "pic", "mvimg", "edited"]);

// Year-month-day written without separators, or with _ (compact camera/DICOM style).
const COMPACT = /(?<!\d)((?:19|20)\d{2})[_]?(\d{2})[_]?(\d{2})(?!\d)/;

export function extractFileName(fileName: string): FileNameFacts {
  const base = (fileName.split(/[/\\]/).pop() ?? "").replace(/\.[a-z0-9]{1,5}$/i, "");
  const spaced = base.replace(/[_+]+/g, " ");

  // findDates knows the separated formats; the compact form is file-name only.
  let date: IsoDate | undefined = findDates(spaced)[0]?.date;
  if (!date) {
    const compact = base.match(COMPACT);
    if (compact) date = isoFromParts(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  }

  const words = base
    .replace(/x[-_ ]?ray/gi, "xray")
    // camelCase -> camel Case, so "LabResults" reads as two words
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word.length >= 2 && !NOISE.has(word));
  return { words, date };
}
