import { defineRule } from './rule';
import { closest, quote, replace } from './support';

export default defineRule({
  meta: {
    id: 'unknown-framework',
    description: 'The framework directive names a framework that does not exist.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(context) {
    const unknown = context.report.unknownFramework;
    if (!unknown?.directive) return [];
    const known = unknown.known;
    const near = closest(unknown.id, known);
    const directive = unknown.directive;
    const text = context.lines[directive.range.start.line]?.slice(directive.range.start.character, directive.range.end.character) ?? '';
    const at = text.lastIndexOf(unknown.id);
    const idRange = at >= 0 && unknown.id
      ? { start: { line: directive.range.start.line, character: directive.range.start.character + at }, end: { line: directive.range.start.line, character: directive.range.start.character + at + unknown.id.length } }
      : directive.range;
    return [
      {
        message:
          (unknown.id ? `No framework is called ${quote(unknown.id)}` : 'The framework directive names no framework') +
          `; known frameworks: ${known.join(', ')}.` +
          (context.report.framework ? ` The report is read as ${context.report.framework.profile.id}.` : ''),
        range: idRange,
        fixes: near && idRange !== directive.range ? [{ title: `Use ${near}`, edits: [replace(idRange, near)], preferred: true }] : [],
      },
    ];
  },
});
