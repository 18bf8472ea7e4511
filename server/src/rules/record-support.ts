import { rememberLast } from '../core/analysis/last-result';
import { judgementKey } from '../core/analysis/record-links';
import { writeGrade } from '../core/frameworks/notation';
import type { Level } from '../core/frameworks/profile';
import { titleKey } from '../core/frameworks/compiled';
import { flattenSections, type RecordGroup, type RecordOfFindings, type RecordRow, type Report, type Section } from '../core/model';
import type { RuleContext, TextEdit } from './rule';
import { insertAt, titleOf } from './support';
import { escapePipes, isGridBorder, rowExtent, rowLike } from './table-layout';

/**
 * A new record row for a section, placed next to the row of its nearest neighbour in the same part; when the
 * record lists nothing of that part, under the part's group row (added too when the record has none), so that
 * the row cannot be read as another part's judgement of the same name.
 */
export function insertRecordRow(context: RuleContext, section: Section, level: Level): TextEdit | null {
  const record = context.report.record;
  const profile = context.report.framework?.profile;
  if (!record || !profile) return null;
  const neighbours = neighboursIn(context);
  const partId = section.part?.definition?.id;
  // a neighbour's row printed under another part's group would carry the new row into that part; when another
  // part has a judgement of the same name, only a row under this part's own group makes the new row this part's
  const strict = neighbours.ambiguous(section);
  const after = neighbours.previous(section, strict);
  const before = after ? null : neighbours.next(section, strict);
  const last = record.rows[record.rows.length - 1] ?? null;
  const sample = after ?? before ?? last;
  // the record's own way of writing: the judgement's title, the grade in the case and notation of the row it goes beside
  const sampleGrade = sample?.grade?.label?.text;
  const lowerCase = sampleGrade ? sampleGrade === sampleGrade.toLowerCase() : false;
  const title = rowTitle(section);
  if (!title) return null;
  // as the row beside it writes its grade ("Adequate" beside "Good", though the framework's records write "Good (Grade 2)")
  const style = sample?.grade?.level ? sample.grade.style : (profile.record.style ?? 'label');
  const grade = writeGrade(profile, level, style, lowerCase);
  const eol = context.eol;
  // the new row, in the shape of the row it goes beside: its cells, pipes and padding, a grid row's border, HTML tags
  const shaped = (neighbour: RecordRow | null): ShapedRow =>
    (neighbour ? rowLike(context.lines, neighbour, title, grade, record.range.start.line) : null) ??
    { first: neighbour?.range.start.line ?? 0, after: neighbour?.range.end.line ?? 0, lines: [formatRow(context, neighbour, title, grade)], spaced: false };
  // a multiline table sets its rows apart by a blank line
  const gap = (row: ShapedRow) => (row.spaced ? eol : '');
  // below a grid row left without its closing border, the new row's border closes it first
  const opening = (line: number, row: ShapedRow) => (row.border && !isGridBorder(context.lines[line] ?? '') ? `${eol}${row.border}` : '');
  const below = (line: number, row: ShapedRow) => appendTo(context, line, `${opening(line, row)}${eol}${gap(row)}${row.lines.join(eol)}`);
  const besideBelow = (neighbour: RecordRow) => {
    const row = shaped(neighbour);
    return below(row.after, row);
  };

  // the first judgement of a group the record prints too ("Safeguarding outcomes for children and young people")
  // goes straight under that group's row, not after the judgement before the group
  const recordGroup = recordGroupOf(context, section);
  if (recordGroup && sample && after?.group !== recordGroup) return below(extentEnd(context, recordGroup), shaped(sample));
  if (after) return besideBelow(after);
  // above a table that starts the record, with no heading of its own, the row goes below the first one instead: the
  // text above, a heading or a line that reads as one, would take the new row for its grade
  if (before && before.range.start.line === record.range.start.line) return besideBelow(before);
  if (before) {
    const row = shaped(before);
    return insertAt(row.first, 0, `${row.lines.join(eol)}${eol}${gap(row)}`);
  }
  const group = partId ? record.groups.find((candidate) => candidate.part?.id === partId) : undefined;
  if (group) {
    const lastOfGroup = group.rows[group.rows.length - 1];
    return lastOfGroup ? besideBelow(lastOfGroup) : below(extentEnd(context, group), shaped(sample));
  }
  const row = shaped(sample);
  const groupRow = section.part?.definition ? ((sample ? rowLike(context.lines, sample, section.part.title, '', record.range.start.line)?.lines : null) ?? [formatGroupRow(context, sample, section.part.title)]) : null;
  const lines = groupRow ? { ...row, lines: [...groupRow, ...(row.spaced ? [''] : []), ...row.lines] } : row;
  if (last) return below(lastLineOf(context, record), lines);
  return appendTo(context, record.heading?.range.end.line ?? record.range.start.line, `${eol}${eol}${lines.lines.join(eol)}`);
}

type ShapedRow = NonNullable<ReturnType<typeof rowLike>>;

