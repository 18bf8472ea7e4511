import * as assert from 'assert';
import * as fs from 'fs';
import * as fc from 'fast-check';
import { lint, type LintOptions } from '../../server/src/lint/engine';
import { applyEdits } from '../helpers/edits';
import { LINE_SHAPES } from '../helpers/line-shapes';
import { applyMutations, mutationArbitrary } from '../helpers/mutations';
import { frameworkFixtures, readSeed, seedNames } from '../helpers/paths';
import { reportsWithTables, rewriteTable, TABLE_STYLES, writeTable } from '../helpers/tables';

const FRAMEWORKS = ['apa-2007', 'annual-rating-2009', 'slac-2011', 'lac-2013', 'sif', 'ilacs'];

/** Lints and fails on any rule that throws (the engine would otherwise carry on without it). */
function lintStrictly(text: string, options: LintOptions = {}) {
  const failures: string[] = [];
  const result = lint(text, { ...options, onRuleError: (id, error) => failures.push(`${id}: ${(error as Error).stack ?? error}`) });
  assert.deepStrictEqual(failures, []);
  return result;
}

/** The text outside the edits is unchanged, in order. */
function unchangedOutside(before: string, after: string, edits: Parameters<typeof applyEdits>[1]): boolean {
  const pieces = applyEdits(before, edits.map((edit) => ({ ...edit, newText: '\u0000' }))).split('\u0000');
  let cursor = 0;
  for (const piece of pieces) {
    const found = after.indexOf(piece, cursor);
    if (found < cursor) return false;
    cursor = found + piece.length;
  }
  return true;
}

describe('every rule is total, and every quick fix does only what it says', () => {
  const seeds = seedNames().map(readSeed);

  it('no rule throws on arbitrary strings, under any framework', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 1500 }), fc.constantFrom(undefined, ...FRAMEWORKS), (text, framework) => {
        lintStrictly(text, framework ? { framework } : {});
      }),
      { numRuns: 300 },
    );
  });

  it('no rule throws on seeds mutated by random edits, under any framework', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(mutationArbitrary, { minLength: 1, maxLength: 10 }),
        fc.constantFrom(undefined, ...FRAMEWORKS),
        (seed, edits, framework) => {
          lintStrictly(applyMutations(seed, edits), framework ? { framework } : {});
        },
      ),
      { numRuns: 150 },
    );
  });

  /** Applies each quick fix of the text's problems: it must remove its problem, add none of its kind, and change only its own range. */
  function checkFixes(text: string, fixedRules: Set<string>): void {
    const ofRule = (list: readonly { ruleId: string }[], ruleId: string) => list.filter((other) => other.ruleId === ruleId).length;
    const { diagnostics } = lintStrictly(text);
    for (const diagnostic of diagnostics) {
      for (const fix of diagnostic.fixes) {
        fixedRules.add(diagnostic.ruleId);
        const fixed = applyEdits(text, fix.edits);
        assert.ok(unchangedOutside(text, fixed, fix.edits), `"${fix.title}" changed text outside its edits`);
        const after = lintStrictly(fixed).diagnostics;
        const still = after.some(
          (other) => other.ruleId === diagnostic.ruleId && other.message === diagnostic.message && other.range.start.line === diagnostic.range.start.line,
        );
        assert.ok(!still, `"${fix.title}" left its problem: ${diagnostic.ruleId} ${diagnostic.message}`);
        // a fix may move a problem of its kind (renumbering up to the next break) but never add one
        assert.ok(ofRule(after, diagnostic.ruleId) <= ofRule(diagnostics, diagnostic.ruleId), `"${fix.title}" added ${diagnostic.ruleId} problems`);
      }
    }
  }

  it('each quick fix on a mutated seed or framework fixture removes its problem, adds none of its kind, and changes only its own range', () => {
    // and the reports with their tables written as converters write them (grid, multiline, HTML …)
    const tables = reportsWithTables().flatMap(({ text, table }) => Object.values(TABLE_STYLES).map((style) => rewriteTable(text.split('\n'), table, writeTable(table, style))));
    const documents = [...seeds, ...frameworkFixtures().map((fixture) => fs.readFileSync(fixture.file, 'utf8')), ...tables];
    const fixedRules = new Set<string>();
    fc.assert(
      fc.property(fc.constantFrom(...documents), fc.array(mutationArbitrary, { minLength: 0, maxLength: 5 }), (document, edits) =>
        checkFixes(applyMutations(document, edits).replace(/\r/g, ''), fixedRules),
      ),
      // SEED_FIX_RUNS=3000 PROPERTY_SEED=random explores further
      { numRuns: Number(process.env.SEED_FIX_RUNS ?? 120) },
    );
    // the runs reach the fixes of most rules, not only the easy ones
    assert.ok(fixedRules.size >= 6, `only the fixes of ${[...fixedRules].join(', ')} were tried`);
  });

  it('each quick fix on a draft of table, list and heading lines does the same', () => {
    const fixedRules = new Set<string>();
    fc.assert(
      fc.property(fc.constantFrom(...FRAMEWORKS), fc.array(fc.constantFrom(...LINE_SHAPES), { minLength: 1, maxLength: 30 }), (framework, lines) =>
        checkFixes(`<!-- framework: ${framework} -->\n${lines.join('\n')}`, fixedRules),
      ),
      // FIX_RUNS=20000 PROPERTY_SEED=random explores further
      { numRuns: Number(process.env.FIX_RUNS ?? 300) },
    );
    assert.ok(fixedRules.size >= 4, `only the fixes of ${[...fixedRules].join(', ')} were tried`);
  });
});

describe('rules stay linear in the size of the report', () => {
  const seed = readSeed('slac-2011-rutland');
  const repeated = (times: number) => Array.from({ length: times }, () => seed).join('\n');

  it('offers fixes whose edits grow with the report, not with its square (a report pasted 50 times)', () => {
    const count = (text: string) => {
      const { diagnostics } = lintStrictly(text);
      return { problems: diagnostics.length, edits: diagnostics.reduce((sum, d) => sum + d.fixes.reduce((n, fix) => n + fix.edits.length, 0), 0) };
    };
    const five = count(repeated(5));
    const fifty = count(repeated(50));
    assert.ok(fifty.problems > 10 * five.problems * 0.8, 'the repeats are reported');
    // ten times the text: about twelve times the edits (49 restarts of the numbering against 4); renumbering to
    // the end of the report at every restart made it over a hundred
    assert.ok(fifty.edits <= 15 * five.edits, `${five.edits} edits at 5×, ${fifty.edits} at 50×`);
  });

  it('takes about as long per megabyte at 100× a seed as at 10× (generous bound: only quadratic work fails it)', () => {
    const perMegabyte = (times: number) => {
      const text = repeated(times);
      lintStrictly(text);
      const start = process.hrtime.bigint();
      lintStrictly(text);
      return Number(process.hrtime.bigint() - start) / 1e6 / (text.length / 1e6);
    };
    const small = Math.min(perMegabyte(10), perMegabyte(10));
    const large = perMegabyte(100);
    assert.ok(large < 4 * small + 20, `${small.toFixed(1)} ms/MB at 10×, ${large.toFixed(1)} ms/MB at 100×`);
  });
});
