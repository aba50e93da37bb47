// Up to ten words that say what a document is about, for search and display.
// First the rule terms that decided the category ("reference range", "mri"), then
// the most frequent content words. Never numbers or identifiers: words with
// digits are skipped, lines that identify the patient (name, birth date, MRN,
// address, member ID) are skipped, and so are words only ever written
// capitalized mid-line (names of people and places).

export const MAX_KEYWORDS = 10;

const IDENTIFYING_LINE = /\b(?:patient(?: name)?|name|dob|d\.o\.b|date of birth|born|mrn|medical record|account|acct|member|subscriber|policy|group|ssn|address|phone|tel|fax|email|e-mail|id|guarantor|insured|attn|dear|sincerely|signed|signature)\b/i;

// English function words: a rule phrase containing one ("thank you for seeing") is not a topic.
const FUNCTION_WORDS = new Set(
  `about above after again against all also among and any are around because been before being below between both but can cannot could did does doing done down during each either else every few for from further had has have having her here hers herself him himself his how however into its itself just last like may might more most much must near need next nor not now off once only other our ours out over own per please same she should since some such than that the their them then there these they this those through thus too under until upon very was were what when where which while who whom whose why will with within without would yet you your yours i me my we us be is am would thank thanks dear please kindly grateful many date`.split(/\s+/),
);

// Function words plus form words that say nothing about the content.
const STOPWORDS = new Set([
  ...FUNCTION_WORDS,
  ...`date dates time page pages report reports name number total result results value values unit units range none normal patient patients physician doctor provider facility clinic hospital center centre medical health care department phone fax address street suite road avenue city state county zip code email signed signature electronically sincerely dear regards thank thanks hello today yesterday tomorrow please call contact information office visit copy original form forms printed print year years month months week weeks day days daily left right well good noted note notes seen see seen per reviewed review mr mrs ms dr md rn np pa do no yes`.split(/\s+/),
]);

function contentWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const lowerSeen = new Set<string>();
  const capitalizedOnly = new Map<string, boolean>();
  const names = new Set<string>();
  for (const line of text.split("\n")) {
    if (IDENTIFYING_LINE.test(line)) continue;
    const words = [...line.matchAll(/[A-Za-z][A-Za-z'-]*[A-Za-z]/g)];
    words.forEach((match, position) => {
      const raw = match[0];
      const word = raw.toLowerCase().replace(/'s$/, "");
      if (word.length < 4 || STOPWORDS.has(word)) return;
      counts.set(word, (counts.get(word) ?? 0) + 1);
      const before = line.slice(0, match.index);
      // "Dr. Zimmerman", "Mrs Shaw": a name, whatever else the text does with the word.
      if (/\b(?:dr|mr|mrs|ms|miss|prof)\.?\s*$/i.test(before)) names.add(word);
      const midLine = position > 0 && !/[.:]\s*$/.test(before);
      if (raw === raw.toLowerCase() || raw === raw.toUpperCase()) lowerSeen.add(word);
      else if (midLine && /^[A-Z][a-z]/.test(raw) && !lowerSeen.has(word)) capitalizedOnly.set(word, true);
    });
  }
  for (const word of capitalizedOnly.keys()) if (!lowerSeen.has(word)) counts.delete(word);
  for (const word of names) counts.delete(word);
  return counts;
}

export function pickKeywords(options: { ruleTerms: string[]; text: string; extra?: string[] }): string[] {
  const keywords: string[] = [];
  const add = (term: string) => {
    const clean = term.toLowerCase().replace(/\s+/g, " ").trim();
    const letters = clean.replace(/[^a-z]/g, "");
    if (!clean || /\d/.test(clean) || clean.length < 2 || keywords.length >= MAX_KEYWORDS) return;
    // "x-ray" and "xray" are one keyword.
    if (keywords.some((keyword) => keyword.replace(/[^a-z]/g, "") === letters)) return;
    if (clean.length > 40 || /[^a-z \-/&']/.test(clean)) return;
    keywords.push(clean);
  };
  for (const term of options.extra ?? []) add(term);
  // Rule phrases made of function words ("thank you for seeing", "date of admission") are not topics.
  for (const term of options.ruleTerms) if (!term.split(/\s+/).some((word) => FUNCTION_WORDS.has(word))) add(term);
  const ranked = [...contentWords(options.text).entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]));
  for (const [word] of ranked) add(word);
  return keywords;
}
