// Highlighted text without HTML. Engines wrap matches in two private-use
// characters that never occur in indexed text (stripHighlightMarks removes them
// before indexing); the text is then split into plain segments, and the UI
// renders each as a React text node, marking the highlighted ones. Nothing an
// engine or a user wrote is ever parsed as markup. Client-safe.
export const HIGHLIGHT_START = "\uE000";
export const HIGHLIGHT_END = "\uE001";

export interface HighlightSegment {
  text: string;
  highlighted: boolean;
}

const MARKS = /[\uE000\uE001]/g;

/** Text as it may be indexed: our marks can never come from a document. */
export function stripHighlightMarks(text: string): string {
  return text.replace(MARKS, "");
}

/** Splits engine output into segments; unbalanced marks end or start a highlight, never leak. */
export function toHighlightSegments(marked: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let highlighted = false;
  let current = "";
  const push = () => {
    if (!current) return;
    const last = segments.at(-1);
    if (last && last.highlighted === highlighted) last.text += current;
    else segments.push({ text: current, highlighted });
    current = "";
  };
  for (const char of marked) {
    if (char === HIGHLIGHT_START || char === HIGHLIGHT_END) {
      push();
      highlighted = char === HIGHLIGHT_START;
    } else current += char;
  }
  push();
  return segments;
}

export const plainSegments = (text: string): HighlightSegment[] => (text ? [{ text: stripHighlightMarks(text), highlighted: false }] : []);
