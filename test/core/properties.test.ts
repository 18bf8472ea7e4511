import * as assert from 'assert';
import * as fc from 'fast-check';
import { flattenSections, parse } from '../../server/src/core';
import { lint } from '../../server/src/lint/engine';
import { applyMutations, mutationArbitrary } from '../helpers/mutations';
import { readSeed, seedNames } from '../helpers/paths';

/** Milliseconds a call took. */
function timed(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

// Every range the model reports must lie inside the document.
function assertRangesInside(text: string): void {
  const lines = text.split(/\r\n|\r|\n/);
  const report = parse(text);
  const check = (range: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
    for (const position of [range.start, range.end]) {
      assert.ok(position.line >= 0 && position.line < lines.length, `line ${position.line} outside 0..${lines.length - 1}`);
      assert.ok(position.character >= 0 && position.character <= (lines[position.line] ?? '').length, 'character outside its line');
    }
  };
  for (const section of flattenSections(report.sections)) {
    check(section.range);
    check(section.heading.range);
    if (section.judgement?.grade) check(section.judgement.grade.range);
    if (section.judgement?.sentence) check(section.judgement.sentence.term.range);
  }
  for (const row of report.record?.rows ?? []) check(row.range);
}

describe('parse is total: it never throws, and stays fast on hostile input', () => {
  it('on arbitrary strings of any characters', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => void parse(text)), { numRuns: 500 });
  });

  it('on arbitrary bytes decoded as UTF-8 and as Latin-1', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), (bytes) => {
        parse(Buffer.from(bytes).toString('utf8'));
        parse(Buffer.from(bytes).toString('latin1'));
      }),
      { numRuns: 300 },
    );
  });

  it('on strings built from report vocabulary, with ranges always inside the text', () => {
    const token = fc.constantFrom(
      'Grade 3', 'Grade 2 (Good)', '**', '<b>', '</b>', '\t', '\n', '\r\n', '\n\n', '# ', '## ', '- ', '1. ', 'good', 'not yet ',
      'Record of main findings', 'Contents', 'Being healthy', 'Safeguarding services', 'Immediately:', 'Performs well (3)',
      'Overall effectiveness', 'is adequate.', ' ', '<!-- framework: slac-2011 -->', 'Outstanding (Grade 1)', ':',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 300 }), (tokens) => assertRangesInside(tokens.join(''))),
      { numRuns: 400 },
    );
  });

  it('on every seed mutated by random edits', () => {
    const seeds = seedNames().map(readSeed);
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutationArbitrary, { minLength: 1, maxLength: 12 }), (seed, edits) => {
        assertRangesInside(applyMutations(seed, edits));
      }),
      { numRuns: 150 },
    );
  });

  // Generous bounds: only catastrophic (super-linear) regex backtracking could exceed them.
  it('on 1 MB written on one line', () => {
    const words = ['good ', 'Grade ', '3 ', '(', ')', '. ', 'not ', 'outstanding ', '\t', '.... ', '# ', '** '];
    let line = '';
    for (let i = 0; line.length < 1_000_000; i++) line += words[(i * 7) % words.length];
    assert.ok(timed(() => parse(line)) < 5000);
    assert.ok(timed(() => parse('Contents\n' + line)) < 5000);
    assert.ok(timed(() => parse('Record of main findings\n' + line)) < 5000);
    assert.ok(timed(() => parse('# ' + ' '.repeat(1_000_000) + 'x')) < 5000);
    assert.ok(timed(() => parse('Contents\n' + '.'.repeat(300) + '\n' + '.'.repeat(1_000_000))) < 5000);
  });

  it('on 200k-character lines of every shape that could make a regular expression backtrack', () => {
    const shapes: Record<string, string> = {
      spaces: ' ',
      tabs: '\t',
      'spaces and tabs': ' \t',
      'bullets': '* ',
      'comment openings': '<!-- ',
      'pipes': '| ',
      'dashes': '- ',
      'colons': ': ',
      'dots': '. ',
      'grades': 'Grade ',
      'open brackets': 'Grade 3 (',
      'hashes': '# ',
      'numbers': '1.',
      'tags': '<b',
      'no-break spaces': '\u00a0',
    };
    for (const [name, unit] of Object.entries(shapes)) {
      const line = unit.repeat(Math.ceil(200_000 / unit.length)) + 'x';
      for (const prefix of ['', 'Record of main findings\n', 'Being healthy\n\n']) {
        const took = timed(() => lint(prefix + line));
        assert.ok(took < 5000, `${name} after ${JSON.stringify(prefix)}: ${took.toFixed(0)} ms`);
      }
    }
  });

  it('on 10k headings with their grades, in a report of no known framework (no deep tree to overflow)', () => {
    const text = 'Being healthy Grade 3\n'.repeat(10_000);
    let report: ReturnType<typeof parse> | undefined;
    assert.ok(timed(() => (report = parse(text))) < 10000);
    assert.strictEqual(report?.sections.length, 10_000);
    assert.doesNotThrow(() => lint(text));
  });

  // each problem asks whether a comment turns its rule off: the answer must not read every comment, nor every name
  it('on a lint comment naming 80k rules, and on 50k lint comments', () => {
    const names = '<!-- inspection-lint-disable ' + 'nope,'.repeat(80_000) + ' -->\nBeing healthy\n';
    let result: ReturnType<typeof lint> | undefined;
    assert.ok(timed(() => (result = lint(names))) < 5000);
    assert.strictEqual(result?.diagnostics.filter((d) => d.ruleId === 'unknown-rule-in-directive').length, 80_000);
    const comments = '<!-- inspection-lint-disable nope -->\n<!-- inspection-lint-disable-line nope -->\n'.repeat(25_000);
    assert.ok(timed(() => (result = lint(comments))) < 5000);
    assert.strictEqual(result?.diagnostics.length, 50_000);
    // one name misspelt at great length is measured against the rule names' lengths, not compared letter by letter
    assert.ok(timed(() => lint(`<!-- inspection-lint-disable ${'x'.repeat(4_000_000)} -->`)) < 5000);
  });

  it('on 100k lines of "Grade 3"', () => {
    const text = 'Grade 3\n'.repeat(100_000);
    let report: ReturnType<typeof parse> | undefined;
    assert.ok(timed(() => (report = parse(text))) < 10000);
    assert.strictEqual(report?.strayGrades.length, 100_000);
  });

  // a spread of this many arguments (grades.push(...strayGrades)) overflowed the stack, and three rules failed
  it('on 500k lines of "Grade 3" in a report of a known framework, every rule runs', () => {
    const failures: string[] = [];
    lint('Grade 3\n'.repeat(500_000), { framework: 'apa-2007', onRuleError: (id, error) => failures.push(`${id}: ${String(error)}`) });
    assert.deepStrictEqual(failures, []);
  });

  it('on 100k "Grade" tokens in one paragraph of an overall section', () => {
    const text = 'Overall effectiveness of children\'s services\n\nGrade 3\n\n' + 'Grade being healthy is good. '.repeat(100_000);
    assert.ok(timed(() => parse(text, { framework: 'apa-2007' })) < 10000);
  });
});
