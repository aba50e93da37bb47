// Picks the date of service from every date the extractors found.
//
// Preference, strongest first:
//   1. DICOM StudyDate (then SeriesDate, AcquisitionDate, ContentDate)
//   2. a labelled date in the text: "Date of service", "Collected", "Discharge date",
//      "Date given" ... (rank 3), then a bare "Date:" (rank 2), then related dates
//      such as "Reported" or "Invoice date" (rank 1); first in reading order within a rank
//   3. EXIF DateTimeOriginal (when a photo of a document was taken)
//   4. a date in the file name
//   5. the earliest plausible date anywhere in the text
// Dates labelled as birth, print, due, expiry or next-appointment dates are never
// used, nor are dates in the future or before 1900.
import type { IsoDate, SignalSource, TextSource } from "../types";
import { isPlausibleServiceDate } from "./calendar";
import { findDates } from "./parse-dates";

export interface DateEvidence {
  date: IsoDate;
  source: SignalSource;
  detail: string;
}

export function chooseDateOfService(options: {
  dicomDate?: { date: IsoDate; tag: string };
  sources: TextSource[];
  exifDate?: IsoDate;
  fileNameDate?: IsoDate;
  now?: Date;
}): DateEvidence | undefined {
  const now = options.now ?? new Date();
  const plausible = (date: IsoDate | undefined) => (date && isPlausibleServiceDate(date, now) ? date : undefined);

  const dicom = plausible(options.dicomDate?.date);
  if (dicom) return { date: dicom, source: "dicom", detail: `DICOM ${options.dicomDate!.tag}` };

  const texts = options.sources.filter((source) => source.source !== "filename");
  const mentions = texts.flatMap(({ source, text }) =>
    findDates(text, now)
      .filter((mention) => mention.label?.rank !== "excluded" && plausible(mention.date))
      .map((mention) => ({ ...mention, source })),
  );

  const labelled = mentions
    .filter((mention) => mention.label)
    .sort((a, b) => Number(b.label!.rank) - Number(a.label!.rank) || a.index - b.index)[0];
  if (labelled) return { date: labelled.date, source: labelled.source, detail: `labelled "${labelled.label!.name}"` };

  const exif = plausible(options.exifDate);
  if (exif) return { date: exif, source: "exif", detail: "EXIF DateTimeOriginal (photo taken)" };

  const fileName = plausible(options.fileNameDate);
  if (fileName) return { date: fileName, source: "filename", detail: "date in the file name" };

  const earliest = [...mentions].sort((a, b) => a.date.localeCompare(b.date))[0];
  if (earliest) return { date: earliest.date, source: earliest.source, detail: "earliest unlabelled date in the text" };
  return undefined;
}
