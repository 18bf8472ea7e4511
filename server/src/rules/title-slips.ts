import { rememberLast } from '../core/analysis/last-result';
import { titleKey } from '../core/frameworks/compiled';
import type { RecordRow, Section } from '../core/model';
import type { Fix, RuleContext } from './rule';
import { lineOf, quote, replace, replaceInCell, titleOf } from './support';

/**
 * A graded section the record does not list and a record row no section gives, whose titles differ by a slip of a
 * few letters ("Partnership workng" and "Partnership working"): most likely one judgement, its title mistyped on one
 * side. Reported as a missing row and a row without a section, the slip would have "fix all" add a second row with
 * the mistyped title; instead both problems name the other side and offer to write the title as the framework does.
 */
export interface TitleSlip {
  section: Section;
  row: RecordRow;
  fixes: Fix[];
}

export interface TitleSlips {
  ofSection(section: Section): TitleSlip | undefined;
  ofRow(row: RecordRow): TitleSlip | undefined;
}

/** Pairs compared at most: beyond, a report of hundreds of unmatched titles is not searched for slips. */
const MAX_PAIRS = 10_000;

export const titleSlips = rememberLast((context: RuleContext): TitleSlips => {
  const links = context.links();
  const sections = links.unmatchedSections;
  const rows = links.unmatchedRows.filter((row) => row.grade);
  const bySection = new Map<Section, TitleSlip>();
  const byRow = new Map<RecordRow, TitleSlip>();
  if (sections.length && rows.length && sections.length * rows.length <= MAX_PAIRS) {
    const rowKeys = rows.map((row) => titleKey(row.title.text));
    for (const section of sections) {
      const definition = section.judgement?.definition ?? null;
      const key = titleKey(section.title);
      let best: { row: RecordRow; distance: number } | null = null;
      rows.forEach((row, index) => {
        // two titles of the framework are two judgements, however alike they are written
        if (byRow.has(row) || (definition && row.definition) || (!definition && !row.definition)) return;
        const letters = slipDistance(key, rowKeys[index]!);
        if (letters === null) return;
        // a row printed under another part's group is taken only when no row of the section's own part is as near
        // (a record's group rows are misprinted too: record-group-mismatch)
        const distance = letters + (row.part && section.part?.definition && row.part.id !== section.part.definition.id ? 0.5 : 0);
        if (!best || distance < best.distance) best = { row, distance };
      });
      if (!best) continue;
      const { row } = best as { row: RecordRow };
      const slip: TitleSlip = { section, row, fixes: [rewrite(context, section, row)] };
      bySection.set(section, slip);
      byRow.set(row, slip);
    }
  }
  return { ofSection: (section) => bySection.get(section), ofRow: (row) => byRow.get(row) };
});

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

/** The side whose title the framework does not know takes the framework's title, which the other side writes. */
function rewrite(context: RuleContext, section: Section, row: RecordRow): Fix {
  if (row.definition) {
    const title = row.definition.title;
    return { title: `Change the heading to ${quote(title)}, as the framework and the record write it`, edits: [replace(section.heading.range, title)], preferred: true };
  }
  const title = section.judgement!.definition!.title;
  return {
    title: `Change the record's row to ${quote(title)}, as the framework and the section (${lineOf(section.heading.range)}) write it`,
    edits: replaceInCell(context, row.title.range, title),
    preferred: true,
  };
}

/** How a problem names the other side of a slip. */
export function slipNote(slip: TitleSlip, from: 'section' | 'row'): string {
  return from === 'section'
    ? ` The record lists ${quote(slip.row.title.text)} (${lineOf(slip.row.title.range)}), a few letters apart: the same judgement, mistyped?`
    : ` The report has ${quote(titleOf(slip.section))} (${lineOf(slip.section.heading.range)}), a few letters apart: the same judgement, mistyped?`;
}
