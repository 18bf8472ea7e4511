import { titleKey } from '../frameworks/compiled';
import type { Report, RecordGroup, RecordRow, Section } from '../model';
import { rememberLast } from './last-result';

/** Record rows printed under the group of one part while they give the judgements of another. */
export interface MisplacedRows {
  group: RecordGroup;
  rows: RecordRow[];
  /** The part the rows' sections are in. */
  actualPart: string;
}

export interface RecordLinks {
  sectionOf(row: RecordRow): Section | null;
  rowOf(section: Section): RecordRow | null;
  /** Graded rows that give no judgement of the body. */
  unmatchedRows: RecordRow[];
  /** Graded sections the record does not list (empty when there is no record). */
  unmatchedSections: Section[];
  misplaced: MisplacedRows[];
}

export function judgementKey(definitionId: string | undefined, title: string): string {
  return definitionId ?? `title:${titleKey(title)}`;
}

const sectionKey = (section: Section) => judgementKey(section.judgement?.definition?.id, section.title);
const rowKey = (row: RecordRow) => judgementKey(row.definition?.id, row.title.text);
const sectionPart = (section: Section) => section.part?.definition?.id ?? null;

/**
 * Pairs record rows with the sections whose judgement they repeat. Rows and sections of the same judgement
 * are paired in order (a record lists them in the body's order); the part printed above a row only decides
 * when the counts differ, because a misprinted group row must not make every row under it look wrong.
 */
export const linkRecord = rememberLast((report: Report): RecordLinks => {

  const toSection = new Map<RecordRow, Section>();
  const toRow = new Map<Section, RecordRow>();
  // ungraded judgement sections take part too: their rows are theirs (missing-grade reports the section)
  const judgements = report.judgementSections;
  const graded = judgements.filter((section) => section.judgement?.grade);
  const rows = report.record?.rows ?? [];

  const sectionsByKey = groupBy(judgements, sectionKey);
  const rowsByKey = groupBy(rows, rowKey);
  for (const [key, keyRows] of rowsByKey) {
    const candidates = sectionsByKey.get(key) ?? [];
    if (!candidates.length) continue;
    const pairs = keyRows.length === candidates.length ? pairInOrder(keyRows, candidates) : pairByPart(keyRows, candidates);
    for (const [row, section] of pairs) {
      toSection.set(row, section);
      toRow.set(section, row);
    }
  }

  const recorded = new Set([...toRow.keys()].map((section) => `${sectionPart(section)}|${sectionKey(section)}`));
  const recordedAnywhere = new Set([...toRow.keys()].map(sectionKey));
  // a section outside any part cannot be told from the recorded one of the same judgement (duplicate-section says so)
  const isRecorded = (section: Section) =>
    recorded.has(`${sectionPart(section)}|${sectionKey(section)}`) || (sectionPart(section) === null && recordedAnywhere.has(sectionKey(section)));
  const misplaced = new Map<RecordGroup, MisplacedRows>();
  for (const [row, section] of toSection) {
    const printed = row.part?.id ?? null;
    const actual = sectionPart(section);
    if (!row.group || !printed || !actual || printed === actual) continue;
    let entry = misplaced.get(row.group);
    if (!entry) {
      entry = { group: row.group, rows: [], actualPart: section.part?.title ?? actual };
      misplaced.set(row.group, entry);
    }
    entry.rows.push(row);
  }

  const links: RecordLinks = {
    sectionOf: (row) => toSection.get(row) ?? null,
    rowOf: (section) => toRow.get(section) ?? null,
    unmatchedRows: rows.filter((row) => !toSection.has(row)),
    // a second section on a judgement that has its row is a duplicate (duplicate-section), not missing from the record
    unmatchedSections: report.record ? graded.filter((section) => !toRow.has(section) && !isRecorded(section)) : [],
    misplaced: [...misplaced.values()],
  };
  return links;
});

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function pairInOrder(rows: readonly RecordRow[], sections: readonly Section[]): [RecordRow, Section][] {
  const inOrder = rows.map((row, index) => [row, sections[index] as Section] as [RecordRow, Section]);
  const byPart = pairByPart(rows, sections);
  // a record that lists the parts in another order than the body: trust the parts when they explain every row
  const disagreements = (pairs: [RecordRow, Section][]) =>
    pairs.filter(([row, section]) => row.part && sectionPart(section) !== row.part.id).length;
  return byPart.length === rows.length && disagreements(byPart) < disagreements(inOrder) ? byPart : inOrder;
}

function pairByPart(rows: readonly RecordRow[], sections: readonly Section[]): [RecordRow, Section][] {
  const taken = new Set<Section>();
  const inOrder = queue(sections);
  const byPart = queuesBy(sections, sectionPart);
  const byLevel = queuesBy(sections, (section) => section.judgement?.grade?.level?.label);
  const take = (from: Queue | undefined): Section | undefined => {
    while (from && from.next < from.items.length) {
      const section = from.items[from.next++] as Section;
      if (!taken.has(section)) {
        taken.add(section);
        return section;
      }
    }
    return undefined;
  };
  const pairs: [RecordRow, Section][] = [];
  const pending: RecordRow[] = [];
  for (const row of rows) {
    const match = row.part ? take(byPart.get(row.part.id)) : undefined;
    if (match) pairs.push([row, match]);
    else pending.push(row);
  }
  for (const row of pending) {
    // the parts decide nothing here: a section graded as the row is the likelier one
    const level = row.grade?.level?.label;
    const next = (level ? take(byLevel.get(level)) : undefined) ?? take(inOrder);
    if (!next) break;
    pairs.push([row, next]);
  }
  return pairs;
}

/** Sections in document order, consumed from the front. */
interface Queue {
  items: readonly Section[];
  next: number;
}

function queue(items: readonly Section[]): Queue {
  return { items, next: 0 };
}

/** Sections grouped by a key ('' for none, never looked up), each group in document order. */
function queuesBy(sections: readonly Section[], key: (section: Section) => string | null | undefined): Map<string, Queue> {
  const out = new Map<string, Queue>();
  for (const [k, items] of groupBy(sections, (section) => key(section) ?? '')) out.set(k, queue(items));
  return out;
}
