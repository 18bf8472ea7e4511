import { flattenSections, parse, type ParseOptions, type ParseResult, type Section } from '../../server/src/core';

export function sectionsOf(report: ParseResult): Section[] {
  return flattenSections(report.sections);
}

export function sectionTitled(report: ParseResult, title: string, occurrence = 0): Section {
  const found = sectionsOf(report).filter((section) => section.title === title)[occurrence];
  if (!found) {
    throw new Error(`no section "${title}" (#${occurrence}); sections: ${sectionsOf(report).map((s) => s.title).join(' | ')}`);
  }
  return found;
}

/** Builds a document from lines (joined with LF). */
export function doc(...lines: string[]): string {
  return lines.join('\n');
}

export function parseLines(options: ParseOptions, ...lines: string[]): ParseResult {
  return parse(doc(...lines), options);
}
