/**
 * Agency credits inside an article's text: "Additional reporting by X in Beirut and Y in Moscow;
 * Writing by Z; Editing by W", photo credits ("REUTERS/Mohamed Abdullah") and a dateline's
 * bracketed byline ("(The Associated Press Jane Roe)"). The people they name
 * wrote or photographed the story; they are no actors of it. The places stay: they are where the
 * reporters were, which the text does say.
 */

/** The words that open an agency's credit clause, before "by". */
const CREDIT_WORDS = 'reporting|writing|editing|compiled';
/** A credit clause runs from "… by" to the end of its sentence; ";" chains the next clause. */
const CREDIT_CLAUSE = new RegExp(`\\b(?:(?:additional\\s+)?${CREDIT_WORDS})\\s+by\\s+[^.!?]*`, 'gi');
/** The clause before a name opens a credit, up to the name ("Writing by Peter Graff and "); "produced by" too. */
const CREDIT_BEFORE = new RegExp(`\\b(?:${CREDIT_WORDS}|produced)\\s+by\\b[^.;]*$`, 'i');
/** A dateline's bracket naming the agency then its reporter: "DAMASCUS (The Associated Press Jane Roe)". */
const BRACKET_BYLINE = /\((?:The\s+)?(?:[A-Z][\w-]*\s+){0,3}(?:Press|Agency|News|Reuters|AFP|AP)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\)/g;
/** "REUTERS/Bassam Khabieh", "AFP/Getty Images/Louai Beshara": an agency then names after a slash. */
const PHOTO_CREDIT = /\b[A-Z]{2,}(?:\/[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})+/g;

export interface Span {
  start: number;
  end: number;
}

/** Character ranges of the text that are credits. */
export function creditSpans(text: string): Span[] {
  const out: Span[] = [];
  for (const re of [CREDIT_CLAUSE, PHOTO_CREDIT, BRACKET_BYLINE]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Whether [start, end) lies inside one of the spans (sorted by start). */
export function insideSpans(spans: readonly Span[], start: number, end: number): boolean {
  for (const s of spans) {
    if (s.start > start) break;
    if (end <= s.end) return true;
  }
  return false;
}

/** Whether the clause before `at` (not before `from`, its sentence's start) is a credit line. */
export function followsCredit(text: string, from: number, at: number): boolean {
  return CREDIT_BEFORE.test(text.slice(Math.max(from, at - 120), at));
}
