import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import { joinedLines, prettyJson, streamed } from '../../server/src/cli/formats/chunks';
import { formatGithub } from '../../server/src/cli/formats/github';
import { LinedText } from '../../server/src/cli/formats/eslint-fix';
import { formatJson } from '../../server/src/cli/formats/json';
import { formatModel } from '../../server/src/cli/formats/model';
import { formatSarif } from '../../server/src/cli/formats/sarif';
import { formatStylish } from '../../server/src/cli/formats/stylish';
import type { FileResult } from '../../server/src/cli/formats/types';
import { writeChunks, writeChunksToFile } from '../../server/src/cli/output';
import { UsageError } from '../../server/src/cli/files';
import { splitLines } from '../../server/src/core/text';
import { lint } from '../../server/src/lint/engine';

/** JSON values of any shape, with strings holding line breaks, quotes and the placeholder's characters. */
const json = fc.jsonValue({ maxDepth: 4 });

/** A file with `count` problems of missing-grade, as the linter gives them for that many headings. */
function fileWithProblems(count: number): FileResult {
  const diagnostics = lint('Being healthy\n\n'.repeat(count), { framework: 'apa-2007' }).diagnostics.filter((d) => d.ruleId === 'missing-grade');
  return { filePath: path.join(os.tmpdir(), 'many.txt'), displayPath: 'many.txt', diagnostics, framework: null, notes: [] };
}

