import { linkContents } from '../core/analysis/contents-links';
import { rememberLast } from '../core/analysis/last-result';
import { titleKey } from '../core/frameworks/compiled';
import type { JudgementDefinition } from '../core/frameworks/profile';
import { flattenSections, type ContentsEntry, type RecordRow, type Section } from '../core/model';
import { renamedRowReadsBack } from './record-row-check';
import type { Range } from '../core/text';
import type { Fix, RuleContext } from './rule';
import { lineOf, quote, replace, replaceInCell } from './support';

/**
 * A title written on two sides (a section and its record row, a heading and its contents entry) that differs by a slip
 * of a few letters ("Partnership workng" and "Partnership working"): most likely one judgement, its title mistyped on
 * one side. Reported as two unmatched things, the slip would have "fix all" add a second record row with the mistyped
 * title; instead the problems name the other side and offer to write the title as the framework does, on the side that
 * mistyped it.
 */
export interface TitleSlip<Other> {
  section: Section;
  other: Other;
  /** The framework's title written on the mistyped side; none when neither side writes the framework's title. */
  fixes: Fix[];
}

export interface SlipsBetween<Other> {
  ofSection(section: Section): TitleSlip<Other> | undefined;
  ofOther(other: Other): TitleSlip<Other> | undefined;
}

/** Pairs compared at most: beyond, a report of hundreds of unmatched titles is not searched for slips. */
const MAX_PAIRS = 10_000;

/** Graded sections the record does not list, and record rows no section gives. */
export const recordSlips = rememberLast((context: RuleContext): SlipsBetween<RecordRow> => {
  const links = context.links();
  return slipsBetween(
    links.unmatchedSections,
    links.unmatchedRows.filter((row) => row.grade),
    // the known side is compared by every way the framework writes its judgement ("Adoption performance" for "The
    // graded judgement for adoption performance")
    (section) => [section.title, ...namesOf(section.judgement?.definition)],
    (row) => [row.title.text, ...namesOf(row.definition)],
    // two titles of the framework are two judgements, however alike they are written; of two it does not know,
    // nothing says which is right
    (section, row) => Boolean(section.judgement?.definition) !== Boolean(row.definition),
    // a row printed under another part's group is taken only when no row of the section's own part is as near (a
    // record's group rows are misprinted too: record-group-mismatch)
    (section, row) => (row.part && section.part?.definition && row.part.id !== section.part.definition.id ? 0.5 : 0),
    (section, row) => {
      if (row.definition) return [headingFix(section, nearest(section.title, namesOf(row.definition)), 'the record')];
      const title = nearest(row.title.text, namesOf(section.judgement!.definition));
      const edits = replaceInCell(context, titleRange(row, title), title, true);
      // a title over the lines of a wrapped cell, beside its grade: written again only where the row reads back as itself
      if (!renamedRowReadsBack(context, edits, row, section)) return [];
      return [{ title: `Change the record's row to ${quote(title)}, as the framework writes it (the section, ${lineOf(section.heading.range)})`, edits, preferred: true }];
    },
  );
});

/**
 * Where in the row's title cell the mistyped title starts: after anything before it that is not part of the title
 * (a row number read with it, "2.1   Adxption performance"), which the rewrite keeps.
 */
function titleRange(row: RecordRow, title: string): Range {
  const written = row.title.text;
  const key = titleKey(title);
  const { start } = row.title.range;
  for (let at = 1; at < written.length; at++) {
    if (!/[A-Za-z]/.test(written.charAt(at)) || /[A-Za-z0-9]/.test(written.charAt(at - 1))) continue;
    const rest = titleKey(written.slice(at));
    if (rest === key || slipDistance(rest, key) !== null) {
      // (offsets into the text are offsets into the line only on the title's first line)
      const firstLineEnd = row.title.range.end.line === start.line ? row.title.range.end.character : Infinity;
      return start.character + at <= firstLineEnd && !/\s{2}|<|>/.test(written.slice(at)) ? { start: { line: start.line, character: start.character + at }, end: row.title.range.end } : row.title.range;
    }
  }
  return row.title.range;
}

/** The ways the framework writes a judgement's title. */
function namesOf(definition: JudgementDefinition | null | undefined): string[] {
  return definition ? [definition.title, ...definition.aliases] : [];
}

