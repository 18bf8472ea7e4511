import * as assert from 'assert';
import * as path from 'path';
import { lint } from '../../server/src/lint/engine';
import type { Expectations } from '../helpers/expectations';
import { readJson, readSeed, repoRoot, seedNames } from '../helpers/paths';

// The reviewer's list of real inconsistencies in each seed (test/golden/*.expected.json, written by a person):
// the linter must report exactly these at warning or error, and nothing else.
describe('seeds: the linter reports the real slips and nothing else', () => {
  for (const name of seedNames()) {
    it(name, () => {
      const expected = readJson<Expectations>(path.join(repoRoot, 'test', 'golden', `${name}.expected.json`));
      const { diagnostics } = lint(readSeed(name));
      const reported = diagnostics
        .filter((diagnostic) => diagnostic.severity !== 'info')
        .map((diagnostic) => ({ line: diagnostic.range.start.line + 1, rule: diagnostic.ruleId }));
      const wanted = expected.inconsistencies.map((inconsistency) => ({ line: inconsistency.line, rule: inconsistency.rule }));
      assert.deepStrictEqual(reported, wanted, diagnostics.map((d) => `${d.range.start.line + 1} ${d.ruleId}: ${d.message}`).join('\n'));
    });
  }

  it('names both sides of each slip in seed 001, as a reviewer would', () => {
    const { diagnostics } = lint(readSeed('slac-2011-rutland'));
    const [group, first, second] = diagnostics;
    assert.match(group?.message ?? '', /"Services for looked after children" heads 4 rows that give judgements of Safeguarding services/);
    assert.deepStrictEqual(group?.related.map((related) => related.range.start.line + 1), [380, 381, 382, 383]);
    assert.match(first?.message ?? '', /"Equality and diversity" \(Good\) .*no section of the report gives this judgement/);
    assert.match(second?.message ?? '', /line 395/);
  });
});