describe('CLI output written in pieces', () => {
  it('pieces that join into what JSON.stringify gives, with arrays streamed at any depth', () => {
    /** The value with some of its arrays (chosen by the flags, in turn) written as streamed ones. */
    const streaming = (value: unknown, flags: boolean[]): unknown => {
      if (Array.isArray(value)) {
        const items = value.map((item) => streaming(item, flags));
        const flag = flags.shift() ?? false;
        flags.push(flag);
        return flag ? streamed(items) : items;
      }
      if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, streaming(member, flags)]));
      return value;
    };
    fc.assert(
      fc.property(json, fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), fc.constantFrom('', '  ', '    '), (value, flags, indent) => {
        const expected = JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
        assert.strictEqual([...prettyJson(streaming(value, [...flags]), indent)].join(''), expected);
      }),
      { numRuns: 500 },
    );
    // what JSON.stringify leaves out of objects and writes as null in arrays
    const odd = { a: undefined, b: () => 1, c: [undefined, () => 1, 2], d: streamed([undefined, 3]) };
    assert.strictEqual([...prettyJson(odd)].join(''), JSON.stringify({ ...odd, d: [undefined, 3] }, null, 2));
  });

  it('lines joined as join("\\n") would', () => {
    fc.assert(fc.property(fc.array(fc.string()), (lines) => assert.strictEqual([...joinedLines(lines)].join(''), lines.join('\n'))));
  });

  it('writes the pieces in writes of moderate size, then a line break; nothing when there is no output', () => {
    const pieces = Array.from({ length: 5000 }, (_, index) => `piece ${index} `.repeat(10));
    const writes: string[] = [];
    writeChunks(pieces, (text) => writes.push(text));
    assert.strictEqual(writes.join(''), `${pieces.join('')}\n`);
    assert.ok(writes.length > 5 && writes.every((text) => text.length < 70_000));
    const none: string[] = [];
    writeChunks(['', ''], (text) => none.push(text));
    assert.deepStrictEqual(none, []);
    const always: string[] = [];
    writeChunks([], (text) => always.push(text), true);
    assert.deepStrictEqual(always, ['\n']);
  });

  it('gives every format as pieces, none of them the whole output (a string has a size limit)', () => {
    const files = [fileWithProblems(3000)];
    assert.strictEqual(files[0]?.diagnostics.length, 3000);
    for (const format of [formatStylish, formatJson, formatSarif, formatGithub]) {
      const output = format(files, { cwd: os.tmpdir(), color: false });
      assert.notStrictEqual(typeof output, 'string', `${format.name} gives pieces, not the whole text`);
      const pieces = [...output];
      const total = pieces.reduce((sum, piece) => sum + piece.length, 0);
      const largest = Math.max(...pieces.map((piece) => piece.length));
      assert.ok(pieces.length >= 3000 && largest * 100 < total, `${format.name}: ${pieces.length} pieces, the largest ${largest} of ${total}`);
    }
  });

  // its column widths were Math.max(...widths): a spread of this many arguments overflowed the stack
  it('writes 200k problems of one file as stylish', () => {
    const one = fileWithProblems(1);
    const many: FileResult = { ...one, diagnostics: Array.from({ length: 200_000 }, () => one.diagnostics[0]!) };
    let rows = 0;
    for (const piece of formatStylish([many], { cwd: os.tmpdir(), color: false })) if (piece.endsWith('missing-grade')) rows++;
    assert.strictEqual(rows, 200_000);
  });

  // it made every row, then every line, before giving the first: a file of a million problems held them all at once
  it('stylish makes each row as it is written, not all of them first', () => {
    const file = fileWithProblems(50);
    let messagesRead = 0;
    const counted = file.diagnostics.map((diagnostic) => {
      const copy = { ...diagnostic };
      Object.defineProperty(copy, 'message', { get: () => (messagesRead++, diagnostic.message), enumerable: true });
      return copy;
    });
    const pieces = formatStylish([{ ...file, diagnostics: counted }], { cwd: os.tmpdir(), color: false })[Symbol.iterator]();
    for (let piece = 0; piece < 3; piece++) pieces.next();
    assert.ok(messagesRead <= 2, `${messagesRead} messages read for the first three pieces`);
    let rest = 0;
    while (!pieces.next().done) rest++;
    assert.strictEqual(messagesRead, 50);
    assert.ok(rest >= 48);
  });

  // the CLI gave the formats every file's results at once: a run held all its problems, and many files of many
  // problems filled the memory though each alone fitted
  it('every format takes the files one at a time, writing each before asking for the next', () => {
    const report = lint('Being healthy\n\nGrade 9\n', { framework: 'apa-2007' });
    const fileNamed = (name: string): FileResult => ({
      filePath: path.join(os.tmpdir(), name),
      displayPath: name,
      diagnostics: report.diagnostics,
      framework: report.report.framework?.profile ?? null,
      notes: [],
      report: report.report,
    });
    const names = ['first.txt', 'second.txt', 'third.txt'];
    for (const format of [formatStylish, formatJson, formatSarif, formatGithub, formatModel]) {
      let written = '';
      let handedOut = 0;
      const files = (function* () {
        for (const [index, name] of names.entries()) {
          // by the time a file is asked for, the one before it has been written
          if (index > 0) assert.ok(written.includes(names[index - 1]!), `${format.name}: ${names[index - 1]} not written before ${name} was asked for`);
          handedOut++;
          yield fileNamed(name);
        }
      })();
      for (const piece of format(files, { cwd: os.tmpdir(), color: false })) written += piece;
      assert.strictEqual(handedOut, 3, format.name);
      for (const name of names) assert.ok(written.includes(name), `${format.name} wrote ${name}`);
    }
  });

  // a run whose only file was too large said "✔ 0 files checked: no problems"
  it('stylish names the files that could not be read, after it has seen them all', () => {
    const notRead = (name: string): FileResult => ({ ...fileWithProblems(0), filePath: path.join(os.tmpdir(), name), displayPath: name, notChecked: `${name} is a binary file, not a report` });
    const files = ['a.txt', 'b.txt', 'ok', 'c.txt', 'd.txt', 'e.txt'].map((name) => (name === 'ok' ? fileWithProblems(0) : notRead(name)));
    const text = [...formatStylish(files, { cwd: os.tmpdir(), color: false })].join('');
    assert.strictEqual(text, '✖ 5 files not checked: a.txt, b.txt, c.txt and 2 more\n✔ 1 file checked (0 recognised as reports): no problems');
    const one = [...formatStylish([fileWithProblems(2), notRead('big.txt')], { cwd: os.tmpdir(), color: false })].join('');
    assert.match(one, /\n✖ 1 file not checked: big\.txt\n✖ 2 problems \(2 errors/);
    // nothing checked: nothing to be glad of
    assert.strictEqual([...formatStylish([notRead('big.txt')], { cwd: os.tmpdir(), color: false })].join(''), '✖ 1 file not checked: big.txt');
  });

  it('JSON counts as ESLint does: errors, warnings, and those with a fix (the one --fix applies)', () => {
    // a label that disagrees with its number (fixable error), a grade outside the scale (error), a record entry with
    // no section (warning)
    const text = 'Being healthy\n\nGrade 2 (Good)\n\nStaying safe\n\nGrade 7\n\nRecord of main findings\n\nBeing healthy\tAdequate\nEnjoying and achieving\tGood\n';
    const { diagnostics } = lint(text, { framework: 'apa-2007' });
    const shown = diagnostics.filter((diagnostic) => diagnostic.severity !== 'info');
    const fixable = (severity: string) => shown.filter((diagnostic) => diagnostic.severity === severity && diagnostic.fixes.some((fix) => fix.preferred)).length;
    assert.ok(fixable('error') > 0 && shown.some((diagnostic) => diagnostic.severity === 'warning'), JSON.stringify(shown.map((diagnostic) => [diagnostic.ruleId, diagnostic.severity])));
    const file: FileResult = { filePath: path.join(os.tmpdir(), 'draft.txt'), displayPath: 'draft.txt', diagnostics, framework: null, notes: [], text: LinedText.of(text, splitLines(text)) };
    const [entry] = JSON.parse([...formatJson([file], { cwd: os.tmpdir(), color: false })].join('')) as Record<string, unknown>[];
    const { messages, ...counts } = entry!;
    assert.strictEqual((messages as unknown[]).length, shown.length);
    assert.strictEqual((messages as { fix?: unknown }[]).filter((message) => message.fix).length, fixable('error') + fixable('warning'));
    // without the text (a file not in UTF-8) there are no offsets to give, and nothing counts as fixable
    const [bare] = JSON.parse([...formatJson([{ ...file, text: undefined }], { cwd: os.tmpdir(), color: false })].join('')) as Record<string, unknown>[];
    assert.deepStrictEqual([bare!.fixableErrorCount, bare!.fixableWarningCount], [0, 0]);
    assert.deepStrictEqual(counts, {
      filePath: file.filePath,
      errorCount: shown.filter((diagnostic) => diagnostic.severity === 'error').length,
      fatalErrorCount: 0,
      warningCount: shown.filter((diagnostic) => diagnostic.severity === 'warning').length,
      fixableErrorCount: fixable('error'),
      fixableWarningCount: fixable('warning'),
    });
  });

  // the machine formats left such a file out: JSON and SARIF read as if it had been checked and found clean
  it('JSON, SARIF and GitHub record a file that was not checked as an error of the run, in its place', () => {
    const notRead: FileResult = { ...fileWithProblems(0), filePath: path.join(os.tmpdir(), 'big.txt'), displayPath: 'big.txt', notChecked: 'big.txt is larger than 16 MB, so it is not checked (--max-file-size)' };
    const files = () => [fileWithProblems(1), notRead, fileWithProblems(2)];
    const options = { cwd: os.tmpdir(), color: false };
    const entries = JSON.parse([...formatJson(files(), options)].join('')) as { filePath: string; messages: { message: string; fatal?: boolean; severity: number }[]; errorCount: number }[];
    assert.deepStrictEqual(entries.map((entry) => entry.errorCount), [1, 1, 2]);
    assert.deepStrictEqual(entries[1], {
      filePath: notRead.filePath,
      messages: [{ ruleId: null, fatal: true, severity: 2, message: notRead.notChecked }],
      errorCount: 1,
      fatalErrorCount: 1,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    });
    const run = (JSON.parse([...formatSarif(files(), options)].join('')) as { runs: any[] }).runs[0];
    assert.strictEqual(run.results.length, 3);
    assert.deepStrictEqual(run.invocations, [
      {
        executionSuccessful: false,
        toolExecutionNotifications: [{ level: 'error', message: { text: notRead.notChecked }, locations: [{ physicalLocation: { artifactLocation: { uri: 'big.txt', uriBaseId: '%SRCROOT%', index: 1 } } }] }],
      },
    ]);
    assert.strictEqual(run.artifacts[1].location.uri, 'big.txt');
    const clean = (JSON.parse([...formatSarif([fileWithProblems(1)], options)].join('')) as { runs: any[] }).runs[0];
    assert.deepStrictEqual(clean.invocations, [{ executionSuccessful: true }]);
    const annotations = [...formatGithub(files(), options)].join('').split('\n');
    assert.strictEqual(annotations.length, 4);
    assert.strictEqual(annotations[1], '::error file=big.txt,title=not checked::big.txt is larger than 16 MB, so it is not checked (--max-file-size)');
    assert.strictEqual([...formatModel([notRead], options)].join(''), '[]');
  });

  it('writes a file in pieces, and says clearly when it cannot', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-output-'));
    try {
      const file = path.join(dir, 'out.sarif');
      const pieces = [...formatSarif([fileWithProblems(200)], { cwd: dir, color: false })];
      writeChunksToFile(file, pieces);
      assert.strictEqual(fs.readFileSync(file, 'utf8'), `${pieces.join('')}\n`);
      assert.strictEqual((JSON.parse(fs.readFileSync(file, 'utf8')) as { runs: { results: unknown[] }[] }).runs[0]?.results.length, 200);
      assert.throws(() => writeChunksToFile(path.join(dir, 'missing', 'out.json'), ['x']), (error: Error) => error instanceof UsageError && /Cannot write .*ENOENT/.test(error.message));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
