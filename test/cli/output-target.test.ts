import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../server/src/cli/main';
import { recordingIo } from '../helpers/cli';
import { readSeed } from '../helpers/paths';

describe('--output-file never writes over a file the run reads', () => {
  let tmp: string;
  const seed = readSeed('slac-2011-rutland');
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-output-'));
    fs.mkdirSync(path.join(tmp, 'reports'));
    fs.writeFileSync(path.join(tmp, 'reports', 'seed.txt'), seed);
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  async function run(args: string[]) {
    const io = recordingIo(tmp);
    const code = await main(args, io);
    return { code, stdout: io.out.join(''), stderr: io.err.join('') };
  }
  const seedText = () => fs.readFileSync(path.join(tmp, 'reports', 'seed.txt'), 'utf8');

  it('refuses a report named both as the output and as a file to check, and leaves it as it was', async () => {
    const { code, stderr } = await run(['-o', 'reports/seed.txt', 'reports/seed.txt']);
    assert.strictEqual(code, 2);
    assert.match(stderr, /--output-file reports\/seed\.txt is one of the files to check: the output would replace its text/);
    assert.strictEqual(seedText(), seed);
  });

  it('refuses another name of a report the folder holds (a hard link or a symbolic link)', async () => {
    fs.linkSync(path.join(tmp, 'reports', 'seed.txt'), path.join(tmp, 'reports', 'hard.txt'));
    fs.symlinkSync('seed.txt', path.join(tmp, 'reports', 'soft.txt'));
    for (const name of ['hard.txt', 'soft.txt']) {
      const { code, stderr } = await run(['-o', `reports/${name}`, 'reports']);
      assert.strictEqual(code, 2, name);
      assert.match(stderr, /one of the files to check: the output would replace its text/, name);
      assert.strictEqual(seedText(), seed, name);
    }
  });

  it('refuses the configuration file in use', async () => {
    const config = '{ "rules": { "missing-grade": "off" } }';
    fs.writeFileSync(path.join(tmp, 'reports', '.inspection-lint.json'), config);
    const { code, stderr } = await run(['-o', 'reports/.inspection-lint.json', 'reports/seed.txt']);
    assert.strictEqual(code, 2);
    assert.match(stderr, /is the configuration file in use \(reports\/\.inspection-lint\.json\)/);
    assert.strictEqual(fs.readFileSync(path.join(tmp, 'reports', '.inspection-lint.json'), 'utf8'), config);
  });

  it('leaves last run’s output out of the folder it checks, and writes this run’s there', async () => {
    await run(['-o', 'reports/results.txt', 'reports']);
    const first = fs.readFileSync(path.join(tmp, 'reports', 'results.txt'), 'utf8');
    assert.match(first, /reports\/seed\.txt \(SLAC 2011\)/);
    const again = await run(['-o', 'reports/results.txt', 'reports']);
    assert.strictEqual(again.stderr, '');
    assert.strictEqual(fs.readFileSync(path.join(tmp, 'reports', 'results.txt'), 'utf8'), first, 'the output file was checked as a report');
  });
});
