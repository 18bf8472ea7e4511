import type { TextEdit } from 'vscode-languageserver/node';
import { linkRecord } from '../../core/analysis/record-links';
import { builtinFrameworks } from '../../core/frameworks/builtin';
import { writeGrade } from '../../core/frameworks/notation';
import { shortNameOf } from '../../core/frameworks/profile';
import type { Grade } from '../../core/model';
import { comparePositions, firstIndexWhere, type Position, type Range } from '../../core/text';
import type { Diagnostic } from '../../lint/engine';
import type { Analysis } from '../analysis';
import { contains } from '../locate';
import type { CheckInfo, DocumentInfo, RecordEdit, SummaryRow } from '../protocol';
import { titleOf } from '../../rules/support';

export function documentInfo(analysis: Analysis, check: CheckInfo): DocumentInfo {
  const sections = analysis.report.judgementSections;
  const profile = analysis.report.framework?.profile;
  return {
    isReport: analysis.isReport,
    tooLarge: analysis.tooLarge,
    framework: profile ? { id: profile.id, name: profile.name, shortName: shortNameOf(profile), source: analysis.report.framework!.source } : null,
    judgements: sections.length,
    graded: sections.filter((section) => section.judgement?.grade).length,
    problems: analysis.problemCount,
    frameworks: analysis.config.registry.all().map((framework) => ({ id: framework.id, name: framework.name })),
    check,
  };
}

/** Every judgement with its grade, the record row and whether they agree, for a summary table. */
export function judgementSummary(analysis: Analysis): SummaryRow[] {
  const profile = analysis.report.framework?.profile;
  const links = linkRecord(analysis.report);
  const levels = profile?.scale.levels ?? [];
  const problemsIn = problemsByPosition(analysis.diagnostics);
  return analysis.report.judgementSections.map((section) => {
    const grade = section.judgement?.grade ?? null;
    const sentence = section.judgement?.sentence ?? null;
    const row = links.rowOf(section);
    const same = (a: Grade | null | undefined, key: string | undefined) => (a?.level && key ? a.level.key === key : null);
    return {
      title: section.title,
      part: section.part?.title ?? null,
      range: section.heading.range,
      grade: grade
        ? { text: grade.text, level: grade.level?.key ?? null, label: grade.level?.label ?? null, rank: grade.level ? levels.indexOf(grade.level) : null, range: grade.range }
        : null,
      sentence: sentence
        ? { term: sentence.term.text, level: sentence.term.level.key, label: sentence.term.level.label, agrees: same(grade, sentence.term.level.key), range: sentence.term.range }
        : null,
      record: row?.grade ? { text: row.grade.text, level: row.grade.level?.key ?? null, agrees: same(grade, row.grade.level?.key), range: row.grade.range } : null,
      problems: problemsIn(section.range),
      levels: levels.length,
    };
  });
}

/**
 * The rule ids of the diagnostics starting inside a range, in the diagnostics' order. Each range reads only the
 * diagnostics from its start on (found by halving), not all of them: a report of thousands of sections and
 * problems stays linear.
 */
function problemsByPosition(diagnostics: readonly Diagnostic[]): (range: Range) => string[] {
  const byStart = diagnostics.map((diagnostic, order) => ({ start: diagnostic.range.start, ruleId: diagnostic.ruleId, order }));
  byStart.sort((a, b) => comparePositions(a.start, b.start) || a.order - b.order);
  return (range) => {
    const inside: Started[] = [];
    const from = firstIndexWhere(byStart.length, (index) => comparePositions((byStart[index] as Started).start, range.start) >= 0);
    for (let at = from; at < byStart.length && contains(range, (byStart[at] as Started).start); at++) inside.push(byStart[at] as Started);
    return inside.sort((a, b) => a.order - b.order).map((entry) => entry.ruleId);
  };
}

interface Started {
  start: Position;
  ruleId: string;
  order: number;
}

/**
 * The record of main findings made from the sections. A report without one gets a new record at its end;
 * an existing record is updated in place: grades corrected and missing rows added, nothing removed.
 */
export function recordOfFindingsEdit(analysis: Analysis): RecordEdit {
  const profile = analysis.report.framework?.profile;
  if (!profile || !analysis.isReport) return { edits: [], created: false, version: analysis.version };
  // a letter whose framework has no record (APA 2007) does not get one
  if (!analysis.report.record && !profile.record.expected) return { edits: [], created: false, declined: `${shortNameOf(profile)} reports have no record of main findings.`, version: analysis.version };
  if (analysis.report.record) {
    const edits: TextEdit[] = [];
    for (const diagnostic of analysis.diagnostics) {
      if (diagnostic.ruleId !== 'record-grade-mismatch' && diagnostic.ruleId !== 'missing-record-entry') continue;
      const fix = diagnostic.fixes.find((candidate) => candidate.preferred);
      if (fix) edits.push(...fix.edits);
    }
    return { edits, created: false, version: analysis.version };
  }
  const eol = analysis.eol;
  const style = profile.record.style ?? 'label';
  const rows: string[] = [];
  let part: string | null = null;
  let group: string | null = null;
  for (const section of analysis.report.judgementSections) {
    const level = section.judgement?.grade?.level;
    if (!level || section.judgement?.definition?.recorded === false) continue;
    const partTitle = section.part?.title ?? null;
    if (partTitle && partTitle !== part) {
      rows.push(`${partTitle}\t`);
      part = partTitle;
      group = null;
    }
    const groupId = section.judgement?.definition?.group ?? null;
    const groupTitle = groupId ? (profile.groups.find((candidate) => candidate.id === groupId)?.title ?? null) : null;
    if (groupTitle && groupTitle !== group) rows.push(`${groupTitle}\t`);
    group = groupTitle;
    rows.push(`${titleOf(section)}\t${writeGrade(profile, level, style, false)}`);
  }
  if (!rows.length) return { edits: [], created: false, version: analysis.version };
  const lastLine = analysis.lines.length - 1;
  const end = { line: lastLine, character: (analysis.lines[lastLine] ?? '').length };
  const title = profile.record.titles[0] ?? 'Record of main findings';
  const lead = (analysis.lines[lastLine] ?? '').trim() ? `${eol}${eol}` : eol;
  return { edits: [{ range: { start: end, end }, newText: `${lead}${title}${eol}${eol}${rows.join(eol)}${eol}` }], created: true, version: analysis.version };
}

export function knownFrameworks(analysis: Analysis | undefined): { id: string; name: string }[] {
  return (analysis?.config.registry ?? builtinFrameworks()).all().map((profile) => ({ id: profile.id, name: profile.name }));
}
