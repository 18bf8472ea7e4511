import * as assert from 'assert';
import * as fc from 'fast-check';
import { Analyzer } from '../../server/src/lsp/analysis';
import { judgementSummary } from '../../server/src/lsp/features/custom';
import { LineDocument } from '../../server/src/lsp/line-document';
import { contains } from '../../server/src/lsp/locate';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { applyMutations, mutationArbitrary } from '../helpers/mutations';
import { readSeed, seedNames } from '../helpers/paths';

function analyse(text: string) {
  // every problem kept, as for a user who raised the limit: the view must stay linear in them
  return new Analyzer({ ...DEFAULT_SETTINGS, maxNumberOfProblems: Number.MAX_SAFE_INTEGER }).get(LineDocument.create('file:///report.txt', 'inspection-report', 1, text));
}

/** The rule ids of every diagnostic that starts inside each judgement's section, found by reading them all. */
function problemsReadingEveryDiagnostic(analysis: ReturnType<typeof analyse>): string[][] {
  return analysis.report.judgementSections.map((section) =>
    analysis.diagnostics.filter((diagnostic) => contains(section.range, diagnostic.range.start)).map((diagnostic) => diagnostic.ruleId),
  );
}

describe('judgement summary (the Judgements view)', () => {
  it('lists under each judgement the problems inside its section, on every seed', () => {
    for (const name of seedNames()) {
      const analysis = analyse(readSeed(name));
      assert.deepStrictEqual(
        judgementSummary(analysis).map((row) => row.problems),
        problemsReadingEveryDiagnostic(analysis),
        name,
      );
    }
    const slac = judgementSummary(analyse(readSeed('slac-2011-rutland')));
    assert.ok(slac.length > 10 && slac.every((row) => Array.isArray(row.problems)));
  });

  it('lists them as a reading of every diagnostic would, on seeds mutated by random edits', () => {
    const seeds = seedNames().map(readSeed);
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutationArbitrary, { minLength: 1, maxLength: 12 }), (seed, edits) => {
        const analysis = analyse(applyMutations(seed, edits));
        assert.deepStrictEqual(
          judgementSummary(analysis).map((row) => row.problems),
          problemsReadingEveryDiagnostic(analysis),
        );
      }),
      { numRuns: 60 },
    );
  });

  // a generous bound: reading every diagnostic for every section took 27 s here
  it('stays linear on 40k headings, each with its own problems', () => {
    const analysis = analyse('Being healthy\n\n'.repeat(40_000));
    const started = performance.now();
    const rows = judgementSummary(analysis);
    assert.ok(performance.now() - started < 5000);
    assert.strictEqual(rows.length, 40_000);
    assert.ok(rows.every((row) => row.problems.length > 0));
  });
});
