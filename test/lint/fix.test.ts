import * as assert from 'assert';
import * as fc from 'fast-check';
import { lint } from '../../server/src/lint/engine';
import { applyEdits, editsBetween, fixAll } from '../../server/src/lint/fix';
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
});
