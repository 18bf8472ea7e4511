import type { NumberedParagraph, Report } from '../model';

/**
 * A number starting the line after a sentence left open ("… in March" / "2008. Current …") begins a paragraph only
 * when it follows on from the paragraph before, or repeats its number (a slip worth reporting). So renumbering a
 * paragraph can change how the lines after it read: the numbering rule checks its fixes with this same test.
 */
export function followsOn(number: number, previous: number): boolean {
  return number === previous + 1 || number === previous;
}

/**
 * Whether the paragraphs and the numbers read as sentences going on keep their readings once the paragraphs on the
 * lines of `renumbered` have its numbers; if not, the line of the first paragraph whose new number changes a reading.
 */
export function firstChangedReading(report: Pick<Report, 'paragraphs' | 'sentenceNumbers'>, renumbered: ReadonlyMap<number, number>): number | null {
  if (!report.sentenceNumbers.length || !renumbered.size) return null;
  const lines = [...renumbered.keys()];
  const firstEdited = Math.min(...lines);
  const lastEdited = Math.max(...lines);
  const numbers = mergedNumbers(report);
  let index = numbers.findIndex((entry) => entry.line >= firstEdited);
  // the paragraph before the first one renumbered keeps its number: it is where the reading starts from
  let previous = 0;
  // the last paragraph read so far: a change of reading comes from its new number, or from the line's own
  let governing = firstEdited;
  for (let before = index - 1; before >= 0; before--) {
    if (numbers[before]!.paragraph) {
      previous = numbers[before]!.number;
      governing = numbers[before]!.line;
      break;
    }
  }
  for (; index >= 0 && index < numbers.length; index++) {
    const entry = numbers[index]!;
    const number = renumbered.get(entry.line) ?? entry.number;
    const readsAsParagraph = !entry.conditional || followsOn(number, previous);
    if (readsAsParagraph !== entry.paragraph) return renumbered.has(entry.line) && !renumbered.has(governing) ? entry.line : governing;
    if (!readsAsParagraph) continue;
    // past the last paragraph renumbered, a paragraph with its own number again: the rest reads as it did
    if (entry.line > lastEdited && number === entry.number) return null;
    previous = number;
    governing = entry.line;
  }
  return null;
}

interface NumberEntry {
  line: number;
  number: number;
  /** Read as a paragraph (not as a sentence going on). */
  paragraph: boolean;
  /** Read by its number: it starts the line after a sentence left open. */
  conditional: boolean;
}

let remembered: { report: Pick<Report, 'paragraphs' | 'sentenceNumbers'>; numbers: NumberEntry[] } | null = null;

/** The report's paragraphs and its numbers read as sentences going on, in the order of their lines. */
function mergedNumbers(report: Pick<Report, 'paragraphs' | 'sentenceNumbers'>): NumberEntry[] {
  if (remembered?.report === report) return remembered.numbers;
  const entry = (paragraph: boolean) => (numbered: NumberedParagraph): NumberEntry => ({
    line: numbered.range.start.line,
    number: numbered.number,
    paragraph,
    conditional: !paragraph || numbered.byNumber === true,
  });
  const numbers = [...report.paragraphs.map(entry(true)), ...report.sentenceNumbers.map(entry(false))].sort((a, b) => a.line - b.line);
  remembered = { report, numbers };
  return numbers;
}
