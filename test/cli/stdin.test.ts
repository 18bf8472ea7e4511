import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Readable } from 'stream';
import { readUpTo } from '../../server/src/cli/files';
import { main } from '../../server/src/cli/main';
import { recordingIo } from '../helpers/cli';
import { readSeed, repoRoot } from '../helpers/paths';

const inputOf = (text: string) => ({ readStdin: () => Promise.resolve(Buffer.from(text, 'utf8')) });

describe('inspection-lint - (a report from standard input)', () => {
  it('checks the text piped to the real bin as it checks the file, named <stdin>', () => {
    const seed = readSeed('slac-2011-rutland');
    const piped = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'inspection-lint.js'), '--no-config', '-f', 'json', '-'], { input: seed, encoding: 'utf8' });
    const file = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'inspection-lint.js'), '--no-config', '-f', 'json', 'seeds/slac-2011-rutland.txt'], { cwd: repoRoot, encoding: 'utf8' });
    assert.strictEqual(piped.status, file.status, piped.stderr);
    const [fromPipe] = JSON.parse(piped.stdout) as { filePath: string; messages: unknown[] }[];
    const [fromFile] = JSON.parse(file.stdout) as { filePath: string; messages: unknown[] }[];
    assert.strictEqual(path.basename(fromPipe!.filePath), '<stdin>');
    assert.ok(fromFile!.messages.length > 0);
    assert.deepStrictEqual(fromPipe!.messages, fromFile!.messages);
  });

  it('finds the configuration and the framework globs of --stdin-filename, and shows that name', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-stdin-'));
    try {
      fs.mkdirSync(path.join(tmp, 'drafts'));
      fs.writeFileSync(path.join(tmp, '.inspection-lint.json'), JSON.stringify({ frameworks: [{ files: 'drafts/**', framework: 'slac-2011' }], rules: { 'missing-grade': 'error' } }));
      const draft = ['Being healthy', '', '65. The health of looked after children is outstanding.', ''].join('\n');
      const io = recordingIo(tmp, inputOf(draft));
      const code = await main(['--stdin-filename', 'drafts/rutland.txt', '-'], io);
      const out = io.out.join('');
      assert.strictEqual(code, 1, io.err.join(''));
      assert.match(out, /^drafts\/rutland\.txt \(SLAC 2011\)$/m);
      assert.match(out, /error +"Being healthy" is a graded judgement in SLAC 2011, but no grade is given\..* missing-grade/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('reads standard input as a file: its byte order mark dropped, binary and oversized input declined', async () => {
    const bom = recordingIo(repoRoot, inputOf(`\ufeff${readSeed('apa-2007-rutland')}`));
    assert.strictEqual(await main(['--no-config', '-'], bom), 0, bom.err.join(''));
    const binary = recordingIo(repoRoot, { readStdin: () => Promise.resolve(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])) });
    assert.strictEqual(await main(['--no-config', '-'], binary), 2);
    assert.match(binary.err.join(''), /<stdin> is a binary file, not a report/);
    let asked = 0;
    const big = recordingIo(repoRoot, { readStdin: (maxBytes) => ((asked = maxBytes), Promise.resolve(Buffer.from('Being healthy\n'.repeat(100)))) });
    assert.strictEqual(await main(['--no-config', '--max-file-size', '1KB', '-'], big), 2);
    assert.strictEqual(asked, 1024);
    assert.match(big.err.join(''), /<stdin> is larger than 1 KB, so it is not checked \(--max-file-size\)/);
  });

  it('keeps no more of a larger input than it needs to tell it is larger, and reads it to its end', async () => {
    let produced = 0;
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const stream = new Readable({
      read() {
        produced++;
        this.push(produced <= 100 ? chunk : null);
      },
    });
    const kept = await readUpTo(stream, 200 * 1024);
    assert.strictEqual(kept.length, 4 * 64 * 1024);
    assert.strictEqual(produced, 101);
  });

  it('declines a larger input piped to the real bin (40 MB against a 1 MB limit)', () => {
    const piped = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'inspection-lint.js'), '--no-config', '--max-file-size', '1MB', '-'], {
      input: Buffer.alloc(40 * 1024 * 1024, 'Being healthy\n'),
      encoding: 'utf8',
      maxBuffer: 1024 * 1024,
    });
    assert.strictEqual(piped.status, 2, piped.stderr);
    assert.match(piped.stderr, /<stdin> is larger than 1 MB, so it is not checked/);
  });

  it('refuses what standard input cannot do, before reading it', async () => {
    const cases: [string[], RegExp][] = [
      [['-', 'seeds'], /checked alone: give no other files with it/],
      [['--fix', '-'], /--fix writes fixes back to files, and standard input is not one/],
      [['--stdin-filename', 'a.txt', 'seeds'], /--stdin-filename names standard input: give - as the file to read it/],
    ];
    for (const [args, message] of cases) {
      let read = false;
      const io = recordingIo(repoRoot, { readStdin: () => ((read = true), Promise.resolve(Buffer.alloc(0))) });
      assert.strictEqual(await main(args, io), 2, args.join(' '));
      assert.match(io.err.join(''), message);
      assert.ok(!read, `${args.join(' ')} read standard input`);
    }
  });
});
