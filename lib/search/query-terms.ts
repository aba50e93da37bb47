// The words of a search, as plain terms. Operators, quotes, brackets and
// comparison signs are not syntax anywhere in search: they separate words, so
// `x OR ownerId != 0` is the four words x, or, ownerid, 0. Client-safe.
import { wordsOf } from "./search-document";

export const MAX_QUERY_TERMS = 8;
export const MAX_TERM_LENGTH = 40;
/** Shorter terms are matched by prefix only: a typo in three letters is another word. */
export const MIN_TYPO_TERM_LENGTH = 4;

export function queryTerms(text: string): string[] {
  const unique = new Set<string>();
  for (const word of wordsOf(text)) {
    if (unique.size >= MAX_QUERY_TERMS) break;
    unique.add(word.slice(0, MAX_TERM_LENGTH));
  }
  return [...unique];
}
