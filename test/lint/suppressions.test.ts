import * as assert from 'assert';
import * as fc from 'fast-check';
import type { Directive } from '../../server/src/core/model';
import { lineRange } from '../../server/src/core/text';
import { suppressions } from '../../server/src/lint/suppressions';

const RULES = ['missing-grade', 'grade-wording-mismatch', 'paragraph-numbering'];
const KINDS: Directive['kind'][] = ['framework', 'disable', 'enable', 'disable-next-line', 'disable-line', 'disable-file'];

/** What the comments mean, read the plain way: every comment, for every question. */
function readingEveryComment(directives: readonly Directive[], lineCount: number, ruleId: string, line: number): boolean {
  const names = (directive: Directive) => directive.values.length === 0 || directive.values.includes(ruleId);
  const rules = directives.filter((directive) => directive.kind !== 'framework');
  if (rules.some((directive) => directive.kind === 'disable-file' && names(directive))) return true;
  const linesTurnedOff = (directive: Directive) =>
    directive.kind === 'disable-next-line' ? directive.range.start.line + 1 : directive.kind === 'disable-line' ? directive.range.start.line : -1;
  if (rules.some((directive) => linesTurnedOff(directive) === line && line < lineCount && names(directive))) return true;
  let disabled = false;
  for (const directive of rules) {
    if (directive.range.start.line > line) break;
    if ((directive.kind === 'disable' || directive.kind === 'enable') && names(directive)) disabled = directive.kind === 'disable';
  }
  return disabled;
}

/** Comments in document order (several may share a line), as readDirectives gives them. */
const directivesArbitrary = fc
  .array(
    fc.record({
      kind: fc.constantFrom(...KINDS),
      values: fc.array(fc.constantFrom(...RULES, 'nope'), { maxLength: 3 }),
      line: fc.nat({ max: 12 }),
    }),
    { maxLength: 14 },
  )
  .map((items) =>
    items
      .sort((a, b) => a.line - b.line)
      .map((item, index): Directive => ({ kind: item.kind, values: item.values, range: lineRange(item.line, index, index + 1) })),
  );

describe('suppressions', () => {
  it('answer as a reading of every comment would, for every rule and line', () => {
    fc.assert(
      fc.property(directivesArbitrary, fc.integer({ min: 1, max: 14 }), (directives, lineCount) => {
        const suppressed = suppressions(directives, lineCount);
        for (const ruleId of [...RULES, 'other-rule']) {
          for (let line = 0; line < lineCount; line++) {
            assert.strictEqual(suppressed(ruleId, line), readingEveryComment(directives, lineCount, ruleId, line), `${ruleId} on line ${line}`);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('turn a rule off from its disable comment to its enable comment', () => {
    const directives: Directive[] = [
      { kind: 'disable', values: ['missing-grade'], range: lineRange(2, 0, 10) },
      { kind: 'enable', values: [], range: lineRange(5, 0, 10) },
      { kind: 'disable-next-line', values: ['paragraph-numbering'], range: lineRange(7, 0, 10) },
    ];
    const suppressed = suppressions(directives, 10);
    assert.deepStrictEqual([1, 2, 4, 5, 6].map((line) => suppressed('missing-grade', line)), [false, true, true, false, false]);
    assert.deepStrictEqual([7, 8, 9].map((line) => suppressed('paragraph-numbering', line)), [false, true, false]);
    assert.strictEqual(suppressed('grade-wording-mismatch', 3), false);
  });
});
