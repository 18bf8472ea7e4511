import type { Lines } from './lines';

const MONTH = '(?:january|february|march|april|may|june|july|august|september|october|november|december)';
/** "Inspection dates: 12 January 2015 – 4 February 2015", "Report published: 20 March 2015", "Date of inspection: …". */
const DATED_LINE = /\b(?:inspection dates?|dates? of (?:the )?inspection|(?:report )?published|publication date|date published)\b[^0-9]{0,40}.*?\b((?:19|20)\d\d)\b/i;
/** A letter's date on a line of its own: "26 November 2007". */
const DATE_LINE = new RegExp(`^\\s*\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\s+((?:19|20)\\d\\d)\\s*$`, 'i');

/** The year a report is dated, from its inspection or publication dates near the top, or its date line; null if none. */
export function reportYear(lines: Lines): number | null {
  let letterDate: number | null = null;
  for (let line = 0; line < Math.min(lines.length, 60); line++) {
    const text = lines.text(line);
    if (text.length > 300) continue;
    const dated = DATED_LINE.exec(text);
    if (dated?.[1]) return Number(dated[1]);
    letterDate ??= Number(DATE_LINE.exec(text)?.[1] ?? 0) || null;
  }
  return letterDate;
}
