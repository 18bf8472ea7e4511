import * as assert from 'assert';
import * as path from 'path';
import { parse } from '../../server/src/core';
import { describeModel, judgementIdOf, type Expectations } from '../helpers/expectations';
import { readJson, readSeed, repoRoot, seedNames } from '../helpers/paths';

// Each expectations file was written by a person reading the seed (see test/golden/FORMAT.md).
describe('golden: the model of every seed matches a reader’s expectations', () => {
  for (const name of seedNames()) {
    describe(name, () => {
      const expected = readJson<Expectations>(path.join(repoRoot, 'test', 'golden', `${name}.expected.json`));
      const report = parse(readSeed(name));
      const model = describeModel(report);

      it('detects the framework', () => assert.strictEqual(model.framework, expected.framework));
      it('finds the title', () => assert.deepStrictEqual(model.title, expected.title));
      it('finds every graded section with its grade, meaning and judgement sentence', () => {
        assert.deepStrictEqual(model.judgements, expected.judgements);
      });
      it('finds the other headings, with their kind', () => assert.deepStrictEqual(model.headings, expected.headings));
      it('reads the record of main findings, group by group', () => assert.deepStrictEqual(model.record, expected.record));
      it('reads the contents', () => assert.deepStrictEqual(model.contents, expected.contents));
      it('finds the numbered paragraphs', () => assert.deepStrictEqual(model.paragraphs, expected.paragraphs));
      it('reads the areas for development with their timescales', () => {
        assert.deepStrictEqual(model.actionLists, expected.actionLists);
      });
      it('reads what the overall section says of other judgements', () => {
        const wanted = expected.summaryStatements.map((statement) => ({
          ...statement,
          judgement: judgementIdOf(report, statement.judgement),
        }));
        const byPlace = (a: { line: number; judgement: string }, b: { line: number; judgement: string }) =>
          a.line - b.line || a.judgement.localeCompare(b.judgement);
        assert.deepStrictEqual([...model.summaryStatements].sort(byPlace), [...wanted].sort(byPlace));
      });
    });
  }
});
