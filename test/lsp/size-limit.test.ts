import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { main } from '../../server/src/cli/main';
import { Analyzer } from '../../server/src/lsp/analysis';
import { LineDocument } from '../../server/src/lsp/line-document';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';

// The editor's inspectionReport.maxFileSize and the CLI's --max-file-size both count the bytes of the text saved as
// UTF-8, so that a report the CLI checks in CI is one the editor checks too, and the other way round.
const unit = fc.oneof(
  fc.constantFrom('a', ' ', '\n', '\r\n', 'é', '\u2019', '\t'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  // a lone surrogate, which is saved as the three bytes of U+FFFD
  fc.constantFrom('\uD83D', '\uDE00'),
);
const text = fc.string({ unit, maxLength: 60 });

function declined(analyzer: Analyzer, document: TextDocument): boolean {
  return analyzer.get(document).tooLarge;
}

describe('the size limit counts UTF-8 bytes, in the editor as on the command line', () => {
  it('declines exactly the texts whose UTF-8 is over the limit, kept as lines or whole, however edited', () => {
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 200 }), (before, typed, limit) => {
        const analyzer = new Analyzer({ ...DEFAULT_SETTINGS, maxFileSize: limit });
        const whole = before + typed;
        const over = Buffer.byteLength(whole, 'utf8') > limit;
        const opened = LineDocument.create('file:///tmp/a.txt', 'plaintext', 1, before);
        const edited = LineDocument.update(opened, [{ range: { start: opened.positionAt(before.length), end: opened.positionAt(before.length) }, text: typed }], 2);
        assert.strictEqual(edited.textIfJoined, undefined, 'the edited document is read as lines, not joined');
        assert.strictEqual(declined(analyzer, edited), over, 'kept as lines');
        assert.strictEqual(declined(analyzer, TextDocument.create('file:///tmp/b.txt', 'plaintext', 1, whole)), over, 'whole');
      }),
    );
  });

  it('declines a report of 60 000 accented letters (120 000 bytes) under a 100 000-byte limit, and checks 60 000 plain ones', () => {
    const analyzer = new Analyzer({ ...DEFAULT_SETTINGS, maxFileSize: 100_000 });
    const accented = TextDocument.create('file:///tmp/accented.txt', 'inspection-report', 1, 'Grade 3\n' + 'é'.repeat(60_000));
    const plain = TextDocument.create('file:///tmp/plain.txt', 'inspection-report', 1, 'Grade 3\n' + 'e'.repeat(60_000));
    assert.strictEqual(declined(analyzer, accented), true);
    assert.strictEqual(declined(analyzer, plain), false);
  });

  it('the CLI declines and checks the same two files with --max-file-size 100000', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'size-limit-'));
    try {
      for (const [name, letter] of [['accented.txt', 'é'], ['plain.txt', 'e']] as const) {
        fs.writeFileSync(path.join(dir, name), 'Grade 3\n' + letter.repeat(60_000));
      }
      let stderr = '';
      const code = await main(['--max-file-size', '100000', '--format', 'json', dir], {
        cwd: dir,
        stdout: () => {},
        stderr: (chunk) => (stderr += chunk),
        isTTY: false,
        env: {},
      });
      assert.strictEqual(code, 2);
      assert.match(stderr, /accented\.txt/);
      assert.doesNotMatch(stderr, /plain\.txt/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
