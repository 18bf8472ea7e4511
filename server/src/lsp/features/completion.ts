import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem } from 'vscode-languageserver/node';
import { sectionsNotation, usualNotation, writeGrade } from '../../core/frameworks/notation';
import type { FrameworkProfile, Level } from '../../core/frameworks/profile';
import { flattenSections } from '../../core/model';
import type { Position } from '../../core/text';
import type { Analysis } from '../analysis';
import { markdownText as md, snippetText } from './markdown';

const gradeDoc = (profile: FrameworkProfile, index: number) => {
  const level = profile.scale.levels[index]!;
  const rank = index === 0 ? ' (best)' : index === profile.scale.levels.length - 1 ? ' (worst)' : '';
  return `**${md(level.label)}**${rank}${level.descriptor ? ` — ${md(level.descriptor)}` : ''}`;
};

/** After "Grade " (or in a grade cell of the record): the framework's scale, best first. */
function gradeItems(profile: FrameworkProfile, position: Position, from: number, style: Parameters<typeof writeGrade>[2], lowerCase?: boolean): CompletionItem[] {
  return profile.scale.levels.map((level, index) => {
    const text = writeGrade(profile, level, style, lowerCase);
    return {
      label: text,
      kind: CompletionItemKind.EnumMember,
      detail: level.label,
      documentation: { kind: MarkupKind.Markdown, value: gradeDoc(profile, index) },
      sortText: String(index).padStart(2, '0'),
      filterText: text,
      textEdit: { range: { start: { line: position.line, character: from }, end: position }, newText: text },
    };
  });
}

/** At the start of a paragraph: the framework's judgements this part of the report does not have yet. */
function headingItems(analysis: Analysis, profile: FrameworkProfile, position: Position, from: number, snippets: boolean): CompletionItem[] {
  const part = flattenSections(analysis.report.sections).find(
    (section) => section.kind === 'part' && section.range.start.line <= position.line && section.range.end.line >= position.line - 1,
  );
  const partId = part?.part?.definition?.id ?? null;
  const present = new Set(
    analysis.report.judgementSections
      .filter((section) => (section.part?.definition?.id ?? null) === partId && section.heading.range.start.line !== position.line)
      .map((section) => section.judgement?.definition?.id),
  );
  const inline = profile.notation.preferred === 'heading-colon-label';
  // the grade written as the report's other grades are ("Adequate (Grade 3)"), else as the framework writes it
  const notation = inline ? null : sectionsNotation(profile, analysis.report.judgementSections);
  const written = (level: Level) => (notation ? writeGrade(profile, level, notation.style, notation.lowerCase) : writeGrade(profile, level));
  const choices = profile.scale.levels.map((level) => written(level).replace(/[\\,|]/g, (c) => `\\${c}`)).join(',');
  return profile.judgements
    .filter((definition) => definition.graded && !present.has(definition.id) && (!definition.parts || !partId || definition.parts.includes(partId)))
    .map((definition, index) => {
      const title = snippetText(definition.title);
      const snippet = inline ? `${title}: \${1|${choices}|}` : `${title}\n\n\${1|${choices}|}\n\n$0`;
      return {
        label: definition.title,
        kind: CompletionItemKind.Module,
        detail: `${profile.shortName ?? profile.name} judgement${part ? ` · ${part.title}` : ''}`,
        documentation: { kind: MarkupKind.Markdown, value: `Adds the heading **${md(definition.title)}** and its grade.` },
        sortText: `1${String(index).padStart(3, '0')}`,
        ...(snippets
          ? { insertTextFormat: InsertTextFormat.Snippet, textEdit: { range: { start: { line: position.line, character: from }, end: position }, newText: snippet } }
          : { textEdit: { range: { start: { line: position.line, character: from }, end: position }, newText: definition.title } }),
      };
    });
}

/** How the framework writes a grade that starts with "Grade": its own way ("Grade 4" in APA letters) when it has one. */
function numberedStyle(profile: FrameworkProfile): Parameters<typeof writeGrade>[2] {
  const { preferred, styles } = profile.notation;
  if (preferred === 'grade-number' || preferred === 'grade-number-label') return preferred;
  return styles.includes('grade-number-label') ? 'grade-number-label' : styles.includes('grade-number') ? 'grade-number' : preferred;
}

export function completions(analysis: Analysis, position: Position, snippets: boolean): CompletionItem[] {
  const profile = analysis.report.framework?.profile;
  if (!analysis.isReport || !profile) return [];
  const line = analysis.lines[position.line] ?? '';
  const prefix = line.slice(0, position.character);
  // "Grade " on a line of its own, in a cell, or after a judgement's title ("Being healthy Grade ", "…**Grade ")
  const grade = /(?:^|\*\*|<b>|\t|\s)(grade\s*\d?)$/i.exec(prefix);
  if (grade?.[1]) {
    const before = prefix.slice(0, prefix.length - grade[1].length).replace(/^.*\t/, '').replace(/(?:\*\*|<b>)\s*$/, '').trim();
    if (!before || analysis.framework?.matchTitle(before)?.kind === 'judgement') {
      return gradeItems(profile, position, position.character - grade[1].length, numberedStyle(profile));
    }
  }
  const record = analysis.report.record;
  if (record && prefix.includes('\t') && position.line >= record.range.start.line && position.line <= record.range.end.line + 1) {
    const cell = prefix.slice(prefix.lastIndexOf('\t') + 1);
    // as the record's other cells write their grades, else as the framework's records do
    const notation = usualNotation(
      record.rows.map((row) => row.grade),
      profile.record.style ?? 'label',
    );
    return gradeItems(profile, position, position.character - cell.length, notation?.style ?? profile.record.style ?? 'label', notation?.lowerCase);
  }
  const word = /^[A-Za-z][A-Za-z ,'\u2019-]{0,60}$/.exec(prefix);
  const previousBlank = position.line === 0 || !(analysis.lines[position.line - 1] ?? '').trim();
  if ((word || prefix === '') && previousBlank) return headingItems(analysis, profile, position, 0, snippets);
  return [];
}