/** Of the framework's ways of writing a title, the one the mistyped text is nearest. */
function nearest(written: string, names: readonly string[]): string {
  const key = titleKey(written);
  let best = names[0]!;
  let bestDistance = Infinity;
  for (const name of names) {
    const distance = slipDistance(key, titleKey(name)) ?? Infinity;
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/** Headings the contents does not list, and contents entries naming no heading. */
export const contentsSlips = rememberLast((context: RuleContext): SlipsBetween<ContentsEntry> => {
  const links = linkContents(context.report);
  const known = (title: string) => context.framework?.matchTitle(title) ?? null;
  // an entry may name any heading the contents does not list, not only those it must list (a judgement inside a part)
  const unlisted = links.unmatchedEntries.length ? flattenSections(context.report.sections).filter((section) => section.kind !== 'contents' && !links.entryOf(section)) : [];
  return slipsBetween(
    unlisted,
    links.unmatchedEntries,
    (section) => [section.title],
    (entry) => [entry.title.text],
    () => true,
    () => 0,
    (section, entry) => {
      const headingKnown = known(section.title);
      const entryKnown = known(entry.title.text);
      // the side the framework knows is right; when it knows both or neither, the writer says which
      if (entryKnown && !headingKnown) return [headingFix(section, entry.title.text, 'the contents')];
      if (headingKnown && !entryKnown) {
        return [{ title: `Change the contents entry to ${quote(section.title)}, as the framework and the heading (${lineOf(section.heading.range)}) write it`, edits: [replace(entry.title.range, section.title)], preferred: true }];
      }
      return [];
    },
  );
});

function headingFix(section: Section, title: string, other: string): Fix {
  return { title: `Change the heading to ${quote(title)}, as the framework and ${other} write it`, edits: [replace(section.heading.range, title)], preferred: true };
}

function slipsBetween<Other>(
  sections: readonly Section[],
  others: readonly Other[],
  namesOfSection: (section: Section) => string[],
  namesOfOther: (other: Other) => string[],
  eligible: (section: Section, other: Other) => boolean,
  penalty: (section: Section, other: Other) => number,
  fixesFor: (section: Section, other: Other) => Fix[],
): SlipsBetween<Other> {
  const bySection = new Map<Section, TitleSlip<Other>>();
  const byOther = new Map<Other, TitleSlip<Other>>();
  if (sections.length && others.length && sections.length * others.length <= MAX_PAIRS) {
    const otherKeys = others.map((other) => namesOfOther(other).map(titleKey));
    for (const section of sections) {
      const keys = namesOfSection(section).map(titleKey);
      let best: { other: Other; distance: number } | null = null;
      others.forEach((other, index) => {
        if (byOther.has(other) || !eligible(section, other)) return;
        let letters: number | null = null;
        for (const key of keys) {
          for (const otherKey of otherKeys[index]!) {
            const distance = slipDistance(key, otherKey);
            if (distance !== null && (letters === null || distance < letters)) letters = distance;
          }
        }
        if (letters === null) return;
        const distance = letters + penalty(section, other);
        if (!best || distance < best.distance) best = { other, distance };
      });
      if (!best) continue;
      const { other } = best as { other: Other };
      const slip: TitleSlip<Other> = { section, other, fixes: fixesFor(section, other) };
      bySection.set(section, slip);
      byOther.set(other, slip);
    }
  }
  return { ofSection: (section) => bySection.get(section), ofOther: (other) => byOther.get(other) };
}

/** Letters apart (Levenshtein) when the two keys are a slip apart: at most two, and at most one in eight; else null. */
function slipDistance(a: string, b: string): number | null {
  const allowed = Math.min(2, Math.floor(Math.max(a.length, b.length) / 8));
  if (!allowed || a === b || Math.abs(a.length - b.length) > allowed) return null;
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    let smallest = row[0];
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      diagonal = above;
      smallest = Math.min(smallest, row[j]!);
    }
    if (smallest > allowed) return null;
  }
  return row[b.length]! <= allowed ? row[b.length]! : null;
}

/** How a problem names the other side of a slip: `written` is the other side's title as written, `where` its range. */
export function slipNote(what: string, written: string, where: Parameters<typeof lineOf>[0]): string {
  return ` ${what} ${quote(written)} (${lineOf(where)}), a few letters apart: the same title, mistyped?`;
}

