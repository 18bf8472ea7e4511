import { compileFramework, flattenSections, type ParseResult } from '../../server/src/core';

/** The shape of test/golden/*.expected.json (see test/golden/FORMAT.md). */
export interface Expectations {
  framework: string;
  title: { text: string; line: number } | null;
  judgements: {
    title: string;
    headingLine: number;
    part: string | null;
    grade: { line: number; written: string; number: number | null; label: string | null } | null;
    meaning: string | null;
    sentence: { line: number; term: string; meaning: string } | null;
  }[];
  headings: { title: string; line: number; kind: string }[];
  record: {
    headingLine: number | null;
    groups: { title: string | null; line: number | null; rows: { title: string; label: string; meaning: string; line: number }[] }[];
  } | null;
  contents: { title: string; page: number; line: number }[];
  paragraphs: { number: number; line: number }[];
  actionLists: { headingLine: number | null; title: string | null; groups: { timescale: string | null; line: number | null; items: number[] }[] }[];
  summaryStatements: { line: number; judgement: string; term: string; meaning: string }[];
  inconsistencies: { line: number; what: string; rule?: string }[];
}

const line = (zeroBased: number) => zeroBased + 1;

/** The parser's model, reduced to the facts an expectations file states, in the same shape. */
export function describeModel(report: ParseResult): Omit<Expectations, 'inconsistencies'> {
  const sections = flattenSections(report.sections);
  return {
    framework: report.framework?.profile.id ?? '(none)',
    title: report.title ? { text: report.title.text, line: line(report.title.range.start.line) } : null,
    judgements: sections
      .filter((section) => section.judgement?.grade)
      .map((section) => {
        const judgement = section.judgement!;
        const grade = judgement.grade!;
        return {
          title: section.title,
          headingLine: line(section.heading.range.start.line),
          part: section.part?.title ?? null,
          grade: {
            line: line(grade.range.start.line),
            written: grade.text,
            number: grade.number?.value ?? null,
            label: grade.label?.text ?? null,
          },
          meaning: grade.level?.key ?? null,
          sentence: judgement.sentence
            ? { line: line(judgement.sentence.term.range.start.line), term: judgement.sentence.term.text, meaning: judgement.sentence.term.level.key }
            : null,
        };
      }),
    headings: sections
      .filter((section) => !section.judgement?.grade)
      .map((section) => ({
        title: section.heading.text,
        line: line(section.heading.range.start.line),
        kind: section.kind === 'contents' ? 'section' : section.kind,
      })),
    record: report.record
      ? {
          headingLine: report.record.heading ? line(report.record.heading.range.start.line) : null,
          groups: report.record.groups.map((group) => ({
            title: group.title.text,
            line: line(group.range.start.line),
            rows: group.rows.map((row) => ({
              title: row.title.text,
              label: row.grade?.text ?? '',
              meaning: row.grade?.level?.key ?? '',
              line: line(row.range.start.line),
            })),
          })),
        }
      : null,
    contents: (report.contents?.entries ?? []).map((entry) => ({
      title: entry.title.text,
      page: entry.page ?? -1,
      line: line(entry.range.start.line),
    })),
    paragraphs: report.paragraphs.map((paragraph) => ({ number: paragraph.number, line: line(paragraph.range.start.line) })),
    actionLists: report.actionLists.map((list) => ({
      headingLine: list.heading ? line(list.heading.range.start.line) : null,
      title: list.heading?.text ?? null,
      groups: list.groups.map((group) => ({
        timescale: group.timescale?.text ?? null,
        line: group.timescale ? line(group.timescale.range.start.line) : list.heading ? line(list.heading.range.start.line) : null,
        items: group.items.map((item) => line(item.range.start.line)),
      })),
    })),
    summaryStatements: report.summaryStatements.map((statement) => ({
      line: line(statement.term.range.start.line),
      judgement: statement.definition.id,
      term: statement.term.text,
      meaning: statement.term.level.key,
    })),
  };
}

/** Expectations name a judgement as printed; the model names it by the framework's id. */
export function judgementIdOf(report: ParseResult, title: string): string {
  const framework = report.framework ? compileFramework(report.framework.profile) : null;
  const role = framework?.matchTitle(title);
  return role?.kind === 'judgement' ? role.definition.id : `(unknown: ${title})`;
}
