// When a photo (of a paper document, usually) was taken: EXIF DateTimeOriginal,
// falling back to CreateDate. EXIF times carry no time zone; the calendar date
// is read from the raw "YYYY:MM:DD hh:mm:ss" text so no zone shift can move it.
// HEIC is read too (exifr parses its container even where sharp cannot decode it),
// once iso-bmff.ts has checked that exifr's walk to its metadata ends.
import exifr from "exifr";
import { isIsoBmff, reachesMetaBox } from "./iso-bmff";
import type { IsoDate } from "../types";
import { isoFromParts } from "../rules/calendar";

export interface ExifFacts {
  dateTaken?: IsoDate;
  tag?: "DateTimeOriginal" | "CreateDate";
}

function calendarDate(value: unknown): IsoDate | undefined {
  const match = typeof value === "string" ? value.match(/^(\d{4})[:-](\d{2})[:-](\d{2})/) : null;
  return match ? isoFromParts(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
}

export async function extractExif(bytes: Uint8Array): Promise<ExifFacts> {
  // By content, not declared type: exifr picks its parser from the bytes too.
  if (isIsoBmff(bytes) && !reachesMetaBox(bytes)) throw new Error("The HEIF boxes do not lead to the metadata");
  const tags = (await exifr.parse(bytes, { pick: ["DateTimeOriginal", "CreateDate"], reviveValues: false })) as Record<string, unknown> | undefined;
  if (!tags) return {};
  const original = calendarDate(tags.DateTimeOriginal);
  if (original) return { dateTaken: original, tag: "DateTimeOriginal" };
  const created = calendarDate(tags.CreateDate);
  return created ? { dateTaken: created, tag: "CreateDate" } : {};
}
