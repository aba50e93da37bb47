// The facility or provider a document comes from: a short line naming a
// hospital, clinic, laboratory, pharmacy or practice, or the value after a
// "Facility:" / "Performed at:" label. Letterheads come first in a document, so
// the first fitting line wins; a labelled line beats an unlabelled one.

const FACILITY_WORDS = /\b(?:hospitals?|clinics?|medical (?:center|centre|group|associates|practice)|health(?:care)?|laborator(?:y|ies)|labs|pharmacy|imaging|radiology|diagnostics|urgent care|primary care|care cent(?:er|re)|infirmary|surgery cent(?:er|re)|health system|physicians|family (?:medicine|practice)|pediatrics|cardiology|orthopedics|dermatology|practice)\b/i;
const LABEL = /^\s*(?:facility|provider|performing (?:lab|laboratory|site)|performed at|location|clinic|hospital|practice|laboratory|lab|pharmacy|from|ordering facility|billing provider|rendering provider)\s*[:\-–]\s*(.+)$/i;
// Lines that merely mention a facility in passing, name the patient's insurer,
// or are a document title ("Radiology Report", "Consultation Note").
const NOT_A_FACILITY = /\b(?:patient|insurance|insurer|member|policy|subscriber|plan paid|payer|admitted to|discharged|referred|please|thank|follow|return|call|visit us|report|summary|note|record|results?|form|statement|invoice|certificate|instructions|letter|issued|signed)\b|www\.|https?:|@|\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}/i;

function clean(line: string): string {
  return line
    .replace(/^[^\p{L}]+/u, "") // OCR debris before the first letter
    .replace(/\s*(?:[|·•]|,\s*(?=\d)|\s-\s(?=\d)).*$/, "") // drop an address or phone after the name
    .replace(/\s{2,}/g, " ")
    .replace(/[\s,;:.]+$/, "")
    .trim();
}

/** Names are written in title case ("Riverside Medical Center"); sentences are not. */
function titleCased(name: string): boolean {
  const words = name.split(/\s+/).filter((word) => /^[a-z]{4,}/i.test(word));
  return words.filter((word) => /^[A-Z]/.test(word)).length >= words.length * 0.6;
}

function fits(name: string): boolean {
  return titleCased(name) && name.length >= 4 && name.length <= 80 && name.split(/\s+/).length <= 9 && FACILITY_WORDS.test(name) && !NOT_A_FACILITY.test(name) && !/[.!?]\s+\S/.test(name);
}

export function providerFromText(text: string): { name: string; labelled: boolean } | undefined {
  let unlabelled: string | undefined;
  for (const line of text.split("\n")) {
    const labelled = line.match(LABEL);
    if (labelled) {
      const name = clean(labelled[1]!);
      if (fits(name)) return { name, labelled: true };
      continue;
    }
    const name = clean(line);
    if (!unlabelled && fits(name)) unlabelled = name;
  }
  return unlabelled ? { name: unlabelled, labelled: false } : undefined;
}
