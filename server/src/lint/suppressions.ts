import type { Directive } from '../core/model';
import { firstIndexWhere } from '../core/text';

/**
 * Inline comments that turn rules off, as markdownlint's do:
 * `<!-- inspection-lint-disable-next-line rule -->`, `-disable-line`, `-disable` … `-enable`, `-disable-file`.
 * A comment that names no rule applies to all rules.
 *
 * Each question is a lookup, not a reading of every comment: a report with thousands of comments (or one naming
 * thousands of rules) and thousands of problems stays linear.
 */
export function suppressions(directives: readonly Directive[], lineCount: number): (ruleId: string, line: number) => boolean {
  const relevant = directives.filter((directive) => directive.kind !== 'framework');
  if (!relevant.length) return () => false;
  const named = new Map<Directive, ReadonlySet<string>>();
  for (const directive of relevant) if (directive.values.length) named.set(directive, new Set(directive.values));
  const names = (directive: Directive, ruleId: string) => named.get(directive)?.has(ruleId) ?? true;

  const fileWide = relevant.filter((directive) => directive.kind === 'disable-file');
  // per line, the rules its -line and -next-line comments turn off (null: all of them)
  const onLine = new Map<number, Set<string> | null>();
  for (const directive of relevant) {
    const line =
      directive.kind === 'disable-next-line' ? directive.range.start.line + 1 : directive.kind === 'disable-line' ? directive.range.start.line : -1;
    if (line < 0 || line >= lineCount) continue;
    const off = onLine.get(line);
    if (off === null) continue;
    if (!directive.values.length) onLine.set(line, null);
    else if (off) for (const value of directive.values) off.add(value);
    else onLine.set(line, new Set(directive.values));
  }
  // directives come in document order, so each rule's switches are sorted by line
  const blocks = relevant.filter((directive) => directive.kind === 'disable' || directive.kind === 'enable');
  const perRule = new Map<string, { offFile: boolean; switches: Directive[] }>();
  const forRule = (ruleId: string) => {
    let entry = perRule.get(ruleId);
    if (!entry) {
      entry = {
        offFile: fileWide.some((directive) => names(directive, ruleId)),
        switches: blocks.filter((directive) => names(directive, ruleId)),
      };
      perRule.set(ruleId, entry);
    }
    return entry;
  };
  return (ruleId, line) => {
    const { offFile, switches } = forRule(ruleId);
    if (offFile) return true;
    const off = onLine.get(line);
    if (off === null || off?.has(ruleId)) return true;
    const last = lastAtOrBefore(switches, line);
    return last !== null && last.kind === 'disable';
  };
}

/** The last of the directives (sorted by line) that starts on or before `line`, or null. */
function lastAtOrBefore(sorted: readonly Directive[], line: number): Directive | null {
  const after = firstIndexWhere(sorted.length, (index) => (sorted[index] as Directive).range.start.line > line);
  return after > 0 ? (sorted[after - 1] as Directive) : null;
}
