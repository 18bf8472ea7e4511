import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import { linkRecord } from '../../core/analysis/record-links';
import { describeScale } from '../../core/frameworks/notation';
import { shortNameOf, type FrameworkProfile, type Level } from '../../core/frameworks/profile';
import type { Grade, Section } from '../../core/model';
import type { Position } from '../../core/text';
import type { Analysis } from '../analysis';
import { locate } from '../locate';
import { gradeDetail } from './describe';
import { markdownText as md } from './markdown';

const line = (zeroBased: number) => `line ${zeroBased + 1}`;

/** The framework's whole scale as a table, best first, with one level marked. */
export function scaleTable(profile: FrameworkProfile, marked: Level | null): string {
  const numbered = profile.scale.direction !== 'labels-only';
  const rows = profile.scale.levels.map((level) => {
    const mark = level === marked ? '▶' : '';
    const label = level === marked ? `**${md(level.label)}**` : md(level.label);
    return numbered ? `| ${mark} | ${level.number ?? ''} | ${label} | ${md(level.descriptor ?? '')} |` : `| ${mark} | ${label} | ${md(level.descriptor ?? '')} |`;
  });
  const head = numbered ? '| | Grade | Label | Meaning |\n|:-:|:-:|---|---|' : '| | Grade | Meaning |\n|:-:|---|---|';
  return `${head}\n${rows.join('\n')}`;
}

function gradeHover(profile: FrameworkProfile, grade: Grade): string {
  const title = `**${md(shortNameOf(profile))} scale** — ${md(describeScale(profile))}`;
  const notes: string[] = [];
  if (grade.number && !grade.numberLevel) notes.push(`⚠ Grade ${grade.number.value} is not on this scale.`);
  if (grade.unreadable && grade.outOf !== undefined) notes.push(`⚠ *${md(grade.text)}* counts grades out of ${grade.outOf}: this scale has ${profile.scale.levels.length} levels.`);
  if (grade.label && !grade.label.level) notes.push(`⚠ "${md(grade.label.text)}" is not a label of this scale.`);
  if (grade.numberLevel && grade.label?.level && grade.numberLevel !== grade.label.level) {
    notes.push(`⚠ Grade ${grade.number?.value} is ${md(grade.numberLevel.label)}, but the label says ${md(grade.label.text)}.`);
  }
  const meaning = grade.level ? `\n\n${gradeMeaning(profile, grade, grade.level)}` : '';
  return `${title}${meaning}\n\n${scaleTable(profile, grade.level)}${notes.length ? `\n\n${notes.join('\n\n')}` : ''}`;
}

const COUNTS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** "*Grade 3* means **Adequate**, …"; a label that already says it is not repeated: "*Adequate* is …". */
function gradeMeaning(profile: FrameworkProfile, grade: Grade, level: Level): string {
  const levels = profile.scale.levels;
  const index = levels.indexOf(level);
  const count = COUNTS[levels.length] ?? String(levels.length);
  const place = index === 0 ? `the best of the ${count} levels` : index === levels.length - 1 ? `the lowest of the ${count} levels` : `level ${index + 1} of ${count}, counting from the best`;
  const saysIt = grade.label?.level === level && grade.label.text.trim().toLowerCase() === level.label.toLowerCase();
  return saysIt ? `*${md(grade.text)}* is ${place}.` : `*${md(grade.text)}* means **${md(level.label)}**, ${place}.`;
}

function agreement(termLevel: Level, grade: Grade | null | undefined, where: string): string {
  if (!grade?.level) return `No grade to compare with ${where}.`;
  return termLevel.key === grade.level.key
    ? `✓ Agrees with the grade *${md(grade.text)}* ${where}.`
    : `✗ Disagrees with the grade *${md(grade.text)}* ${where}, which means ${md(grade.level.label)}.`;
}

