import type { Location } from 'vscode-languageserver/node';
import { linkContents } from '../../core/analysis/contents-links';
import { linkRecord } from '../../core/analysis/record-links';
import type { Section } from '../../core/model';
import type { Position } from '../../core/text';
import type { Analysis } from '../analysis';
import { locate } from '../locate';

/** The section a record row, contents entry, summary statement or grade in the record points to. */
function targetSection(analysis: Analysis, position: Position): Section | null {
  const found = locate(analysis, position);
  if (!found) return null;
  switch (found.kind) {
    case 'row':
      return linkRecord(analysis.report).sectionOf(found.row);
    case 'grade':
      return found.row ? linkRecord(analysis.report).sectionOf(found.row) : null;
    case 'contents':
      return linkContents(analysis.report).sectionOf(found.entry);
    case 'statement':
      return (
        analysis.report.judgementSections.find(
          (section) => section.judgement?.definition === found.statement.definition && section.part?.definition?.id === found.statement.section.part?.definition?.id,
        ) ?? null
      );
    default:
      return null;
  }
}

export function definition(analysis: Analysis, position: Position): Location | null {
  if (!analysis.isReport) return null;
  const section = targetSection(analysis, position);
  return section ? { uri: analysis.uri, range: section.heading.range } : null;
}

/** From a heading (or anything pointing at a section): the heading, its record row and its contents entry. */
export function references(analysis: Analysis, position: Position, includeDeclaration: boolean): Location[] {
  if (!analysis.isReport) return [];
  const found = locate(analysis, position);
  const section = found?.kind === 'heading' ? found.section : found?.kind === 'term' ? found.section : targetSection(analysis, position);
  if (!section) return [];
  const out: Location[] = [];
  if (includeDeclaration) out.push({ uri: analysis.uri, range: section.heading.range });
  const row = linkRecord(analysis.report).rowOf(section);
  if (row) out.push({ uri: analysis.uri, range: row.title.range });
  const entry = linkContents(analysis.report).entryOf(section);
  if (entry) out.push({ uri: analysis.uri, range: entry.title.range });
  return out;
}
