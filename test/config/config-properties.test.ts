import * as assert from 'assert';
import * as fc from 'fast-check';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadConfigText } from '../../server/src/config/load';
import { NodeFinder, TextPositions } from '../../server/src/config/locate';
import { builtinFrameworks } from '../../server/src/core/frameworks/builtin';
import { validateFramework } from '../../server/src/core/frameworks/schema';
import type { Range } from '../../server/src/core/text';
import { lint } from '../../server/src/lint/engine';
import { fosteringReview } from '../helpers/frameworks';
import { readSeed, seedNames } from '../helpers/paths';

function assertInside(text: string, range: Range, what: string): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (const position of [range.start, range.end]) {
    assert.ok(position.line >= 0 && position.line < lines.length, `${what}: line ${position.line} of ${lines.length}`);
    assert.ok(position.character >= 0 && position.character <= (lines[position.line] ?? '').length, `${what}: character ${position.character} outside line ${position.line}`);
  }
}

function assertLoads(text: string): ReturnType<typeof loadConfigText> {
  const loaded = loadConfigText(text);
  for (const problem of loaded.problems) assertInside(text, problem.range, problem.message);
  assert.ok(Array.isArray(loaded.config.customFrameworks) && typeof loaded.config.rules === 'object');
  return loaded;
}

/** JSON values with the keys a configuration has, so that the checks behind them run, not only the first. */
const key = fc.constantFrom('rules', 'frameworks', 'customFrameworks', 'reports', 'files', 'framework', 'scale', 'levels', 'id', 'missing-grade', '__proto__', 'x');
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(key, tie('node'), { maxKeys: 5 })),
})).node;

describe('configuration files: whatever is written, a positioned problem and the defaults, never a crash', () => {
  it('on arbitrary text, and on JSON shaped like a configuration', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => void assertLoads(text)), { numRuns: 400 });
    fc.assert(
      fc.property(value, fc.constantFrom(0, 2), fc.boolean(), (json, indent, crlf) => {
        const text = JSON.stringify(json, null, indent) ?? 'null';
        void assertLoads(crlf ? text.replace(/\n/g, '\r\n') : text);
      }),
      { numRuns: 400 },
    );
  });

  it('on a valid custom framework with any one value replaced', () => {
    const paths: (string | number)[][] = [];
    const walk = (node: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (node && typeof node === 'object') for (const [name, child] of Object.entries(node)) walk(child, [...path, Array.isArray(node) ? Number(name) : name]);
    };
    walk(fosteringReview(), []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((path) => path.length)), fc.jsonValue({ maxDepth: 2 }), (path, replacement) => {
        const framework = fosteringReview() as unknown as Record<string | number, unknown>;
        let parent = framework;
        for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>;
        parent[path[path.length - 1]!] = replacement;
        const { config } = assertLoads(JSON.stringify({ customFrameworks: [framework, { ...fosteringReview(), id: 'kept' }] }, null, 2));
        // the broken framework is left out or taken whole; the sound one beside it always stays
        assert.ok(config.customFrameworks.some((profile) => profile.id === 'kept'));
      }),
      { numRuns: 300 },
    );
  });

  it('finds problems in linear time: 50 000 unknown rules, each at its own key', () => {
    const rules: Record<string, string> = {};
    for (let index = 0; index < 50_000; index++) rules[`no-such-rule-${index}`] = 'off';
    const text = JSON.stringify({ rules }, null, 2);
    const started = performance.now();
    const { problems } = loadConfigText(text);
    // a generous bound: before line starts and object keys were indexed, 20 000 took 24 s and this would take minutes
    assert.ok(performance.now() - started < 5000, `${performance.now() - started} ms`);
    assert.strictEqual(problems.length, 50_000);
    assert.deepStrictEqual(problems[49_999]!.range, { start: { line: 50_001, character: 4 }, end: { line: 50_001, character: 24 } });
  });

  it('points at the key written last when a key is written twice, as the value read is the last', () => {
    const { config, problems } = loadConfigText('{\n  "rules": {\n    "missing-grade": "off",\n    "missing-grade": "loud"\n  }\n}');
    assert.deepStrictEqual(config.rules, {});
    assert.deepStrictEqual(problems.map((problem) => problem.range.start.line), [3]);
  });

  it('reads a file that starts with a byte order mark, placing problems as the editor (which hides it) does', () => {
    const { config, problems } = loadConfigText('\uFEFF{\n  "rules": { "missing-grade": "off", "grade-wording-mismatch": "loud" }\n}');
    assert.deepStrictEqual(config.rules, { 'missing-grade': 'off' });
    assert.deepStrictEqual(problems.map((problem) => problem.range.start), [{ line: 1, character: 63 }]);
  });

  it('takes a key named __proto__ as a key: an unknown setting, not a prototype lending its rules', () => {
    const { config, problems } = loadConfigText('{ "__proto__": { "rules": { "missing-grade": "off" } } }');
    assert.deepStrictEqual(config.rules, {});
    assert.deepStrictEqual(problems.map((problem) => problem.message), ['__proto__: unknown setting (known: rules, frameworks, customFrameworks, reports)']);
  });
});

