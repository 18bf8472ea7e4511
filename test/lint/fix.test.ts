import * as assert from 'assert';
import * as fc from 'fast-check';
import { lint } from '../../server/src/lint/engine';
import type { Diagnostic } from '../../server/src/lint/engine';
import { applyEdits, editsBetween, fixAll, overlaps, preferredEdits } from '../../server/src/lint/fix';
import type { TextEdit } from '../../server/src/rules/rule';
import { applyEdits as referenceApplyEdits } from '../helpers/edits';
import { readSeed } from '../helpers/paths';

const line = fc.constantFrom('', 'a', 'b', 'Grade 3', '12. A numbered paragraph.', 'Being healthy', 'x y z');
const eol = fc.constantFrom('\n', '\r\n', '\r');
/** Short texts of a few distinct lines, with any line endings, ending with a line break or not. */
const text = fc
  .tuple(fc.array(fc.tuple(line, eol), { maxLength: 14 }), fc.boolean())
  .map(([lines, trailing]) => {
    const joined = lines.map(([content, end]) => content + end).join('');
    return trailing ? joined : joined.replace(/(?:\r\n|\r|\n)$/, '');
  });

describe('fixing: edits between two texts, and fixes applied in rounds', () => {
  it('editsBetween gives edits that turn one text into the other, and never overlap', () => {
    fc.assert(
      fc.property(text, text, (before, after) => {
        const edits = editsBetween(before, after);
        assert.strictEqual(applyEdits(before, edits), after);
        // the test's own implementation of LSP edits agrees (it rejects overlapping edits) on LF texts
        if (!/\r/.test(before)) assert.strictEqual(referenceApplyEdits(before, edits), after);
      }),
      { numRuns: 3000 },
    );
  });

  it('editsBetween edits a changed line from its first to its last differing character only', () => {
    const edits = editsBetween('11. First.\n14. Second.\n13. Third.\n', '11. First.\n12. Second.\n13. Third.\n');
    assert.deepStrictEqual(edits, [{ range: { start: { line: 1, character: 1 }, end: { line: 1, character: 2 } }, newText: '2' }]);
    assert.deepStrictEqual(editsBetween('a\nb\n', 'a\nnew\nb\n'), [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: 'new\n' }]);
    assert.deepStrictEqual(editsBetween('same', 'same'), []);
  });

  it('fixAll stops when nothing is left to fix, and never loops', () => {
    const seed = readSeed('slac-2011-rutland');
    let checks = 0;
    const result = fixAll(seed.replace('12. The LSCB', '14. The LSCB'), (current) => (checks++, lint(current).diagnostics));
    assert.strictEqual(result.text, seed);
    assert.strictEqual(result.passes, 1);
    assert.strictEqual(checks, 2, 'the text is checked once before and once after the round');
    // a fix that undoes itself forever is cut short
    const flip = (current: string) => [
      { ruleId: 'flip', severity: 'warning' as const, message: '', related: [], range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, fixes: [{ title: 'flip', preferred: true, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, newText: current.startsWith('a') ? 'b' : 'a' }] }] },
    ];
    assert.strictEqual(fixAll('a', flip).passes, 1);
  });

  it('fixAll goes past ten rounds while each leaves fewer problems to fix: fifteen breaks in the numbering, one a round', () => {
    const paragraphs: string[] = [];
    for (let index = 0, number = 1; index < 31; index++, number += index % 2 ? 2 : 1) paragraphs.push(`${number}. Paragraph ${index} of the section, with its evidence.`, '');
    const text = ['Safeguarding services', '', 'Overall effectiveness', '', 'Grade 3 (Adequate)', '', ...paragraphs].join('\n');
    const check = (current: string) => lint(current, { framework: 'slac-2011' }).diagnostics;
    assert.ok(check(text).filter((d) => d.ruleId === 'paragraph-numbering').length >= 15);
    const result = fixAll(text, check);
    assert.ok(result.passes > 10, `${result.passes} rounds`);
    assert.deepStrictEqual(check(result.text).filter((d) => d.ruleId === 'paragraph-numbering'), []);
    assert.deepStrictEqual(result.text.match(/^\d+(?=\.)/gm)?.map(Number), Array.from({ length: 31 }, (_, index) => index + 1));
    // a long text gets its ten rounds, and few more: the fifteen it would need are not taken
    const long = fixAll(`${text}\n${'x'.repeat(4_000_000)}`, check).passes;
    assert.ok(long >= 10 && long < 15, `${long} rounds`);
  });

  it('preferredEdits takes the fixes a pairwise reading of every edit taken would', () => {
    /** The plain reading: each edit of a fix against every edit already taken, and against the fix's own. */
    const pairwise = (diagnostics: readonly Diagnostic[]) => {
      const taken: TextEdit[] = [];
      for (const diagnostic of diagnostics) {
        const fix = diagnostic.fixes.find((candidate) => candidate.preferred);
        if (!fix || !fix.edits.length) continue;
        const collides = fix.edits.some((edit, index) => [...taken, ...fix.edits.slice(0, index)].some((other) => overlaps(edit.range, other.range)));
        if (!collides) taken.push(...fix.edits);
      }
      return taken;
    };
    const position = fc.record({ line: fc.nat({ max: 4 }), character: fc.nat({ max: 4 }) });
    const edit = fc
      .tuple(position, position)
      .map(([a, b]): TextEdit => (a.line < b.line || (a.line === b.line && a.character <= b.character) ? { range: { start: a, end: b }, newText: 'x' } : { range: { start: b, end: a }, newText: 'x' }));
    const diagnostic = fc.record({ edits: fc.array(edit, { minLength: 0, maxLength: 3 }), preferred: fc.boolean() }).map(
      ({ edits, preferred }): Diagnostic => ({ ruleId: 'r', severity: 'warning', message: '', related: [], range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, fixes: [{ title: 'f', preferred, edits }] }),
    );
    fc.assert(
      fc.property(fc.array(diagnostic, { maxLength: 25 }), (diagnostics) => {
        assert.deepStrictEqual(preferredEdits(diagnostics), pairwise(diagnostics));
      }),
      { numRuns: 2000 },
    );
  });

  // a generous bound: every edit against every edit taken took 5 s for the 47 000 fixes of this text (1.2 MB)
  it('fixes thousands of problems in linear time', () => {
    const text = Array.from({ length: 48_000 }, (_, index) => `${(index * 7) % 50}. Some paragraph text.`).join('\n');
    const diagnostics = lint(text).diagnostics;
    assert.ok(diagnostics.length > 40_000);
    const started = performance.now();
    const edits = preferredEdits(diagnostics);
    assert.ok(performance.now() - started < 2000);
    assert.ok(edits.length > 40_000);
    assert.doesNotThrow(() => applyEdits(text, edits));
  });
});
