// Finds the dates written in a text and the label each one carries.
//
// Formats: 2024-03-05, 2024/03/05, 2024.03.05; 03/05/2024, 3-5-2024 and 03/05/24
// (month first, as in the US, unless the first number cannot be a month);
// 05.03.2024 (day first: dots are the European habit); 5 March 2024, 5th Mar 2024,
// 05-Mar-2024; March 5, 2024, Mar 5th 2024. Two-digit years become 19xx or 20xx,
// whichever is not in the future.
import type { IsoDate } from "../types";
import { isoFromParts } from "./calendar";
import { DATE_LABEL_RULES, type DateLabelRule } from "./date-labels";

export interface DateMention {
  date: IsoDate;
  /** Offset in the text, for "first in reading order". */
  index: number;
  /** The label rule the date carries, if any. */
  label?: DateLabelRule;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const ORDINAL = "(?:st|nd|rd|th)?";

type Reader = (match: RegExpExecArray, now: Date) => IsoDate | undefined;

function monthNumber(name: string): number {
  return MONTHS[name.slice(0, 3).toLowerCase()] ?? 0;
}

function fullYear(digits: string, now: Date): number {
  if (digits.length === 4) return Number(digits);
  const year = 2000 + Number(digits);
  return year > now.getUTCFullYear() ? year - 100 : year;
}

// Order matters: earlier patterns claim their characters first.
const FORMATS: ReadonlyArray<{ regex: RegExp; read: Reader }> = [
  {
    // 2024-03-05, 2024/3/5, 2024.03.05
    regex: /(?<![\d/.-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d/-]|\.\d)/g,
    read: (m) => isoFromParts(Number(m[1]), Number(m[3]), Number(m[4])),
  },
  {
    // 03/05/2024, 3-5-24, 05.03.2024
    regex: /(?<![\d/.-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d/-]|\.\d)/g,
    read: (m, now) => {
      const [a, b, year] = [Number(m[1]), Number(m[3]), fullYear(m[4]!, now)];
      const dayFirst = m[2] === "." ? b <= 12 || a > 12 : a > 12;
      return dayFirst ? isoFromParts(year, b, a) : isoFromParts(year, a, b);
    },
  },
  {
    // 5 March 2024, 5th Mar. 2024, 05-Mar-2024, 5 Mar, 2024
    regex: new RegExp(`\\b(\\d{1,2})${ORDINAL}[\\s-]+(?:of\\s+)?${MONTH}\\.?,?[\\s-]+(\\d{4})\\b`, "gi"),
    read: (m) => isoFromParts(Number(m[3]), monthNumber(m[2]!), Number(m[1])),
  },
  {
    // March 5, 2024, Mar 5th 2024, Mar. 05 2024
    regex: new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})\\b`, "gi"),
    read: (m) => isoFromParts(Number(m[3]), monthNumber(m[1]!), Number(m[2])),
  },
];

const LABEL_MATCHERS = DATE_LABEL_RULES.map((rule) => ({
  rule,
  regex: new RegExp(`(?:^|[^a-z])(?:${rule.pattern})\\s*(?:[:#=\\-–]|\\bon\\b)?\\s*$`, "i"),
}));

/** The label rule matching the end of `before` (the text between the previous date and this one). */
export function labelFor(before: string): DateLabelRule | undefined {
  const tail = before.slice(-60);
  return LABEL_MATCHERS.find(({ regex }) => regex.test(tail))?.rule;
}

/** Every date in `text`, in reading order, with its label. Impossible dates (31/02) are skipped. */
export function findDates(text: string, now: Date = new Date()): DateMention[] {
  const mentions: DateMention[] = [];
  let lineStart = 0;
  let previousLine = "";
  for (const line of text.split("\n")) {
    const found: Array<{ start: number; end: number; date: IsoDate }> = [];
    const taken = (start: number, end: number) => found.some((f) => start < f.end && end > f.start);
    for (const { regex, read } of FORMATS) {
      regex.lastIndex = 0;
      for (let match = regex.exec(line); match; match = regex.exec(line)) {
        const [start, end] = [match.index, match.index + match[0].length];
        if (taken(start, end)) continue;
        const date = read(match, now);
        if (date) found.push({ start, end, date });
      }
    }
    found.sort((x, y) => x.start - y.start);
    let cursor = 0;
    for (const { start, end, date } of found) {
      const before = line.slice(cursor, start);
      // A label alone on the line above ("Collected:" / "03/05/2024") counts too.
      let label = labelFor(before);
      // A date opening a table row takes the header of the first column ("Date   Description   Amount").
      if (!label && cursor === 0 && !before.trim()) {
        const header = previousLine.trim();
        label = header.length <= 40 ? labelFor(header) : undefined;
        label ??= labelFor(header.split(/\s{2,}|\t/)[0] ?? "");
      }
      mentions.push({ date, index: lineStart + start, label });
      cursor = end;
    }
    lineStart += line.length + 1;
    if (line.trim()) previousLine = line;
  }
  return mentions;
}
