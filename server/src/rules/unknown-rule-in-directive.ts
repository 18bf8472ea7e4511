import type { Range } from '../core/text';
import { defineRule, type Problem } from './rule';
import { closest, quote, replace } from './support';

/** Where each name a lint directive gives stands on its line. */
function namesWithRanges(line: string, range: Range, names: readonly string[]): { name: string; range: Range }[] {
  const out: { name: string; range: Range }[] = [];
  const text = line.slice(0, range.end.character);
  // the names come after the directive's own word ("inspection-lint-disable-next-line")
  let cursor = text.indexOf('inspection-lint-', range.start.character);
  cursor = cursor < 0 ? range.start.character : text.indexOf(' ', cursor);
  for (const name of names) {
    const at = cursor < 0 ? -1 : text.indexOf(name, cursor);
    if (at < 0) break;
    out.push({ name, range: { start: { line: range.start.line, character: at }, end: { line: range.start.line, character: at + name.length } } });
    cursor = at + name.length;
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'unknown-rule-in-directive',
    description: 'A comment that turns rules off names a rule that does not exist.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(context) {
    const known = new Set(context.ruleIds);
    const nearest = new Map<string, string | null>();
    const nearestTo = (name: string) => {
      if (!nearest.has(name)) nearest.set(name, closest(name, context.ruleIds));
      return nearest.get(name) ?? null;
    };
    const problems: Problem[] = [];
    for (const directive of context.report.directives) {
      if (directive.kind === 'framework' || directive.values.every((name) => known.has(name))) continue;
      const line = context.lines[directive.range.start.line] ?? '';
      for (const { name, range } of namesWithRanges(line, directive.range, directive.values)) {
        if (known.has(name)) continue;
        const near = nearestTo(name);
        problems.push({
          message: `No rule is called ${quote(name)}, so this comment turns nothing off for it.` + (near ? ` Did you mean ${near}?` : ''),
          range,
          fixes: near ? [{ title: `Use ${near}`, edits: [replace(range, near)], preferred: true }] : [],
        });
      }
    }
    return problems;
  },
});
