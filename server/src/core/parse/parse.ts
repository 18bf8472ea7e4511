import { builtinFrameworks } from '../frameworks/builtin';
import { compileFramework, compileGeneric } from '../frameworks/compiled';
import type { FrameworkRegistry } from '../frameworks/registry';
import { flattenSections, type Report, type TextSpan } from '../model';
import { lineRange, splitLines, trimmedSpan } from '../text';
import { reportYear } from './dates';
import { resolveFramework, type Detection } from './detect';
import { readDirectives } from './directives';
import { ProseReader } from './judgements';
import { Lines, markdownHeading, type SearchText } from './lines';
import { StructureParser } from './structure';

export interface ParseOptions {
  /** Use this framework (by id) unless the document's own directive names one. */
  framework?: string;
  /** Where a forced framework came from, for messages. */
  frameworkSource?: 'option' | 'config';
  /** Frameworks to choose from; the built-in ones by default. */
  registry?: FrameworkRegistry;
}

export interface ParseResult extends Report {
  /** A framework named by a directive, option or configuration that is not known. */
  unknownFramework: Detection['unknown'];
}

/** Reads a report draft into its model. Total: any string gives a model, nothing throws. */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  const source = typeof text === 'string' ? text : String(text ?? '');
  return parseLines(splitLines(source), options, source);
}

/**
 * As parse, for a document already split into lines (without their terminators); `text` is the whole document, when at
 * hand, or a text standing for it in searches (see SearchText).
 */
export function parseLines(raw: readonly string[], options: ParseOptions = {}, text?: string | SearchText): ParseResult {
  const registry = options.registry ?? builtinFrameworks();
  const lines = new Lines(raw, text, (line) => registry.namesALevel(line));
  const directives = readDirectives(lines);
  const detection = resolveFramework({
    lines,
    registry,
    directives,
    ...(options.framework ? { forced: { id: options.framework, source: options.frameworkSource ?? 'option' } } : {}),
  });
  const profile = detection.resolution?.profile ?? null;
  const framework = profile ? compileFramework(profile) : compileGeneric(registry.all());
  const structure = new StructureParser(lines, framework).parse();
  const all = flattenSections(structure.sections);
  const prose = new ProseReader(lines, structure, framework);
  prose.attachJudgementSentences(all);

  return {
    framework: detection.resolution,
    unknownFramework: detection.unknown,
    title: findTitle(lines, profile?.detection.titles ?? []),
    directives,
    sections: structure.sections,
    record: structure.record,
    contents: structure.contents,
    paragraphs: structure.paragraphs,
    sentenceNumbers: structure.sentenceNumbers,
    actionLists: structure.actionLists,
    scaleTable: structure.scaleTable,
    summaryStatements: prose.summaryStatements(all),
    strayGrades: structure.strayGrades,
    year: reportYear(lines),
    lineCount: lines.length,
    judgementSections: all.filter((section) => section.judgement !== null),
  };
}

/** The line naming the report: one quoting the framework's title, else the first Markdown heading. */
function findTitle(lines: Lines, titles: readonly string[]): TextSpan | null {
  const wanted = titles.map((title) => title.toLowerCase());
  let firstMarkdown: TextSpan | null = null;
  for (let line = 0; line < Math.min(lines.length, 60); line++) {
    const text = lines.masked(line);
    const md = markdownHeading(text);
    const span = md ? md.title : trimmedSpan(text);
    if (span.end - span.start < 3 || span.end - span.start > 200) continue;
    const content = text.slice(span.start, span.end);
    const folded = content.toLowerCase().replace(/\u2019/g, "'");
    const named = wanted.some((title) => folded.includes(title)) && !/[.;]$/.test(content) && content.split(/\s+/).length <= 24;
    if (named || (md && !firstMarkdown)) {
      const result = { text: lines.text(line).slice(span.start, span.end), range: lineRange(line, span.start, span.end) };
      if (named) return result;
      firstMarkdown = result;
    }
  }
  return firstMarkdown;
}
