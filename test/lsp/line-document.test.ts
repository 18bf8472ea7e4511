import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { splitLines } from '../../server/src/core/text';
import { lint } from '../../server/src/lint/engine';
import { Analyzer } from '../../server/src/lsp/analysis';
import { LineDocument, splitWithEnds } from '../../server/src/lsp/line-document';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { repoRoot } from '../helpers/paths';

const breaky = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\n', '\r', '\r\n', 'é', '\t'), maxLength: 30 });
const position = fc.record({ line: fc.integer({ min: -2, max: 12 }), character: fc.integer({ min: -2, max: 14 }) });
const change: fc.Arbitrary<TextDocumentContentChangeEvent> = fc.oneof(
  { weight: 9, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text: breaky }) },
  { weight: 1, arbitrary: fc.record({ text: breaky }) },
);

/** Everything a feature may read of a document, for comparing two implementations. */
function view(document: TextDocument, probes: { line: number; character: number }[], offsets: number[]) {
  return {
    text: document.getText(),
    lineCount: document.lineCount,
    offsets: probes.map((probe) => document.offsetAt(probe)),
    positions: offsets.map((offset) => document.positionAt(offset)),
    lineRanges: probes.map((probe) => document.getLineRange(probe.line)),
    eols: probes.map((probe) => document.getEOLCharacters(probe.line)),
    ranges: probes.map((probe, index) => document.getText({ start: probe, end: probes[(index + 1) % probes.length]! })),
  };
}

