import type { Directive } from '../core/model';

/**
 * Inline comments that turn rules off, as markdownlint's do:
 * `<!-- inspection-lint-disable-next-line rule -->`, `-disable-line`, `-disable` … `-enable`, `-disable-file`.
 * A comment that names no rule applies to all rules.
 */
export function suppressions(directives: readonly Directive[], lineCount: number): (ruleId: string, line: number) => boolean {
  const relevant = directives.filter((directive) => directive.kind !== 'framework');
  if (!relevant.length) return () => false;
  const fileWide = relevant.filter((directive) => directive.kind === 'disable-file');
  const onLine = new Map<number, Directive[]>();
  const blocks = relevant.filter((directive) => directive.kind === 'disable' || directive.kind === 'enable');
  for (const directive of relevant) {
    const line =
      directive.kind === 'disable-next-line' ? directive.range.start.line + 1 : directive.kind === 'disable-line' ? directive.range.start.line : -1;
    if (line < 0 || line >= lineCount) continue;
    const list = onLine.get(line) ?? [];
    list.push(directive);
    onLine.set(line, list);
  }
  const names = (directive: Directive, ruleId: string) => directive.values.length === 0 || directive.values.includes(ruleId);
  return (ruleId, line) => {
    if (fileWide.some((directive) => names(directive, ruleId))) return true;
    if (onLine.get(line)?.some((directive) => names(directive, ruleId))) return true;
    let disabled = false;
    for (const directive of blocks) {
      if (directive.range.start.line > line) break;
      if (names(directive, ruleId)) disabled = directive.kind === 'disable';
    }
    return disabled;
  };
}
