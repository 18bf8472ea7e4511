import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver/node';
import { flattenSections } from '../../core/model';
import type { Range } from '../../core/text';
import type { Analysis } from '../analysis';

/** Sections, parts, the record, the contents and lists of areas for improvement fold. */
export function foldingRanges(analysis: Analysis): FoldingRange[] {
  const out: FoldingRange[] = [];
  const seen = new Set<string>();
  const add = (range: Range, kind?: FoldingRangeKind) => {
    if (range.end.line <= range.start.line) return;
    const key = `${range.start.line}:${range.end.line}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ startLine: range.start.line, endLine: range.end.line, ...(kind ? { kind } : {}) });
  };
  for (const section of flattenSections(analysis.report.sections)) add(section.range, FoldingRangeKind.Region);
  if (analysis.report.record) add(analysis.report.record.range, FoldingRangeKind.Region);
  if (analysis.report.contents) add(analysis.report.contents.range, FoldingRangeKind.Region);
  for (const list of analysis.report.actionLists) {
    add(list.range);
    for (const group of list.groups) {
      const last = group.items[group.items.length - 1];
      if (group.timescale && last) add({ start: group.timescale.range.start, end: last.range.end });
    }
  }
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
