import * as assert from 'assert';
import * as fc from 'fast-check';
import { lint } from '../../server/src/lint/engine';
import { applyMutations, mutationArbitrary } from '../helpers/mutations';
import { readSeed, seedNames } from '../helpers/paths';

/** Seed 001 with a wrong grade repeated: each block is a duplicate section and a grade outside the SLAC scale. */
function repeatedMistakes(blocks: number): string {
  return readSeed('slac-2011-rutland') + '\nStaying safe\n\nGrade 7 (Superb)\n'.repeat(blocks);
}

describe('maxProblems: only the first problems of a report become diagnostics', () => {
  const seeds = [...seedNames().map(readSeed), repeatedMistakes(12)];

  it('keeps the first N of the whole list, in its order, and counts and places the rest', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutationArbitrary, { maxLength: 6 }), fc.nat({ max: 40 }), (seed, edits, limit) => {
        const text = applyMutations(seed, edits);
        const all = lint(text).diagnostics;
        const capped = lint(text, { maxProblems: limit });
        assert.deepStrictEqual(capped.diagnostics, all.slice(0, limit));
        assert.strictEqual(capped.problemCount, all.length);
        assert.deepStrictEqual(capped.leftOutFrom, all[limit]?.range.start);
      }),
      { numRuns: 120 },
    );
  });

  it('without a limit keeps every problem and leaves none out', () => {
    const result = lint(repeatedMistakes(30));
    assert.ok(result.diagnostics.length > 60);
    assert.strictEqual(result.problemCount, result.diagnostics.length);
    assert.strictEqual(result.leftOutFrom, undefined);
  });

  it('a limit of zero keeps none and says where the first problem is', () => {
    const all = lint(repeatedMistakes(3)).diagnostics;
    const none = lint(repeatedMistakes(3), { maxProblems: 0 });
    assert.deepStrictEqual(none.diagnostics, []);
    assert.strictEqual(none.problemCount, all.length);
    assert.deepStrictEqual(none.leftOutFrom, all[0]!.range.start);
  });
});