/** The record's group row for the group the section's judgement sits in, in the body, in the same part. */
function recordGroupOf(context: RuleContext, section: Section): RecordGroup | undefined {
  const group = bodyGroups(context.report).get(section);
  if (!group) return undefined;
  const key = titleKey(group.title);
  const partId = section.part?.definition?.id;
  return context.report.record?.groups.find((candidate) => titleKey(candidate.title.text) === key && (!partId || candidate.part?.id === partId));
}

/** For each judgement under a group heading in the body, that heading. */
const bodyGroups = rememberLast((report: Report): Map<Section, Section> => {
  const groups = new Map<Section, Section>();
  for (const section of flattenSections(report.sections)) if (section.kind === 'group') for (const child of section.children) groups.set(child, section);
  return groups;
});

/** For each graded section, the rows of its nearest recorded neighbours in the same part (computed once per report). */
interface Neighbours {
  /** Another part has a graded judgement of the same name. */
  ambiguous(section: Section): boolean;
  /** The row of the nearest earlier section of the same part; strict: only a row printed under that part's group. */
  previous(section: Section, strict: boolean): RecordRow | null;
  next(section: Section, strict: boolean): RecordRow | null;
}

const neighboursIn = rememberLast((context: RuleContext): Neighbours => {
  const links = context.links();
  const sections = context.report.judgementSections.filter((candidate) => candidate.judgement?.grade);
  const partOf = (section: Section) => section.part?.definition?.id;
  const partsByKey = new Map<string, Set<string | undefined>>();
  for (const section of sections) {
    const parts = partsByKey.get(keyOf(section)) ?? new Set();
    parts.add(partOf(section));
    partsByKey.set(keyOf(section), parts);
  }
  type Found = { strict: RecordRow | null; lenient: RecordRow | null };
  const sweep = (order: Section[]) => {
    const found = new Map<Section, Found>();
    const lastSeen = new Map<string | undefined, Found>();
    for (const section of order) {
      const part = partOf(section);
      const seen = lastSeen.get(part) ?? { strict: null, lenient: null };
      found.set(section, seen);
      const row = links.rowOf(section);
      if (!row) continue;
      const printedHere = row.part?.id === part;
      lastSeen.set(part, {
        strict: printedHere || !part ? row : seen.strict,
        lenient: printedHere || !part || !row.part ? row : seen.lenient,
      });
    }
    return found;
  };
  const before = sweep(sections);
  const after = sweep([...sections].reverse());
  const pick = (found: Found | undefined, strict: boolean) => (found ? (strict ? found.strict : found.lenient) : null);
  const neighbours: Neighbours = {
    ambiguous: (section) => (partsByKey.get(keyOf(section))?.size ?? 0) > 1,
    previous: (section, strict) => pick(before.get(section), strict),
    next: (section, strict) => pick(after.get(section), strict),
  };
  return neighbours;
});

const keyOf = (section: Section) => judgementKey(section.judgement?.definition?.id, section.title);

function appendTo(context: RuleContext, line: number, text: string): TextEdit {
  return insertAt(line, (context.lines[line] ?? '').length, text);
}

function lastLineOf(context: RuleContext, record: RecordOfFindings): number {
  const lastRow = record.rows[record.rows.length - 1];
  const lastGroup = record.groups[record.groups.length - 1];
  return Math.max(lastRow ? extentEnd(context, lastRow) : 0, lastGroup ? extentEnd(context, lastGroup) : 0);
}

/** The last line a row or group row takes: a grid row's border below it, an HTML row's "</tr>". */
function extentEnd(context: RuleContext, row: RecordRow | RecordGroup): number {
  return rowExtent(context.lines, row, context.report.record?.range.start.line ?? 0)?.last ?? row.range.end.line;
}

/** A row in the same shape as its neighbour: tab-separated, Markdown pipes or spaced. */
/** Longer than any row title a record prints: a heading that long (text run into it) is named by its judgement. */
const LONGEST_ROW_TITLE = 200;

/** The title for a new row, or null when the heading is too long to be one and names no judgement of the framework. */
function rowTitle(section: Section): string | null {
  const title = titleOf(section);
  if (title.length <= LONGEST_ROW_TITLE) return title;
  return section.judgement?.definition?.title ?? null;
}

function formatRow(context: RuleContext, neighbour: RecordRow | null, title: string, grade: string): string {
  switch (rowShape(context, neighbour)) {
    case 'pipes':
      return `| ${escapePipes(title)} | ${grade} |`;
    case 'tab':
      return `${title}\t${grade}`;
    default:
      return `${title}  ${grade}`;
  }
}

/** A group row ("Services for looked after children") in the shape of the table's rows: a title with an empty grade cell. */
function formatGroupRow(context: RuleContext, neighbour: RecordRow | null, title: string): string {
  switch (rowShape(context, neighbour)) {
    case 'pipes':
      return `| ${escapePipes(title)} |  |`;
    case 'tab':
      return `${title}\t`;
    default:
      return title;
  }
}

function rowShape(context: RuleContext, neighbour: RecordRow | null): 'pipes' | 'tab' | 'spaced' {
  const sample = neighbour ? (context.lines[neighbour.range.start.line] ?? '') : '';
  if (/^\s*\|/.test(sample)) return 'pipes';
  return !sample || sample.includes('\t') ? 'tab' : 'spaced';
}
