import type { Grade, JudgementSentence, Section } from '../../core/model';
import { prettyJson, streamed } from './chunks';
import type { FileResult, Formatter } from './types';

const line = (zeroBased: number) => zeroBased + 1;

function grade(value: Grade | null | undefined) {
  if (!value) return null;
  return {
    value: value.number?.value ?? null,
    label: value.label?.text ?? value.level?.label ?? null,
    level: value.level?.key ?? null,
    written: value.text,
    line: line(value.range.start.line),
  };
}

function judgement(sentence: JudgementSentence | null | undefined) {
  if (!sentence) return null;
  return { term: sentence.term.text, level: sentence.term.level.key, line: line(sentence.term.range.start.line) };
}

function section(value: Section): unknown {
  return {
    title: value.title,
    kind: value.kind,
    part: value.part?.title ?? null,
    line: line(value.heading.range.start.line),
    grade: grade(value.judgement?.grade),
    judgement: judgement(value.judgement?.sentence),
    children: value.children.map(section),
  };
}

/** The parsed model of each file (lines 1-based), for people and tools that want the structure itself. */
export const formatModel: Formatter = (files) => prettyJson(streamed(models(files)));

function* models(files: Iterable<FileResult>) {
  for (const { filePath, report } of files) {
    if (!report) continue;
    yield {
      filePath,
      framework: report.framework ? { id: report.framework.profile.id, name: report.framework.profile.name, source: report.framework.source } : null,
      title: report.title?.text ?? null,
      sections: report.sections.map(section),
      record: (report.record?.rows ?? []).map((row) => ({
        group: row.group?.title.text ?? null,
        title: row.title.text,
        label: row.grade?.text ?? null,
        level: row.grade?.level?.key ?? null,
        line: line(row.range.start.line),
      })),
      contents: (report.contents?.entries ?? []).map((entry) => ({ title: entry.title.text, page: entry.page, line: line(entry.range.start.line) })),
      paragraphs: report.paragraphs.map((paragraph) => ({ number: paragraph.number, line: line(paragraph.range.start.line) })),
      actionLists: report.actionLists.map((list) => ({
        title: list.heading?.text ?? null,
        line: line(list.range.start.line),
        groups: list.groups.map((group) => ({
          timescale: group.timescale?.text ?? null,
          items: group.items.map((item) => ({ text: item.text, line: line(item.range.start.line) })),
        })),
      })),
    };
  }
}