describe('configuration positions and nodes, against the libraries they stand in for', () => {
  it('places offsets as vscode-languageserver-textdocument does, with LF, CRLF and lone CR', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'é', '\n', '\r', '\r\n', ' '), maxLength: 60 });
    fc.assert(
      fc.property(text, fc.array(fc.integer({ min: -3, max: 70 }), { minLength: 1, maxLength: 10 }), (content, offsets) => {
        const positions = new TextPositions(content);
        const document = TextDocument.create('file:///c.json', 'json', 1, content);
        for (const offset of offsets) assert.deepStrictEqual(positions.positionAt(offset), document.positionAt(offset), `offset ${offset} of ${JSON.stringify(content)}`);
      }),
      { numRuns: 2000 },
    );
  });

  it("finds the node at a path as jsonc-parser's findNodeAtLocation does", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.array(fc.oneof(fc.nat({ max: 4 }), fc.string({ maxLength: 3 })), { maxLength: 4 }), (json, probe) => {
        const tree = parseTree(JSON.stringify(json));
        assert.ok(tree);
        const finder = new NodeFinder(tree);
        const paths: (string | number)[][] = [probe];
        const walk = (node: unknown, path: (string | number)[]) => {
          paths.push(path);
          if (node && typeof node === 'object') for (const [name, child] of Object.entries(node)) walk(child, [...path, Array.isArray(node) ? Number(name) : name]);
        };
        walk(json, []);
        for (const path of paths) assert.strictEqual(finder.find(path), findNodeAtLocation(tree, path), JSON.stringify(path));
      }),
      { numRuns: 500 },
    );
  });
});

describe('custom frameworks of any wording: the linter stays total and quick', function () {
  this.timeout(60_000);
  // phrases full of what regular expressions and title keys treat specially
  const phrase = fc
    .string({ unit: fc.constantFrom(...'ab Gd(.)*+?[]{}|\\^$-/\'\u2019:\u00e9\t1'.split('')), minLength: 1, maxLength: 14 })
    .filter((text) => text.trim().length > 0);
  const level = (index: number) =>
    fc.record({ label: phrase, aliases: fc.array(phrase, { maxLength: 2 }), terms: fc.array(phrase, { minLength: 1, maxLength: 3 }) }).map((parts) => ({ key: `l${index}`, number: 9 - index, ...parts }));
  const framework = fc.record({
    levels: fc.tuple(level(0), level(1), level(2)),
    judgements: fc.array(fc.record({ title: phrase, aliases: fc.array(phrase, { maxLength: 2 }), mentions: fc.array(phrase, { maxLength: 2 }), statements: fc.array(phrase, { maxLength: 1 }) }), { minLength: 1, maxLength: 4 }),
    headings: fc.array(fc.record({ title: phrase, kind: fc.constantFrom('section', 'actions', 'contents', 'record') }), { maxLength: 3 }),
    styles: fc.subarray(['grade-number', 'grade-number-label', 'label-grade-number', 'label-number', 'label', 'heading-colon-label', 'sentence'] as const, { minLength: 1 }),
    recordTitles: fc.array(phrase, { maxLength: 2 }),
  });

  it('lints seeds and drafts written in the framework’s own words without throwing, every range inside the text', () => {
    const seeds = seedNames().map(readSeed);
    fc.assert(
      fc.property(framework, fc.constantFrom(...seeds), fc.array(fc.nat(), { minLength: 5, maxLength: 40 }), (drawn, seed, picks) => {
        const input = {
          id: 'drawn',
          name: 'Drawn framework',
          years: { from: 2000 },
          scale: { direction: 'higher-is-better', levels: drawn.levels },
          judgements: drawn.judgements.map((judgement, index) => ({ id: `j${index}`, ...judgement })),
          headings: drawn.headings,
          notation: { styles: drawn.styles, preferred: drawn.styles[0] },
          record: { expected: true, titles: drawn.recordTitles },
        };
        const validation = validateFramework(input);
        if (!validation.ok) throw new Error(`the generator made an invalid framework: ${JSON.stringify(validation.problems)}`);
        const registry = builtinFrameworks().with([validation.profile]);
        const words = [
          ...drawn.levels.flatMap((l) => [l.label, ...l.aliases, ...l.terms, `Grade ${l.number}`, `${l.label} (${l.number})`]),
          ...drawn.judgements.flatMap((j) => [j.title, ...j.aliases, ...j.mentions, ...j.statements]),
          ...drawn.headings.map((h) => h.title),
          ...drawn.recordTitles,
        ];
        const draft = picks.map((pick, index) => `${words[pick % words.length]}${['\n\n', ' is ', '\t', ': ', '.\n'][index % 5]}`).join('');
        for (const text of [draft, seed]) {
          const { diagnostics } = lint(text, { framework: 'drawn', registry });
          for (const diagnostic of diagnostics) assertInside(text, diagnostic.range, diagnostic.ruleId);
        }
      }),
      { numRuns: 150 },
    );
  });
});
