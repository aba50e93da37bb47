// Scores every category against the texts of a document and picks one.
//
// score(category) = sum over sources and patterns of
//   pattern weight x source weight x title boost x repeat factor
// where a pattern counts once per source, the repeat factor grows 25% per extra
// occurrence (at most 3 counted), and the title boost doubles a match found in
// the first lines (a heading says what the document is). A DICOM file adds a
// fixed IMAGING score. The best category wins if it reaches MIN_CATEGORY_SCORE
// and beats the runner-up; a tie or a weak best is OTHER.
import type { RecordCategory, SignalSource, TextSource } from "../types";
import { CATEGORY_RULES, DICOM_IMAGING_SCORE, MIN_CATEGORY_SCORE, SOURCE_WEIGHTS, type CategoryPattern, type CategoryRules } from "./category-rules";

export interface CategoryEvidence {
  category: RecordCategory;
  source: SignalSource;
  /** The text that matched, lower-cased (a rule term such as "reference range", never a value). */
  term: string;
  points: number;
}

export interface CategoryScore {
  category: RecordCategory;
  scores: Partial<Record<RecordCategory, number>>;
  /** Evidence for the chosen category, strongest first. */
  evidence: CategoryEvidence[];
  /** Why the result is OTHER, if it is. */
  fallback?: "no_evidence" | "low_score" | "tie";
}

const TITLE_BOOST = 2;
const TITLE_LINES = 4;
const TITLE_MAX_CHARS = 300;
const MAX_REPEATS = 3;

/** A whole-word (or whole-phrase) matcher: the pattern must not touch a letter or digit. */
export function compilePattern(pattern: Pick<CategoryPattern, "match" | "caseSensitive">): RegExp {
  return new RegExp(`(?<![A-Za-z0-9])(?:${pattern.match})(?![A-Za-z0-9])`, pattern.caseSensitive ? "g" : "gi");
}

/** Where the title area of a text ends: after its first few non-empty lines. */
export function titleEnd(text: string): number {
  let seen = 0;
  let offset = 0;
  for (const line of text.split("\n")) {
    offset += line.length + 1;
    if (line.trim()) seen += 1;
    if (seen >= TITLE_LINES) break;
  }
  return Math.min(offset, TITLE_MAX_CHARS);
}

type Compiled = Array<{ category: RecordCategory; pattern: CategoryPattern; regex: RegExp }>;
const cache = new WeakMap<CategoryRules, Compiled>();

function compileRules(rules: CategoryRules): Compiled {
  let compiled = cache.get(rules);
  if (!compiled) {
    compiled = Object.entries(rules).flatMap(([category, patterns]) =>
      (patterns ?? []).map((pattern) => ({ category: category as RecordCategory, pattern, regex: compilePattern(pattern) })),
    );
    cache.set(rules, compiled);
  }
  return compiled;
}

export function scoreCategories(options: { sources: TextSource[]; isDicom?: boolean; rules?: CategoryRules }): CategoryScore {
  const scores: Partial<Record<RecordCategory, number>> = {};
  const evidence: CategoryEvidence[] = [];
  const add = (item: CategoryEvidence) => {
    scores[item.category] = (scores[item.category] ?? 0) + item.points;
    evidence.push(item);
  };

  if (options.isDicom) add({ category: "IMAGING", source: "dicom", term: "DICOM file", points: DICOM_IMAGING_SCORE });

  for (const { source, text } of options.sources) {
    const sourceWeight = SOURCE_WEIGHTS[source];
    if (!sourceWeight || !text.trim()) continue;
    // A file name is all "title": no extra boost for it.
    const title = source === "filename" ? 0 : titleEnd(text);
    for (const { category, pattern, regex } of compileRules(options.rules ?? CATEGORY_RULES)) {
      if (pattern.onlyIn ? !pattern.onlyIn.includes(source) : source === "filename") continue;
      regex.lastIndex = 0;
      const matches = [...text.matchAll(regex)];
      if (matches.length === 0) continue;
      const inTitle = matches.some((match) => match.index < title);
      const repeats = 1 + 0.25 * (Math.min(matches.length, MAX_REPEATS) - 1);
      const points = pattern.weight * sourceWeight * repeats * (inTitle ? TITLE_BOOST : 1);
      add({ category, source, term: matches[0]![0].toLowerCase().replace(/\s+/g, " "), points: Math.round(points * 100) / 100 });
    }
  }

  const ranked = (Object.entries(scores) as Array<[RecordCategory, number]>).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  const rounded = Object.fromEntries(ranked.map(([category, score]) => [category, Math.round(score * 100) / 100]));
  if (!best) return { category: "OTHER", scores: rounded, evidence: [], fallback: "no_evidence" };
  if (best[1] < MIN_CATEGORY_SCORE) return { category: "OTHER", scores: rounded, evidence: [], fallback: "low_score" };
  if (second && Math.abs(best[1] - second[1]) < 1e-9) return { category: "OTHER", scores: rounded, evidence: [], fallback: "tie" };
  return {
    category: best[0],
    scores: rounded,
    evidence: evidence.filter((item) => item.category === best[0]).sort((a, b) => b.points - a.points),
  };
}
