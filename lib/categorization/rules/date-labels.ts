// What the words just before a date say about it. Checked in order, first match
// wins, so specific labels ("due date", "date of birth") come before the generic
// "date". Each pattern must match at the END of the text preceding the date on
// its line (a trailing ":" "#" "-" or "on" is allowed between label and date).
//
// rank: 3 = the date the care happened (service, collection, discharge, dose given)
//       2 = a generic "Date:"
//       1 = a related date (reported, admitted, invoice, letter) - used when nothing better is labelled
//       excluded = never a date of service (birth, print, due, expiry, next appointment)

export interface DateLabelRule {
  name: string;
  pattern: string;
  rank: 1 | 2 | 3 | "excluded";
}

export const DATE_LABEL_RULES: readonly DateLabelRule[] = [
  { name: "birth date", pattern: "d\\.?\\s?o\\.?\\s?b\\.?|date of birth|birth\\s?date|born|birthday", rank: "excluded" },
  { name: "print date", pattern: "printed(?: on)?|print(?:ed)? date|date printed|generated(?: on)?|run date|created(?: on)?|page printed", rank: "excluded" },
  { name: "due date", pattern: "(?:payment )?due(?: date| by)?|pay by|please pay by|balance due by", rank: "excluded" },
  { name: "expiry", pattern: "exp(?:iry|iration|ires)?(?: date)?|valid (?:until|through|thru)|use by|discard after|refill (?:by|before)", rank: "excluded" },
  { name: "next appointment", pattern: "next (?:dose|appointment|visit|review)(?: due| date)?|(?:follow[- ]?up|return) (?:on|date|visit)|recall date|due for", rank: "excluded" },
  { name: "coverage", pattern: "effective(?: date)?|coverage (?:start|begins|from)|member since|eligib\\w* (?:from|date)|policy (?:start|period)", rank: "excluded" },
  { name: "document history", pattern: "revised(?: on)?|last updated|amended(?: on)?|last modified", rank: "excluded" },

  { name: "date of service", pattern: "dates? of service|service dates?|d\\.?o\\.?s\\.?|date of visit|visit date|visit|encounter date|date of encounter|appointment date|seen on|date seen", rank: 3 },
  { name: "exam date", pattern: "(?:exam|examination|study|procedure|scan|test|imaging) date|date of (?:exam|examination|study|procedure|scan|test)|performed(?: on)?|exam performed", rank: 3 },
  { name: "collected", pattern: "(?:specimen |sample )?collect(?:ed|ion)(?: date| on| date\\/time)?|date (?:collected|drawn)|drawn(?: on)?", rank: 3 },
  { name: "discharged", pattern: "discharge date|date of discharge|discharged(?: on)?", rank: 3 },
  { name: "administered", pattern: "(?:date )?administered(?: on)?|date given|given on|vaccination date|date of vaccination|immuni[sz]ation date|dose date|date of dose|dose (?:\\d|one|two|three)|(?:1st|2nd|3rd|first|second|third|booster) dose|booster", rank: 3 },
  { name: "prescribed", pattern: "date written|written on|(?:date )?prescribed(?: on)?|rx date|prescription date|date of prescription", rank: 3 },
  { name: "referral date", pattern: "date of referral|referral date|referred on", rank: 3 },

  { name: "admitted", pattern: "admission date|date of admission|admitted(?: on)?", rank: 1 },
  { name: "reported", pattern: "(?:date )?reported(?: on)?|report date|date of report|received(?: on)?|(?:date )?resulted|verified(?: on)?|signed(?: on)?|dictated(?: on)?|transcribed(?: on)?|electronically signed(?: on)?|finali[sz]ed(?: on)?", rank: 1 },
  { name: "document date", pattern: "(?:invoice|statement|bill|billing|letter|claim|processed|issue|issued|filled|fill) date|date (?:issued|filled|of issue)|issued(?: on)?|filled(?: on)?|processed(?: on)?", rank: 1 },

  { name: "date", pattern: "date", rank: 2 },
];