describe('LineDocument (the server keeps open documents as lines)', () => {
  it('cuts lines as splitLines does, and its terminators rebuild the text', () => {
    fc.assert(
      fc.property(breaky, (text) => {
        const { lines, ends } = splitWithEnds(text);
        assert.deepStrictEqual(lines, splitLines(text));
        assert.strictEqual(lines.map((line, index) => line + ends[index]).join(''), text);
      }),
      { numRuns: 2000 },
    );
  });

  // The reference is a document made afresh for each change: its own line table goes wrong after a range past the
  // last line, and its next edit lands in the wrong place.
  it('reads and edits as vscode-languageserver-textdocument does, whatever the edits (mixed line ends, ranges out of bounds or reversed)', () => {
    fc.assert(
      fc.property(breaky, fc.array(fc.array(change, { minLength: 1, maxLength: 8 }), { maxLength: 6 }), fc.array(position, { minLength: 1, maxLength: 6 }), fc.array(fc.integer({ min: -3, max: 60 }), { maxLength: 6 }), (text, edits, probes, offsets) => {
        let expected = TextDocument.create('file:///a.txt', 'plaintext', 1, text);
        let actual = LineDocument.create('file:///a.txt', 'plaintext', 1, text);
        assert.deepStrictEqual(view(actual, probes, offsets), view(expected, probes, offsets));
        for (const [index, changes] of edits.entries()) {
          for (const one of changes) expected = TextDocument.update(TextDocument.create('file:///a.txt', 'plaintext', 1, expected.getText()), [one], index + 2);
          actual = LineDocument.update(actual, changes, index + 2);
          assert.strictEqual(actual.version, index + 2);
          assert.strictEqual(actual.length, expected.getText().length);
          assert.deepStrictEqual(actual.lines, splitLines(expected.getText()));
          assert.strictEqual(actual.crlf, expected.getText().includes('\r\n'));
          const fresh = TextDocument.create('file:///a.txt', 'plaintext', 1, expected.getText());
          assert.deepStrictEqual(view(actual, probes, offsets), view(fresh, probes, offsets));
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('takes a paste of more lines than one call can pass, and many changes in one update', () => {
    const text = Array.from({ length: 3000 }, (_, index) => `line ${index}`).join('\n');
    const paste = Array.from({ length: 25000 }, (_, index) => `pasted ${index}`).join('\r\n');
    const changes: TextDocumentContentChangeEvent[] = [{ range: { start: { line: 1500, character: 2 }, end: { line: 1600, character: 3 } }, text: paste }];
    for (let index = 0; index < 100; index++) changes.push({ range: { start: { line: index * 30, character: 1 }, end: { line: index * 30, character: 1 } }, text: 'x' });
    let expected = TextDocument.create('file:///a.txt', 'plaintext', 1, text);
    for (const one of changes) expected = TextDocument.update(TextDocument.create('file:///a.txt', 'plaintext', 1, expected.getText()), [one], 2);
    const actual = LineDocument.update(LineDocument.create('file:///a.txt', 'plaintext', 1, text), changes, 2);
    assert.strictEqual(actual.getText(), expected.getText());
    assert.deepStrictEqual(actual.lines, splitLines(expected.getText()));
  });

  // a generous bound: each change moving every line after it took 26 s for these 100 000 (VS Code's "replace all")
  it('takes 100 000 changes in one update, from the end back or from the start on, in linear time', () => {
    const text = Array.from({ length: 240_000 }, (_, index) => (index % 2 ? '' : `paragraph ${index}`)).join('\n');
    const document = LineDocument.create('file:///a.txt', 'plaintext', 1, text);
    // each blank line joined to the paragraph above it
    const backwards: TextDocumentContentChangeEvent[] = [];
    for (let line = 239_999; line >= 1; line -= 2) backwards.push({ range: { start: { line: line - 1, character: (document.lines[line - 1] as string).length }, end: { line, character: 0 } }, text: '' });
    const expected = Array.from({ length: 120_000 }, (_, index) => `paragraph ${2 * index}`);
    let started = performance.now();
    assert.deepStrictEqual(LineDocument.update(document, backwards, 2).lines, expected);
    assert.ok(performance.now() - started < 5000);
    // the same edits in document order, each at its place once the ones before it are made
    const forwards = backwards.map((_, index) => ({ range: { start: { line: index, character: `paragraph ${2 * index}`.length }, end: { line: index + 1, character: 0 } }, text: '' }));
    started = performance.now();
    assert.deepStrictEqual(LineDocument.update(document, forwards, 2).lines, expected);
    assert.ok(performance.now() - started < 5000);
    assert.strictEqual(document.lineCount, 240_000, 'the document edited is left as it was');
  });

  it('leaves the document it was made from as it was (an older analysis may still read it)', () => {
    const before = LineDocument.create('file:///a.txt', 'plaintext', 1, 'one\ntwo\nthree');
    const after = LineDocument.update(before, [{ range: { start: { line: 1, character: 1 }, end: { line: 2, character: 2 } }, text: 'X\nY' }], 2);
    assert.deepStrictEqual(before.lines, ['one', 'two', 'three']);
    assert.strictEqual(before.getText(), 'one\ntwo\nthree');
    assert.deepStrictEqual(after.lines, ['one', 'tX', 'Yree']);
  });

  it('joins the text only when asked: typing does not copy the whole document', () => {
    const document = LineDocument.create('file:///a.txt', 'plaintext', 1, 'Being healthy\n\nGrade 2');
    assert.strictEqual(document.textIfJoined, 'Being healthy\n\nGrade 2');
    const typed = LineDocument.update(document, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'x' }], 2);
    assert.strictEqual(typed.textIfJoined, undefined);
    assert.strictEqual(typed.getText(), 'Being healthy\nx\nGrade 2');
    assert.strictEqual(typed.textIfJoined, 'Being healthy\nx\nGrade 2');
  });

  it('gives the analyser the same diagnostics as the joined text, on every seed typed into', () => {
    const seeds = path.join(repoRoot, 'seeds');
    for (const name of fs.readdirSync(seeds).filter((file) => file.endsWith('.txt'))) {
      const text = fs.readFileSync(path.join(seeds, name), 'utf8');
      const uri = `file:///reports/${name}`;
      let document = LineDocument.create(uri, 'inspection-report', 1, text);
      const lines = splitLines(text);
      const line = lines.findIndex((candidate) => candidate.length > 80);
      for (const [version, edit] of [[2, 'x'], [3, '\r\nGrade 9\r\n'], [4, '']] as const) {
        document = LineDocument.update(document, [{ range: { start: { line, character: 10 }, end: { line, character: 12 } }, text: edit }], version);
        const analysed = new Analyzer(DEFAULT_SETTINGS).get(document);
        const fromText = lint(document.getText());
        assert.deepStrictEqual(analysed.diagnostics, fromText.diagnostics, `${name}, version ${version}`);
        assert.strictEqual(analysed.eol, document.getText().includes('\r\n') ? '\r\n' : '\n');
      }
    }
  });
});
