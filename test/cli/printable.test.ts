import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { printable } from '../../server/src/cli/formats/printable';
import { main } from '../../server/src/cli/main';
import { recordingIo } from '../helpers/cli';

/** What a terminal would obey rather than show (tab and line feed aside). */
const OBEYED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** The formatter's own colours: Select Graphic Rendition, and nothing else. */
const OWN_COLOURS = /\u001b\[\d+m/g;

describe('terminal output shows the text of reports, file names and configurations, never obeys it', () => {
  let tmp: string;
  // a record row whose title retitles the window (OSC 0 … BEL), turns the output red, steps back and reverses what follows
  const hostile = 'Foo \u001b]0;pwned\u0007bar \u001b[31mred\b\u202egnp.exe\u0085';
  const fileName = 'report \u001b[2J.txt';
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-printable-'));
    const report = ['<!-- framework: slac-2011 -->', 'Overall effectiveness', '', 'Grade 3 (Adequate)', '', '1. The overall effectiveness is adequate.', '', 'Record of main findings', '', 'Overall effectiveness\tAdequate', `${hostile}\tGood`, ''];
    fs.writeFileSync(path.join(tmp, fileName), report.join('\n'));
    fs.writeFileSync(path.join(tmp, '.inspection-lint.json'), '{ "rules": { "no\\u001b[5mrule": "off" } }');
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  async function lintTmp(args: string[]) {
    const io = recordingIo(tmp);
    await main([...args, fileName], io);
    return { stdout: io.out.join(''), stderr: io.err.join('') };
  }

  it('stylish, without colours: the row title quoted with its control characters as escapes', async () => {
    const { stdout, stderr } = await lintTmp(['--no-color']);
    assert.ok(!OBEYED.test(stdout), JSON.stringify(stdout));
    assert.match(stdout, /The record lists "Foo \\x1B\]0;pwned\\x07bar \\x1B\[31mred\\x08\\u202Egnp\.exe\\x85"/);
    assert.match(stdout, /^report \\x1B\[2J\.txt \(SLAC 2011\)$/m);
    assert.ok(!OBEYED.test(stderr), JSON.stringify(stderr));
    assert.match(stderr, /rules\.no\\x1B\[5mrule: unknown rule/);
  });

  it('stylish, in colour: the only escape sequences are its own colours', async () => {
    const { stdout } = await lintTmp(['--color']);
    assert.ok(OWN_COLOURS.test(stdout), 'no colours at all');
    assert.ok(!OBEYED.test(stdout.replace(OWN_COLOURS, '')), JSON.stringify(stdout));
  });

  it('GitHub annotations: workflow commands escaped as before, control characters as text', async () => {
    const { stdout } = await lintTmp(['--format', 'github']);
    assert.ok(!OBEYED.test(stdout), JSON.stringify(stdout));
    assert.match(stdout, /::warning file=report \\x1B\[2J\.txt,.*title=record-entry-without-section::The record lists "Foo \\x1B/);
  });

  it('JSON and SARIF keep the text exactly, for the programs that read them', async () => {
    for (const format of ['json', 'sarif']) {
      const { stdout } = await lintTmp(['--format', format]);
      assert.ok(!/[\u0000-\u001f]/.test(stdout.replace(/\n/g, '')), `${format}: JSON escapes the C0 controls`);
      assert.ok(stdout.includes(JSON.stringify(`"${hostile}"`).slice(1, -1)), `${format} lost the title's characters`);
    }
  });

  it('printable leaves ordinary text as it is and escapes every character a terminal obeys', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const shown = printable(text);
        assert.ok(!OBEYED.test(shown), JSON.stringify(shown));
        if (!OBEYED.test(text)) assert.strictEqual(shown, text);
      }),
      { numRuns: 2000 },
    );
    assert.strictEqual(printable('Grade 2 (Good)\tsafe — “quoted”, é, 日本'), 'Grade 2 (Good)\tsafe — “quoted”, é, 日本');
  });
});
