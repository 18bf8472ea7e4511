import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import { decodeUtf8Lines } from '../../server/src/cli/decode-lines';
import { eslintFix, LinedText, type EslintFix } from '../../server/src/cli/formats/eslint-fix';
import { main } from '../../server/src/cli/main';
import { lint } from '../../server/src/lint/engine';
import { splitLines } from '../../server/src/core/text';
import { recordingIo } from '../helpers/cli';
import { applyEdits } from '../helpers/edits';
import { applyMutations, mutationArbitrary } from '../helpers/mutations';
import { readSeed, seedNames } from '../helpers/paths';

const lined = (text: string) => LinedText.of(text, splitLines(text));
const applyOffsets = (text: string, fix: EslintFix) => text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);

interface Message {
  ruleId: string;
  message: string;
  severity: number;
  fix?: EslintFix;
  suggestions?: { desc: string; fix: EslintFix }[];
}
interface Entry {
  messages: Message[];
  fixableErrorCount: number;
  fixableWarningCount: number;
}

async function jsonOf(args: string[], cwd: string): Promise<Entry[]> {
  const io = recordingIo(cwd);
  await main(['--format', 'json', ...args], io);
  return JSON.parse(io.out.join('')) as Entry[];
}

describe('JSON gives each fix as ESLint does: offsets into the text', () => {
  it('a fix as offsets changes the text exactly as its edits do, on mutated seeds (CR LF, byte order marks, long lines), read as the CLI reads them', () => {
    const seeds = seedNames().map(readSeed);
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutationArbitrary, { maxLength: 6 }), (seed, mutations) => {
        const text = applyMutations(seed, mutations);
        // the lines decoded, the breaks read from the text a byte a character, as the CLI has them
        const read = decodeUtf8Lines(Buffer.from(text, 'utf8'));
        assert.deepStrictEqual(read.lines, splitLines(text));
        const asRead = LinedText.of(read.text ?? read.search!.text, read.lines);
        for (const diagnostic of lint(text).diagnostics) {
          for (const fix of diagnostic.fixes) {
            const offsets = eslintFix(fix, asRead);
            assert.ok(offsets, `fix "${fix.title}" has no offsets`);
            assert.strictEqual(applyOffsets(text, offsets), applyEdits(text, fix.edits), fix.title);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('finds lines as the linter splits them: LF, CR LF and a lone CR', () => {
    const text = 'one\r\ntwo\rthree\nfour\n\ncaf\u00e9 \ud83d\ude00\r\n';
    const whole = lined(text);
    assert.deepStrictEqual(whole.breaks, ['\r\n', '\r', '\n', '\n', '\n', '\r\n']);
    assert.deepStrictEqual(
      whole.starts.map((start, line) => text.slice(start, start + whole.lines[line]!.length)),
      splitLines(text),
    );
    for (let from = 0; from <= text.length; from++) for (let to = from; to <= text.length; to++) assert.strictEqual(whole.slice(from, to), text.slice(from, to));
    const edit = (line: number, from: number, to: number, newText: string) => ({ range: { start: { line, character: from }, end: { line, character: to } }, newText });
    assert.deepStrictEqual(eslintFix({ title: 't', edits: [edit(2, 0, 5, 'THREE')] }, whole), { range: [9, 14], text: 'THREE' });
  });

  it('makes several edits one range, keeping the text between them, and gives no offsets for edits that overlap or fall outside the text', () => {
    const text = 'Grade 2 (Good)\n\n14. The LSCB\n';
    const whole = lined(text);
    const edit = (line: number, from: number, to: number, newText: string) => ({ range: { start: { line, character: from }, end: { line, character: to } }, newText });
    const two = eslintFix({ title: 'both', edits: [edit(2, 0, 2, '12'), edit(0, 9, 13, 'Adequate')] }, whole);
    assert.deepStrictEqual(two, { range: [9, 18], text: 'Adequate)\n\n12' });
    assert.strictEqual(applyOffsets(text, two!), 'Grade 2 (Adequate)\n\n12. The LSCB\n');
    assert.strictEqual(eslintFix({ title: 'overlap', edits: [edit(0, 0, 7, 'Grade 3'), edit(0, 6, 7, '4')] }, whole), null);
    assert.strictEqual(eslintFix({ title: 'outside', edits: [edit(9, 0, 0, 'x')] }, whole), null);
    // past the end of its line, a position is at the end (as LSP reads it, and --fix applies it), not in the line break
    assert.deepStrictEqual(eslintFix({ title: 'past the line', edits: [edit(0, 40, 40, '.')] }, whole), { range: [14, 14], text: '.' });
  });

  describe('through the CLI', () => {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'json-fixes-'));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    // a mistyped paragraph number (a preferred fix), and a label that disagrees with its number (fixes to choose from)
    // and a grade its wording disagrees with (fixes to choose from, which --fix leaves)
    const broken = () =>
      readSeed('slac-2011-rutland')
        .replace('12. The LSCB', '14. The LSCB')
        .replace('Grade 3 (Adequate)\n\n14. The capacity', 'Grade 3 (Good)\n\n14. The capacity')
        .replace('Partnership working\n\nGrade 2 (Good)', 'Partnership working\n\nGrade 3 (Adequate)');

    it('gives the preferred fix as `fix` and the others as `suggestions`, each mending its problem, in a CR LF file with a byte order mark', async () => {
      const text = broken().replace(/\n/g, '\r\n');
      const file = path.join(dir, 'crlf.txt');
      fs.writeFileSync(file, '\uFEFF' + text);
      const [entry] = await jsonOf([file], dir);
      const messages = entry!.messages;
      const withFix = messages.filter((message) => message.fix);
      assert.ok(withFix.some((message) => message.ruleId === 'paragraph-numbering'), JSON.stringify(messages.map((m) => m.ruleId)));
      assert.ok(messages.some((message) => message.ruleId === 'grade-label-mismatch' && message.suggestions?.length));
      assert.strictEqual(entry!.fixableErrorCount + entry!.fixableWarningCount, withFix.length);
      const still = (after: string, message: Message) => lint(after).diagnostics.some((d) => d.ruleId === message.ruleId && d.message === message.message);
      for (const message of messages) {
        for (const fix of [...(message.fix ? [message.fix] : []), ...(message.suggestions ?? []).map((suggestion) => suggestion.fix)]) {
          const after = applyOffsets(text, fix);
          assert.notStrictEqual(after, text);
          assert.ok(!still(after, message), `${message.ruleId}: ${message.message} is still there after ${JSON.stringify(fix)}`);
        }
      }
      // --fix in the same run: the messages are those of the fixed text, and their offsets are into it
      const [fixedEntry] = await jsonOf(['--fix', file], dir);
      const written = fs.readFileSync(file, 'utf8').slice(1);
      assert.notStrictEqual(written, text);
      const left = fixedEntry!.messages.flatMap((message) => (message.suggestions ?? []).map((suggestion) => ({ message, suggestion })));
      assert.ok(left.some(({ message }) => message.ruleId === 'grade-wording-mismatch'), JSON.stringify(fixedEntry!.messages.map((m) => m.ruleId)));
      for (const { message, suggestion } of left) {
        assert.ok(!still(applyOffsets(written, suggestion.fix), message), `${message.ruleId}: ${suggestion.desc} does not mend the fixed text`);
      }
    });

    it('gives no fixes for a file that is not UTF-8, which --fix does not write either', async () => {
      const file = path.join(dir, 'latin1.txt');
      fs.writeFileSync(file, Buffer.from(broken().replace(/\u2019/g, "'").replace(/[^\x00-\xff]/g, '-') + '\nCaf\u00e9\n', 'latin1'));
      const [entry] = await jsonOf([file], dir);
      assert.ok(entry!.messages.some((message) => message.ruleId === 'paragraph-numbering'));
      assert.ok(entry!.messages.every((message) => !message.fix && !message.suggestions));
      assert.strictEqual(entry!.fixableErrorCount + entry!.fixableWarningCount, 0);
    });
  });
});