function headingHover(analysis: Analysis, profile: FrameworkProfile, section: Section): string | null {
  const name = `*${md(shortNameOf(profile))}* (${md(profile.name)})`;
  const present = new Set(
    analysis.report.judgementSections
      .filter((candidate) => candidate.part?.definition?.id === section.part?.definition?.id)
      .map((candidate) => candidate.judgement?.definition?.id),
  );
  if (section.kind === 'part') {
    const partId = section.part?.definition?.id;
    const index = profile.parts.findIndex((part) => part.id === partId);
    const expected = profile.judgements.filter((definition) => definition.graded && (!definition.parts || (partId && definition.parts.includes(partId))));
    const list = expected.map((definition) => `- ${present.has(definition.id) ? '✓' : '✗'} ${md(definition.title)}`).join('\n');
    return `**${md(section.title)}** — part ${index + 1} of ${profile.parts.length} of ${name}.\n\nJudgements it gives:\n${list}`;
  }
  if (section.kind === 'group') {
    const role = analysis.framework?.matchTitle(section.title);
    const groupId = role?.kind === 'group' ? role.group.id : null;
    const members = profile.judgements.filter((definition) => groupId !== null && definition.group === groupId);
    return `**${md(section.title)}** — a group of judgements in ${name}${members.length ? `:\n${members.map((definition) => `- ${md(definition.title)}`).join('\n')}` : '.'}`;
  }
  if (section.kind !== 'judgement') return null;
  const definition = section.judgement?.definition;
  const where = section.part ? `, in *${md(section.part.title)}*` : '';
  const head = definition
    ? `**${md(section.title)}** — ${definition.graded ? 'a graded judgement' : 'a judgement'} of ${name}${where}.`
    : `**${md(section.title)}** — a graded section that ${name} does not list among its judgements${where}.`;
  const grade = section.judgement?.grade;
  const parts = [head, `Grade: ${grade ? `*${md(grade.text)}* (${md(gradeDetail(grade))})` : 'none'}.`];
  const row = analysis.report.record ? linkRecord(analysis.report).rowOf(section) : undefined;
  if (row !== undefined) parts.push(row ? `Record of main findings: ${line(row.range.start.line)} (${md(row.grade?.text ?? 'no grade')}).` : 'Not in the record of main findings.');
  return parts.join('\n\n');
}

export function hover(analysis: Analysis, position: Position): Hover | null {
  if (!analysis.isReport) return null;
  const profile = analysis.report.framework?.profile;
  const found = locate(analysis, position);
  if (!found || !profile) return null;
  let value: string | null = null;
  let range = null;
  switch (found.kind) {
    case 'grade':
      value = gradeHover(profile, found.grade);
      range = found.grade.range;
      break;
    case 'term': {
      const sentence = found.section.judgement!.sentence!;
      const level = sentence.term.level;
      value = `**${md(sentence.term.text)}** expresses **${md(level.label)}**${level.number !== undefined ? ` (grade ${level.number})` : ''} on the ${md(shortNameOf(profile))} scale.\n\n${agreement(level, found.section.judgement?.grade, `of "${md(found.section.title)}"`)}`;
      range = sentence.term.range;
      break;
    }
    case 'statement': {
      const { statement } = found;
      const target = analysis.report.judgementSections.find((section) => section.judgement?.definition === statement.definition && section.part?.definition?.id === statement.section.part?.definition?.id);
      value = `"${md(statement.section.title)}" says **${md(statement.mention.text)}** is **${md(statement.term.text)}** (${md(statement.term.level.label)}).\n\n${target ? agreement(statement.term.level, target.judgement?.grade, `of "${md(target.title)}" (${line(target.heading.range.start.line)})`) : 'That judgement has no graded section.'}`;
      range = statement.term.range;
      break;
    }
    case 'row': {
      const section = linkRecord(analysis.report).sectionOf(found.row);
      const head = `Record row **${md(found.row.title.text)}**${found.row.grade ? ` · ${md(found.row.grade.text)}` : ''}`;
      if (!section) value = `${head}\n\nNo section of the report gives this judgement.`;
      else {
        const grade = section.judgement?.grade;
        const same = grade?.level && found.row.grade?.level ? (grade.level === found.row.grade.level ? '✓ Same grade.' : `✗ The section is graded ${md(grade.text)}.`) : '';
        value = `${head}\n\nSection *${md(section.title)}*${section.part ? ` in ${md(section.part.title)}` : ''} (${line(section.heading.range.start.line)}), graded ${grade ? `*${md(grade.text)}*` : 'nothing'}. ${same}`;
      }
      // the whole row: the cursor may stand between its cells ("Overall effectiveness | Good")
      range = found.row.range;
      break;
    }
    case 'heading':
      value = headingHover(analysis, profile, found.section);
      range = found.section.heading.range;
      break;
    case 'contents':
      return null;
  }
  if (!value) return null;
  return { contents: { kind: MarkupKind.Markdown, value }, ...(range ? { range } : {}) };
}
