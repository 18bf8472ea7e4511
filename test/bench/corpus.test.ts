import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { makeCorpus } from '../../bench/corpus';
import { lint } from '../../server/src/lint/engine';
import { seedNames, readSeed } from '../helpers/paths';

describe('bench: the corpus of 200 reports', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-corpus-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('holds forty drafts of each seed, no two alike, the seed itself among them', function () {
    this.timeout(60_000);
    const corpus = makeCorpus(dir, path.join(__dirname, '..', '..', '..', 'seeds'));
    const names = fs.readdirSync(corpus.files200).sort();
    assert.strictEqual(names.length, 200);
    const texts = names.map((name) => fs.readFileSync(path.join(corpus.files200, name), 'utf8'));
    assert.strictEqual(new Set(texts).size, 200);
    for (const seed of seedNames()) assert.ok(texts.includes(readSeed(seed)), `${seed} is not in the corpus as it is`);
  });

  it('renames the authority without a false alarm, and gives each other draft problems of its own', () => {
    const corpus = makeCorpus(dir, path.join(__dirname, '..', '..', '..', 'seeds'));
    const problems = (name: string) => lint(fs.readFileSync(path.join(corpus.files200, name), 'utf8')).diagnostics.map((d) => `${d.ruleId}: ${d.message}`);
    for (const seed of seedNames()) {
      const own = lint(readSeed(seed)).diagnostics.length;
      // drafts 5, 10 … only name another authority
      const renamed = problems(`${seed}-05.md`);
      assert.strictEqual(renamed.length, own, renamed.join('\n'));
      assert.ok(!fs.readFileSync(path.join(corpus.files200, `${seed}-05.md`), 'utf8').includes(seed.split('-').pop()!.replace(/^./, (c) => c.toUpperCase())));
    }
    // a grade changed in a letter is a grade its wording disagrees with
    assert.ok(problems('apa-2007-rutland-06.md').some((problem) => problem.startsWith('grade-wording-mismatch')));
    // a SLAC paragraph cut or pasted twice breaks the numbering
    assert.ok(problems('slac-2011-rutland-02.md').some((problem) => problem.startsWith('paragraph-numbering')));
    assert.ok(problems('slac-2011-rutland-03.md').some((problem) => problem.startsWith('paragraph-numbering')));
  });

  it('is made again when an earlier version made it', () => {
    fs.writeFileSync(path.join(dir, 'VERSION'), '1');
    fs.writeFileSync(path.join(dir, 'reports', 'apa-2007-rutland-02.md'), 'stale');
    const corpus = makeCorpus(dir, path.join(__dirname, '..', '..', '..', 'seeds'));
    assert.notStrictEqual(fs.readFileSync(path.join(corpus.files200, 'apa-2007-rutland-02.md'), 'utf8'), 'stale');
  });
});
