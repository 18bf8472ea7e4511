import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodeUtf8Lines } from '../../server/src/cli/decode-lines';
import { readReport, UsageError } from '../../server/src/cli/files';
import { lintRead } from '../../server/src/cli/main';
import { Lines } from '../../server/src/core/parse/lines';
import { splitLines } from '../../server/src/core/text';
import { lint } from '../../server/src/lint/engine';
import { applyMutations, mutationArbitrary } from '../helpers/mutations';
import { readSeed, seedNames } from '../helpers/paths';

/** Text rich in what could go wrong: every line end, characters of one to four UTF-8 bytes, NUL-free. */
const lineBreaky = fc.string({
  unit: fc.constantFrom('a', ' ', '\n', '\r', '\r\n', 'é', '\u00a0', '\u2019', '\u2028', '\u0085', '\ufeff', '\ud83d\ude00', '\t', '*', '<', '\u00ff'),
  maxLength: 60,
});

function assertDecodesAs(bytes: Buffer, start: number): void {
  const whole = bytes.toString('utf8', start);
  const decoded = decodeUtf8Lines(bytes, start);
  assert.deepStrictEqual(decoded.lines, splitLines(whole), JSON.stringify(whole));
  assert.strictEqual(decoded.crlf, whole.includes('\r\n'));
  if (decoded.text !== undefined) assert.strictEqual(decoded.text, whole);
}

describe('reading a report as lines (the CLI)', () => {
  it('gives the lines of the whole decoded text, for any text and line ends', () => {
    fc.assert(fc.property(lineBreaky, (text) => assertDecodesAs(Buffer.from(text, 'utf8'), 0)), { numRuns: 3000 });
  });

  it('over texts of many 4 KB blocks, non-ASCII bytes in few of them, and across their edges', () => {
    const long = fc.string({
      unit: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom('\n', '\r\n', '\u2019', 'é', '\ud83d\ude00', '\u00a0') },
        { weight: 2, arbitrary: fc.integer({ min: 1, max: 6000 }).map((length) => 'x'.repeat(length)) },
      ),
      maxLength: 30,
    });
    fc.assert(fc.property(long, fc.boolean(), (text, bom) => assertDecodesAs(Buffer.from((bom ? '\ufeff' : '') + text, 'utf8'), bom ? 3 : 0)), { numRuns: 300 });
  });

  it('from an offset (after a byte order mark)', () => {
    fc.assert(fc.property(lineBreaky, (text) => assertDecodesAs(Buffer.from('\ufeff' + text, 'utf8'), 3)), { numRuns: 1000 });
  });

  it('gives the parser a text to search standing for the lines: the same markup and tab lines as read one by one', () => {
    fc.assert(
      fc.property(lineBreaky, (text) => {
        const decoded = decodeUtf8Lines(Buffer.from(text, 'utf8'));
        const searched = new Lines(decoded.lines, decoded.text ?? decoded.search);
        const byLine = new Lines(decoded.lines);
        decoded.lines.forEach((line, index) => {
          const at = JSON.stringify({ text, index });
          assert.strictEqual(searched.hasTab(index), byLine.hasTab(index), at);
          assert.strictEqual(searched.mayHoldMarkup(index), byLine.mayHoldMarkup(index), at);
          if (decoded.search && !decoded.search.recheck.includes(index)) {
            const start = decoded.search.starts[index] as number;
            assert.strictEqual(decoded.search.text.slice(start, start + line.length), line, at);
          }
        });
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the whole text too when it is all ASCII, and only then', () => {
    assert.strictEqual(decodeUtf8Lines(Buffer.from('Grade 3\r\nGood\n')).text, 'Grade 3\r\nGood\n');
    assert.strictEqual(decodeUtf8Lines(Buffer.from('Grade 3\nThe council\u2019s work is good\n')).text, undefined);
    assert.deepStrictEqual(decodeUtf8Lines(Buffer.from('a\u2019\r\nb\rc\u00e9\nd')).lines, ['a\u2019', 'b', 'c\u00e9', 'd']);
  });

  it('lints every seed, and seeds mutated by random edits, as the whole text would be', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'decode-lines-'));
    const file = path.join(folder, 'report.md');
    const seeds = seedNames().map(readSeed);
    const check = (text: string) => {
      fs.writeFileSync(file, text);
      let read;
      try {
        read = readReport(file, 'report.md');
      } catch (error) {
        // a mutation wrote a NUL byte: a binary file, refused either way
        assert.ok(error instanceof UsageError && text.includes('\0'), String(error));
        assert.throws(() => readReport(file, 'report.md', { wholeText: true }), UsageError);
        return;
      }
      const expected = lint(readReport(file, 'report.md', { wholeText: true }).text as string);
      assert.deepStrictEqual(lintRead(read), expected);
    };
    try {
      for (const seed of seeds) check(seed);
      fc.assert(
        fc.property(fc.constantFrom(...seeds), fc.array(mutationArbitrary, { minLength: 1, maxLength: 12 }), (seed, edits) => check(applyMutations(seed, edits))),
        { numRuns: 100 },
      );
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('reads a file larger than its buffer, and a smaller one after it, whole', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'decode-lines-'));
    try {
      const large = path.join(folder, 'large.md');
      const small = path.join(folder, 'small.md');
      const text = Array.from({ length: 20_000 }, (_, index) => `Line ${index} \u2019`).join('\n');
      fs.writeFileSync(large, text);
      fs.writeFileSync(small, 'Grade 2\n');
      assert.deepStrictEqual(readReport(large, 'large.md').lines, splitLines(text));
      assert.deepStrictEqual(readReport(small, 'small.md').lines, ['Grade 2', '']);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
