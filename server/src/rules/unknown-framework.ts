import { defineRule } from './rule';
import { quote, replace } from './support';

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

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
    const closest = known.map((id) => ({ id, d: distance(unknown.id, id) })).sort((a, b) => a.d - b.d)[0];
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
        fixes: closest && closest.d <= 3 && idRange !== directive.range ? [{ title: `Use ${closest.id}`, edits: [replace(idRange, closest.id)], preferred: true }] : [],
      },
    ];
  },
});
