import * as assert from 'assert';
import * as v8 from 'v8';
import * as vm from 'vm';
import { lint } from '../../server/src/lint/engine';
import { readSeed } from '../helpers/paths';

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

function heapAfterCollecting(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

describe('what the linter keeps after a report is linted', () => {
  // A substring is, in V8, a slice that keeps its whole string alive: a message quoting a title, or a memo keyed by
  // one, kept every report the CLI read (9 MB for the bench's 200) and every version the server analysed.
  it('diagnostics and the memos of titles hold none of the report’s text', function () {
    this.timeout(60000);
    const seed = readSeed('slac-2011-rutland');
    const kept: unknown[] = [];
    // compiled code and the memos' first entries are not what is measured
    for (let pass = 0; pass < 5; pass++) lint(seed);
    const before = heapAfterCollecting();
    let textBytes = 0;
    for (let copy = 0; copy < 40; copy++) {
      // a string of its own each time (the same report, with a last line of spaces): 40 × 166 KB in all
      const text = `${seed}\n${' '.repeat(copy + 1)}`;
      textBytes += text.length * 2;
      const { diagnostics } = lint(text);
      assert.ok(diagnostics.length > 0, 'the repeated report has problems to keep');
      kept.push(diagnostics);
    }
    const grown = heapAfterCollecting() - before;
    assert.ok(kept.length === 40);
    assert.ok(grown < textBytes / 4, `the heap grew by ${(grown / 1e6).toFixed(1)} MB after ${(textBytes / 1e6).toFixed(0)} MB of reports`);
  });

  it('a mistake repeated many times keeps one copy of its message, not one a diagnostic', function () {
    this.timeout(60000);
    const text = readSeed('slac-2011-rutland') + '\nStaying safe\n\nGrade 7 (Superb)\n'.repeat(20000);
    lint(text);
    const before = heapAfterCollecting();
    const { diagnostics } = lint(text);
    const perDiagnostic = (heapAfterCollecting() - before) / diagnostics.length;
    assert.ok(diagnostics.length >= 40000);
    assert.strictEqual(new Set(diagnostics.map((diagnostic) => diagnostic.message)).size < 10, true, 'the messages repeat');
    // a diagnostic with its range and related location is about 180 bytes; a copy of its message of its own ~220 more
    assert.ok(perDiagnostic < 290, `each diagnostic kept ${perDiagnostic.toFixed(0)} bytes`);
  });

  it('the memo of titles keeps its own copies of them, not the reports they came from', function () {
    this.timeout(60000);
    const seed = readSeed('slac-2011-rutland');
    for (let pass = 0; pass < 5; pass++) lint(seed);
    const before = heapAfterCollecting();
    let textBytes = 0;
    for (let copy = 0; copy < 40; copy++) {
      // headings of their own in each copy ("Being healthy 7"): titles the memo has not met
      const text = seed.replace(/^([A-Z][a-z]+ [a-z]+)$/gm, `$1 ${copy}`);
      textBytes += text.length * 2;
      lint(text);
    }
    const grown = heapAfterCollecting() - before;
    assert.ok(grown < textBytes / 4, `the heap grew by ${(grown / 1e6).toFixed(1)} MB after ${(textBytes / 1e6).toFixed(0)} MB of reports`);
  });
});
