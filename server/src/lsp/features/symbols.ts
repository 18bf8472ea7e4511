import { SymbolKind, type DocumentSymbol, type WorkspaceSymbol } from 'vscode-languageserver/node';
import { flattenSections, type Section } from '../../core/model';
import type { Analysis } from '../analysis';
import { gradeDetail, sectionDetail } from './describe';

const KIND: Record<Section['kind'], SymbolKind> = {
  part: SymbolKind.Module,
  group: SymbolKind.Namespace,
  judgement: SymbolKind.Constant,
  contents: SymbolKind.Array,
  record: SymbolKind.Struct,
  actions: SymbolKind.Array,
  section: SymbolKind.String,
};

function symbolOf(section: Section, analysis: Analysis): DocumentSymbol {
  const children = section.children.map((child) => symbolOf(child, analysis));
  const record = analysis.report.record;
  if (section.kind === 'record' && record?.heading && record.heading.range.start.line === section.heading.range.start.line) {
    for (const group of record.groups) {
      children.push({
        name: group.title.text,
        kind: SymbolKind.Namespace,
        range: group.rows.length ? { start: group.range.start, end: group.rows[group.rows.length - 1]!.range.end } : group.range,
        selectionRange: group.title.range,
        children: group.rows.map((row) => ({
          name: row.title.text,
          detail: row.grade ? gradeDetail(row.grade) : '',
          kind: SymbolKind.Field,
          range: row.range,
          selectionRange: row.title.range,
        })),
      });
    }
    for (const row of record.rows.filter((candidate) => !candidate.group)) {
      children.push({ name: row.title.text, detail: gradeDetail(row.grade), kind: SymbolKind.Field, range: row.range, selectionRange: row.title.range });
    }
  }
  return {
    name: section.title || '(untitled)',
    detail: sectionDetail(section),
    kind: KIND[section.kind],
    range: section.range,
    selectionRange: section.heading.range,
    children,
  };
}

/** Outline: parts, groups and sections as the report nests them, each judgement with its grade. */
export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const symbols = analysis.report.sections.map((section) => symbolOf(section, analysis));
  const record = analysis.report.record;
  if (record && !record.heading && record.rows.length) {
    // a summary table with no heading of its own (SIF, ILACS first pages)
    const table: DocumentSymbol = {
      name: 'Summary of judgements',
      detail: `${record.rows.length} judgements`,
      kind: SymbolKind.Struct,
      range: record.range,
      selectionRange: record.rows[0]!.title.range,
      children: record.rows.map((row) => ({ name: row.title.text, detail: gradeDetail(row.grade), kind: SymbolKind.Field, range: row.range, selectionRange: row.title.range })),
    };
    const at = symbols.findIndex((symbol) => symbol.range.start.line > record.range.start.line);
    symbols.splice(at < 0 ? symbols.length : at, 0, table);
  }
  return symbols;
}

/** Does the query match the name, its letters in order and each run starting a word ("staysafe" → "Staying safe")? */
export function matchesQuery(query: string, name: string): boolean {
  const q = query.toLowerCase().replace(/\s+/g, '');
  const n = name.toLowerCase();
  const wordStart = (index: number) => index === 0 || !/[a-z0-9]/.test(n.charAt(index - 1));
  const match = (qi: number, ni: number): boolean => {
    if (qi === q.length) return true;
    // continue the current run, or jump to a later word that starts with the next letter
    if (ni < n.length && n.charAt(ni) === q.charAt(qi) && match(qi + 1, ni + 1)) return true;
    for (let next = ni + 1; next < n.length; next++) {
      if (wordStart(next) && n.charAt(next) === q.charAt(qi) && match(qi + 1, next + 1)) return true;
    }
    return false;
  };
  for (let start = 0; start < n.length; start++) if (wordStart(start) && n.charAt(start) === q.charAt(0) && match(1, start + 1)) return true;
  return q.length === 0;
}

/** Judgements and parts of every open report. */
export function workspaceSymbols(analyses: readonly Analysis[], query: string): WorkspaceSymbol[] {
  const out: WorkspaceSymbol[] = [];
  for (const analysis of analyses) {
    if (!analysis.isReport) continue;
    for (const section of flattenSections(analysis.report.sections)) {
      if (section.kind !== 'judgement' && section.kind !== 'part' && section.kind !== 'record') continue;
      if (query && !matchesQuery(query, section.title)) continue;
      out.push({
        name: section.title,
        kind: KIND[section.kind],
        location: { uri: analysis.uri, range: section.heading.range },
        containerName: [section.part && section.kind !== 'part' ? section.part.title : null, section.kind === 'judgement' ? gradeDetail(section.judgement?.grade) : null]
          .filter(Boolean)
          .join(' · '),
      });
      if (out.length >= 1000) return out;
    }
  }
  return out;
}
