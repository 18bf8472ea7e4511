import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { readJson, repoRoot, seedsDir } from '../helpers/paths';

// The grammars are run through vscode-textmate and vscode-oniguruma, the engine VS Code itself uses.

const REPORT = 'text.inspection-report';
const INJECTION = 'text.inspection-report.injection';
const MARKDOWN = 'text.html.markdown';

const GRAMMAR_FILES: Readonly<Record<string, string>> = {
  [REPORT]: path.join(repoRoot, 'syntaxes', 'inspection-report.tmLanguage.json'),
  [INJECTION]: path.join(repoRoot, 'syntaxes', 'inspection-report.injection.json'),
  [MARKDOWN]: path.join(repoRoot, 'test', 'fixtures', 'grammars', 'markdown.tmLanguage.json'),
};

type Level = 'outstanding' | 'good' | 'adequate' | 'inadequate';
const LEVELS: readonly Level[] = ['outstanding', 'good', 'adequate', 'inadequate'];
/** The standard scope each level also gets, so that default themes tell the levels apart. */
const THEME_SCOPE: Readonly<Record<Level, string>> = {
  outstanding: 'markup.inserted',
  good: 'support.type',
  adequate: 'markup.changed',
  inadequate: 'markup.deleted',
};

const gradeScope = (level: Level) => `markup.grade.level.${level}.inspection-report`;
const evaluationScope = (level: Level) => `keyword.other.evaluation.${level}.inspection-report`;
const anyLevelScope = /\.(?:grade\.level|evaluation)\.(?:outstanding|good|adequate|inadequate)\.inspection-report$/;

interface Token {
  text: string;
  scopes: string[];
}

interface Line {
  text: string;
  tokens: Token[];
}

let registry: Promise<textmate.Registry> | undefined;
const grammars = new Map<string, textmate.IGrammar>();

/** One registry for the whole file, made on first use: Oniguruma's WebAssembly, and the grammars by scope. */
function textmateRegistry(): Promise<textmate.Registry> {
  registry ??= (async () => {
    const wasm = fs.readFileSync(path.join(repoRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const onigLib: textmate.IOnigLib = {
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (text) => new oniguruma.OnigString(text),
    };
    return new textmate.Registry({
      onigLib: Promise.resolve(onigLib),
      // Grammars the Markdown grammar embeds (HTML, YAML, code languages) are missing on purpose.
      loadGrammar: async (scopeName) => {
        const file = GRAMMAR_FILES[scopeName];
        return file ? textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
      },
      // What VS Code does with the contribution's `injectTo: ["text.html.markdown"]`.
      getInjections: (scopeName) => (scopeName === MARKDOWN ? [INJECTION] : undefined),
    });
  })();
  return registry;
}

async function grammar(scopeName: string): Promise<textmate.IGrammar> {
  let loaded = grammars.get(scopeName);
  if (!loaded) {
    const found = await (await textmateRegistry()).loadGrammar(scopeName);
    assert.ok(found, `grammar ${scopeName} did not load`);
    loaded = found;
    grammars.set(scopeName, loaded);
  }
  return loaded;
}

/** Tokenises a whole document (state carried from line to line), as an editor does. */
async function tokenize(scopeName: string, text: string): Promise<Line[]> {
  const engine = await grammar(scopeName);
  let state = textmate.INITIAL;
  return text.split(/\r?\n/).map((lineText) => {
    const result = engine.tokenizeLine(lineText, state);
    state = result.ruleStack;
    return {
      text: lineText,
      tokens: result.tokens.map((token) => ({ text: lineText.slice(token.startIndex, token.endIndex), scopes: token.scopes })),
    };
  });
}

const seedLines = new Map<string, Line[]>();

/** Line `number` (1-based, as an editor shows it) of a seed report. */
async function seedLine(seed: string, number: number): Promise<Line> {
  let lines = seedLines.get(seed);
  if (!lines) {
    lines = await tokenize(REPORT, fs.readFileSync(path.join(seedsDir, seed), 'utf8'));
    seedLines.set(seed, lines);
  }
  const line = lines[number - 1];
  assert.ok(line, `${seed} has no line ${number}`);
  return line;
}

async function reportLine(text: string): Promise<Line> {
  const [line] = await tokenize(REPORT, text);
  return line as Line;
}

/** The tokens that cover the `occurrence`-th appearance of `needle` in the line. */
function tokensOver(line: Line, needle: string, occurrence = 0): Token[] {
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    start = line.text.indexOf(needle, start + 1);
    assert.ok(start >= 0, `"${needle}" (occurrence ${occurrence}) is not in: ${line.text}`);
  }
  const end = start + needle.length;
  const out: Token[] = [];
  let offset = 0;
  for (const token of line.tokens) {
    const tokenEnd = offset + token.text.length;
    if (tokenEnd > start && offset < end) out.push(token);
    offset = tokenEnd;
  }
  return out;
}

function describeTokens(tokens: readonly Token[]): string {
  return tokens.map((token) => `"${token.text}": ${token.scopes.join(' ')}`).join('\n');
}

function assertScope(line: Line, needle: string, scope: string, occurrence = 0): void {
  const tokens = tokensOver(line, needle, occurrence);
  assert.ok(
    tokens.every((token) => token.scopes.includes(scope)),
    `"${needle}" should have ${scope}:\n${describeTokens(tokens)}`,
  );
}

function assertNoScope(line: Line, needle: string, scope: string | RegExp, occurrence = 0): void {
  const tokens = tokensOver(line, needle, occurrence);
  const matches = (candidate: string) => (typeof scope === 'string' ? candidate === scope : scope.test(candidate));
  assert.ok(
    tokens.every((token) => !token.scopes.some(matches)),
    `"${needle}" should not have ${String(scope)}:\n${describeTokens(tokens)}`,
  );
}

function assertGrade(line: Line, needle: string, level: Level): void {
  assertScope(line, needle, gradeScope(level));
  assertScope(line, needle, `${THEME_SCOPE[level]}.grade.${level}.inspection-report`);
  for (const other of LEVELS.filter((candidate) => candidate !== level)) assertNoScope(line, needle, gradeScope(other));
}

function assertEvaluation(line: Line, needle: string, level: Level): void {
  assertScope(line, needle, evaluationScope(level));
  assertScope(line, needle, `${THEME_SCOPE[level]}.evaluation.${level}.inspection-report`);
}

function lineScopes(line: Line): string[] {
  return line.tokens.flatMap((token) => token.scopes);
}

describe('grammar files', () => {
  type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
  interface RawGrammar {
    scopeName: string;
    injectionSelector?: string;
    patterns: Json[];
    repository: Record<string, Json>;
  }
  const files = [GRAMMAR_FILES[REPORT], GRAMMAR_FILES[INJECTION]] as string[];

  /** Every key and value of a JSON document, depth first. */
  function* walk(node: Json): Generator<{ key: string; value: Json }> {
    if (Array.isArray(node)) for (const item of node) yield* walk(item);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        yield { key, value };
        yield* walk(value);
      }
    }
  }

  for (const file of files) {
    describe(path.relative(repoRoot, file), () => {
      const grammarJson = () => readJson<RawGrammar>(file);

      it('parses as JSON and names its scope', () => {
        const raw = grammarJson();
        assert.match(raw.scopeName, /^text\.inspection-report(?:\.injection)?$/);
        assert.ok(Array.isArray(raw.patterns) && raw.patterns.length > 0);
      });

      it('resolves every include', () => {
        const raw = grammarJson();
        const known = new Set(Object.keys(GRAMMAR_FILES));
        for (const { key, value } of walk(raw as unknown as Json)) {
          if (key !== 'include') continue;
          assert.strictEqual(typeof value, 'string');
          const include = value as string;
          if (include === '$self' || include === '$base') continue;
          const [scope, rule] = include.startsWith('#') ? [raw.scopeName, include.slice(1)] : include.split('#');
          assert.ok(scope && known.has(scope), `${include}: unknown grammar`);
          if (rule === undefined) continue;
          const repository = scope === raw.scopeName ? raw.repository : readJson<RawGrammar>(GRAMMAR_FILES[scope] as string).repository;
          assert.ok(Object.hasOwn(repository, rule), `${include}: no such rule in the repository`);
        }
      });

      it('compiles every regex with Oniguruma', async () => {
        await textmateRegistry();
        for (const { key, value } of walk(grammarJson() as unknown as Json)) {
          if (!['match', 'begin', 'end', 'while'].includes(key) || typeof value !== 'string') continue;
          // An end pattern may refer to what its begin pattern captured (\1): the engine substitutes it first.
          const source = key === 'end' || key === 'while' ? value.replace(/\\(\d)/g, 'x') : value;
          assert.doesNotThrow(() => new oniguruma.OnigScanner([source]).dispose(), `${key}: ${value}`);
        }
      });

      it('gives only scopes of its own (ending in .inspection-report)', () => {
        const { patterns, repository } = grammarJson();
        for (const { key, value } of walk({ patterns, repository })) {
          if ((key !== 'name' && key !== 'contentName') || typeof value !== 'string') continue;
          for (const scope of value.split(' ')) assert.match(scope, /\.inspection-report$/, `${key}: ${value}`);
        }
      });
    });
  }

  it('the injection targets Markdown outside comments and code', () => {
    const { injectionSelector } = readJson<RawGrammar>(GRAMMAR_FILES[INJECTION] as string);
    assert.ok(injectionSelector);
    for (const part of ['L:text.html.markdown', '-comment', '-markup.fenced_code', '-markup.inline.raw']) {
      assert.ok(injectionSelector.split(' ').includes(part), `${part} is missing from ${injectionSelector}`);
    }
  });

  it('are what scripts/generate-grammars.js writes (edit the script, then run it)', () => {
    const generator = require(path.join(repoRoot, 'scripts', 'generate-grammars.js')) as {
      grammars(): Record<string, unknown>;
      serialise(grammar: unknown): string;
    };
    for (const [name, generated] of Object.entries(generator.grammars())) {
      const onDisk = fs.readFileSync(path.join(repoRoot, 'syntaxes', name), 'utf8');
      assert.strictEqual(onDisk, generator.serialise(generated), `syntaxes/${name} is out of date`);
    }
  });
});

describe('report grammar: seeds/slac-2011-rutland.txt', () => {
  const seed = 'slac-2011-rutland.txt';

  it('colours "Grade awarded: 3 (Adequate)" as a grade, its words part of the keyword', async () => {
    const line = await reportLine('Grade awarded: 3 (Adequate)');
    assertGrade(line, 'Adequate', 'adequate');
    assertScope(line, '3', 'constant.numeric.grade.inspection-report');
  });

  it('colours grades written without the word "Grade" or its brackets as grades, on their own line and in a record row, as the parser reads them', async () => {
    const grades: [string, string, Level][] = [
      ['3 (Adequate)', 'Adequate', 'adequate'],
      ['Grade 3 Adequate', 'Adequate', 'adequate'],
      ['Performs well [3]', 'Performs well', 'good'],
      ['Performs well - 3', 'Performs well', 'good'],
      ['Performs well 3', 'Performs well', 'good'],
      ['3 \u2013 Performs well', 'Performs well', 'good'],
    ];
    for (const [grade, label, level] of grades) {
      for (const line of [await reportLine(grade), await reportLine(`Overall effectiveness\t${grade}`)]) {
        assertGrade(line, label, level);
        assertScope(line, '3', 'constant.numeric.grade.inspection-report');
      }
      assertScope(await reportLine(`Overall effectiveness\t${grade}`), 'Overall effectiveness', 'entity.name.section.record.inspection-report');
    }
  });

  it('colours "Grade - 3 (Adequate)" as a grade, its dash part of the keyword', async () => {
    const line = await reportLine('Grade - 3 (Adequate)');
    assertGrade(line, 'Adequate', 'adequate');
    assertScope(line, '3', 'constant.numeric.grade.inspection-report');
  });

  it('colours "Judgement: Adequate" and "Overall rating: 3" on lines of their own as grades, the template\'s word as the keyword', async () => {
    const judgement = await reportLine('Judgement: Adequate');
    assertGrade(judgement, 'Adequate', 'adequate');
    assertScope(judgement, 'Judgement:', 'keyword.other.grade.inspection-report');
    assertScope(await reportLine('Overall rating: 3'), '3', 'constant.numeric.grade.inspection-report');
  });

  it('reads "Being healthy (Grade 3)", "Being healthy [Grade 3]" and "Being healthy, Grade 3" as a heading and its grade', async () => {
    for (const text of ['Being healthy (Grade 3)', 'Being healthy [Grade 3]', 'Being healthy, Grade 3']) {
      const line = await reportLine(text);
      assertScope(line, 'Being healthy', 'entity.name.section.inspection-report');
      assertScope(line, '3', 'constant.numeric.grade.inspection-report');
    }
  });

  it('leaves such grades alone inside a sentence', async () => {
    const sentence = await reportLine('Of the 12 cases seen, 3 (adequate) were reviewed; the Judgement: adequate was disputed.');
    assertNoScope(sentence, '3', 'constant.numeric.grade.inspection-report');
    assertNoScope(sentence, 'adequate', anyLevelScope, 0);
    assertNoScope(sentence, 'Judgement:', 'keyword.other.grade.inspection-report');
    assertNoScope(await reportLine('Schools judged Grade 3 good practice in places.'), 'good', anyLevelScope);
    assertNoScope(await reportLine('Schools that perform well 3 years running are rare.'), '3', 'constant.numeric.grade.inspection-report');
  });

  it('colours the label of "Grade 3 (Adequate)" as adequate, and the number as a grade number', async () => {
    const line = await seedLine(seed, 91);
    assert.strictEqual(line.text, 'Grade 3 (Adequate)');
    assertGrade(line, 'Adequate', 'adequate');
    assertScope(line, '3', 'constant.numeric.grade.inspection-report');
    assertNoScope(line, '3', anyLevelScope);
  });

  it('splits the fused "Being healthy**Grade 1 (Outstanding)**" into a heading and an outstanding grade', async () => {
    const line = await seedLine(seed, 262);
    assertScope(line, 'Being healthy', 'markup.heading.inspection-report');
    assertScope(line, 'Being healthy', 'entity.name.section.inspection-report');
    assertNoScope(line, 'Being healthy', anyLevelScope);
    assertGrade(line, 'Outstanding', 'outstanding');
    assertScope(line, '**', 'punctuation.definition.bold.inspection-report');
  });

  it('reads "Economic well-being<TAB>Outstanding" as a record row with an outstanding label', async () => {
    const line = await seedLine(seed, 393);
    assertScope(line, 'Economic well-being', 'meta.record-row.inspection-report');
    assertScope(line, 'Economic well-being', 'entity.name.section.record.inspection-report');
    assertNoScope(line, 'Economic well-being', 'markup.heading.inspection-report');
    assertGrade(line, 'Outstanding', 'outstanding');
  });

  it('reads "Safeguarding services<TAB>" as a group row, with no level', async () => {
    const line = await seedLine(seed, 372);
    assertScope(line, 'Safeguarding services', 'meta.record-row.inspection-report');
    assertScope(line, 'Safeguarding services', 'entity.name.section.record-group.inspection-report');
    assert.ok(!lineScopes(line).some((scope) => anyLevelScope.test(scope)));
  });

  it('marks "Immediately:" as a timescale', async () => {
    const line = await seedLine(seed, 110);
    assertScope(line, 'Immediately:', 'markup.bold.timescale.inspection-report');
    assertScope(line, 'Immediately', 'keyword.control.timescale.inspection-report');
    for (const number of [115, 122]) assertScope(await seedLine(seed, number), 'months', 'keyword.control.timescale.inspection-report');
  });

  it('marks the number of paragraph 11 and its evaluation "is adequate"', async () => {
    const line = await seedLine(seed, 93);
    assert.ok(line.text.startsWith('11. '));
    assertScope(line, '11', 'constant.numeric.paragraph.inspection-report');
    assertScope(line, '11.', 'markup.list.numbered.inspection-report');
    assertEvaluation(line, 'is adequate', 'adequate');
    assertNoScope(line, 'The overall effectiveness', /evaluation/);
  });

  it('marks headings that stand alone, with or without a trailing colon', async () => {
    for (const [number, heading] of [
      [23, 'Contents'],
      [87, 'Safeguarding services'],
      [89, 'Overall effectiveness'],
      [106, 'Areas for improvement'],
      [130, 'Children and young people are safe and feel safe'],
      [164, 'The contribution of health agencies to keeping children and young people safe'],
      [260, 'How good are outcomes for looked after children and care leavers?'],
      [370, 'Record of main findings'],
    ] as const) {
      const line = await seedLine(seed, number);
      assertScope(line, heading, 'markup.heading.inspection-report');
      assertScope(line, heading, 'entity.name.section.inspection-report');
    }
  });

  it('does not take contents entries ("Title<TAB>page") for headings or graded rows', async () => {
    const line = await seedLine(seed, 29);
    assert.strictEqual(line.text, 'Overall effectiveness\t5');
    assertNoScope(line, 'Overall effectiveness', 'markup.heading.inspection-report');
    assertScope(line, '5', 'constant.numeric.page.inspection-report');
    assert.ok(!lineScopes(line).some((scope) => anyLevelScope.test(scope) || scope === 'meta.record-row.inspection-report'));
  });

  it('colours the scale table by level', async () => {
    const expected: [number, string, Level][] = [
      [68, 'Outstanding', 'outstanding'],
      [69, 'Good', 'good'],
      [71, 'Adequate', 'adequate'],
      [72, 'Inadequate', 'inadequate'],
    ];
    for (const [number, label, level] of expected) assertGrade(await seedLine(seed, number), label, level);
  });

  it('marks "- " list items', async () => {
    const line = await seedLine(seed, 112);
    assertScope(line, '-', 'punctuation.definition.list.begin.inspection-report');
    assertScope(line, 'ensure that partners', 'markup.list.unnumbered.inspection-report');
  });

  it('colours every row of the record of main findings', async () => {
    const lines = (await tokenize(REPORT, fs.readFileSync(path.join(seedsDir, seed), 'utf8'))).slice(371);
    const rows = lines.filter((line) => line.text.includes('\t'));
    assert.strictEqual(rows.length, 28);
    for (const row of rows) {
      assertScope(row, row.text.split('\t')[0] as string, 'meta.record-row.inspection-report');
      const label = row.text.split('\t')[1] as string;
      if (label) assertGrade(row, label, label.toLowerCase() as Level);
    }
  });
});

describe('report grammar: the other seeds', () => {
  it('colours "<b>Performs well (3)</b>" as good (annual rating 2009)', async () => {
    const line = await seedLine('annual-rating-2009-rutland.txt', 32);
    assert.ok(line.text.endsWith('\t<b>Performs well (3)</b>'));
    assertScope(line, 'Children', 'meta.record-row.inspection-report');
    assertGrade(line, 'Performs well', 'good');
    assertScope(line, '3', 'constant.numeric.grade.inspection-report');
    assertScope(line, 'Performs well', 'markup.bold.inspection-report');
  });

  it('colours the annual rating scale and the prose "perform well", but not a quoted label', async () => {
    const seed = 'annual-rating-2009-rutland.txt';
    assertGrade(await seedLine(seed, 23), 'Performs excellently', 'outstanding');
    assertGrade(await seedLine(seed, 24), 'Performs well', 'good');
    assertGrade(await seedLine(seed, 25), 'Performs adequately', 'adequate');
    assertGrade(await seedLine(seed, 26), 'Performs poorly', 'inadequate');
    assertEvaluation(await seedLine(seed, 36), 'perform well', 'good');
    const quoted = await seedLine(seed, 28);
    assertNoScope(quoted, 'performs excellently', anyLevelScope);
    assertNoScope(quoted, 'performs poorly', anyLevelScope);
  });

  it('leaves "good or better" alone, and colours "is outstanding" in the same paragraph', async () => {
    const line = await seedLine('annual-rating-2009-rutland.txt', 38);
    assertNoScope(line, 'good or better', anyLevelScope);
    assertEvaluation(line, 'is outstanding', 'outstanding');
  });

  it('reads "Being healthy Grade 3" as a heading and a bare grade, not coloured by level (APA 2007)', async () => {
    const line = await seedLine('apa-2007-rutland.txt', 27);
    assertScope(line, 'Being healthy', 'markup.heading.inspection-report');
    assertScope(line, 'Grade', 'keyword.other.grade.inspection-report');
    assertScope(line, '3', 'constant.numeric.grade.inspection-report');
    assert.ok(!lineScopes(line).some((scope) => anyLevelScope.test(scope)));
  });

  it('reads "is adequate and improving" as adequate, and "• " as a list item', async () => {
    assertEvaluation(await seedLine('apa-2007-rutland.txt', 115), 'is adequate', 'adequate');
    assertScope(await seedLine('apa-2007-rutland.txt', 76), '•', 'punctuation.definition.list.begin.inspection-report');
  });

  it('marks the timescales of APA letters', async () => {
    for (const [number, text] of [
      [33, 'For action in the next six months'],
      [62, 'For action over the longer term'],
      [163, 'For immediate action'],
    ] as const) {
      assertScope(await seedLine('apa-2007-rotherham.txt', number), text, 'markup.bold.timescale.inspection-report');
    }
  });
});

describe('report grammar: grade notations', () => {
  const cases: [string, string, Level][] = [
    ['Grade 2 (Good)', 'Good', 'good'],
    ['grade 4 (inadequate)', 'inadequate', 'inadequate'],
    ['Outstanding (Grade 1)', 'Outstanding', 'outstanding'],
    ['Inadequate Grade 4', 'Inadequate', 'inadequate'],
    ['Grade 2: good', 'good', 'good'],
    ['Grade 3 of 4 (Good)', 'Good', 'good'],
    ['Grade 2 out of 4: adequate', 'adequate', 'adequate'],
    ['Overall effectiveness\tGrade 2 out of 4 (Good)', 'Good', 'good'],
    ['Performs well (3)', 'Performs well', 'good'],
    ['Performs excellently (4)', 'Performs excellently', 'outstanding'],
    ['Performs adequately (2)', 'Performs adequately', 'adequate'],
    ['Performs poorly (1)', 'Performs poorly', 'inadequate'],
    ['Grade 3 (Requires improvement)', 'Requires improvement', 'adequate'],
    ['Overall effectiveness\tGood', 'Good', 'good'],
    ['Overall effectiveness\tRequires improvement to be good', 'Requires improvement to be good', 'adequate'],
    ['| Overall effectiveness | Inadequate |', 'Inadequate', 'inadequate'],
    ['Overall effectiveness: good', 'good', 'good'],
    ['The experiences and progress of children in care: requires improvement to be good', 'requires improvement to be good', 'adequate'],
    ['## Overall effectiveness: outstanding', 'outstanding', 'outstanding'],
  ];
  for (const [text, label, level] of cases) {
    it(`"${text}": ${label} is ${level}`, async () => assertGrade(await reportLine(text), label, level));
  }

  it('takes "out of 4" after a grade number into the notation', async () => {
    const line = await reportLine('Grade 2 out of 4');
    assertScope(line, '2', 'constant.numeric.grade.inspection-report');
    assertScope(line, 'out of 4', 'meta.grade.notation.inspection-report');
  });

  it('does not colour the "good" of "requires improvement to be good" as good', async () => {
    const line = await reportLine('Overall effectiveness: requires improvement to be good');
    assertNoScope(line, 'good', gradeScope('good'));
    assertNoScope(line, 'good', evaluationScope('good'));
  });

  it('marks a known heading followed by its grade as a heading', async () => {
    const line = await reportLine('The impact of leaders on social work practice with children and families: good');
    assertScope(line, 'The impact of leaders', 'markup.heading.inspection-report');
    assertScope(line, 'The impact of leaders', 'entity.name.section.inspection-report');
    const fused = await reportLine('Staying safe: Grade 2 (Good)');
    assertScope(fused, 'Staying safe', 'entity.name.section.inspection-report');
    assertGrade(fused, 'Good', 'good');
  });

  it('does not colour a label word that is not in a notation', async () => {
    const line = await reportLine('Good progress has been made, and outstanding features were seen.');
    assert.ok(!lineScopes(line).some((scope) => anyLevelScope.test(scope)));
  });
});

describe('report grammar: evaluative terms', () => {
  const coloured: [string, string, Level][] = [
    ['Partnership working arrangements are good.', 'are good', 'good'],
    ['The health of looked after children is outstanding.', 'is outstanding', 'outstanding'],
    ['Leadership and management are adequate.', 'are adequate', 'adequate'],
    ['The quality of provision is inadequate.', 'is inadequate', 'inadequate'],
    ['Case recording is now consistently good, and improving.', 'is now consistently good', 'good'],
    ['Fostering services were rated as good in March.', 'were rated as good', 'good'],
    ['Children’s services in Rutland perform well.', 'perform well', 'good'],
    ['The council performs poorly on timeliness.', 'performs poorly', 'inadequate'],
    ['Services for care leavers require improvement to be good.', 'require improvement to be good', 'adequate'],
  ];
  for (const [text, phrase, level] of coloured) {
    it(`"${phrase}" is ${level}`, async () => assertEvaluation(await reportLine(text), phrase, level));
  }

  const plain: [string, string][] = [
    ['Help and protection is not yet good.', 'good'],
    ['Most settings are good or better.', 'good'],
    ['Most settings are judged good, or better, for safety.', 'good'],
    ['The service is not good enough.', 'good'],
    ['The service is no longer inadequate.', 'inadequate'],
    ['This is good practice.', 'good'],
    ['It is as good as last year.', 'good'],
    ['Outcomes are good and outstanding in places.', 'good'],
    ['The aim is to be good.', 'good'],
  ];
  for (const [text, word] of plain) {
    it(`leaves "${word}" alone in "${text}"`, async () => assertNoScope(await reportLine(text), word, anyLevelScope));
  }

  it('reads "requires improvement to be good" as one adequate phrase, with no "good" in it', async () => {
    const line = await reportLine('Help and protection requires improvement to be good.');
    assertEvaluation(line, 'requires improvement to be good', 'adequate');
    assertNoScope(line, 'good', evaluationScope('good'));
    assertNoScope(line, 'good', gradeScope('good'));
  });
});

describe('report grammar: directives, Markdown and code', () => {
  it('marks the framework directive and its id', async () => {
    const line = await reportLine('<!-- framework: slac-2011 -->');
    assertScope(line, '<!--', 'comment.block.directive.inspection-report');
    assertScope(line, 'slac-2011', 'comment.block.directive.inspection-report');
    assertScope(line, 'slac-2011', 'entity.name.tag.framework.inspection-report');
  });

  it('marks the rule ids of a lint directive', async () => {
    const line = await reportLine('<!-- inspection-lint-disable-next-line grade-wording-mismatch, missing-grade -->');
    assertScope(line, 'inspection-lint-disable-next-line', 'comment.block.directive.inspection-report');
    assertScope(line, 'grade-wording-mismatch', 'entity.name.tag.rule.inspection-report');
    assertScope(line, 'missing-grade', 'entity.name.tag.rule.inspection-report');
    assertNoScope(line, '-->', 'entity.name.tag.rule.inspection-report');
  });

  it('treats other HTML comments as comments, over several lines, with nothing coloured inside', async () => {
    const lines = await tokenize(REPORT, '<!-- note\nGrade 2 (Good)\n-->\nGrade 2 (Good)');
    assertScope(lines[1] as Line, 'Good', 'comment.block.inspection-report');
    assertNoScope(lines[1] as Line, 'Good', anyLevelScope);
    assertGrade(lines[3] as Line, 'Good', 'good');
  });

  it('marks Markdown headings, and colours nothing in fenced code', async () => {
    const lines = await tokenize(REPORT, '# Staying safe\n\n```\nGrade 1 (Outstanding) is good\n```\n\nGrade 1 (Outstanding)');
    assertScope(lines[0] as Line, 'Staying safe', 'markup.heading.inspection-report');
    assertScope(lines[0] as Line, '#', 'punctuation.definition.heading.inspection-report');
    assertScope(lines[3] as Line, 'Outstanding', 'markup.fenced_code.block.inspection-report');
    assert.ok(!lineScopes(lines[3] as Line).some((scope) => anyLevelScope.test(scope)));
    assertGrade(lines[6] as Line, 'Outstanding', 'outstanding');
  });
});

describe('Markdown injection', () => {
  const document = [
    '<!-- framework: slac-2011 -->',
    '# Overall effectiveness',
    '',
    'Grade 2 (Good)',
    '',
    'Services were judged Grade 4 (Inadequate) in 2008.',
    'The overall effectiveness is good, and services require improvement to be good in places.',
    '',
    'Within three months:',
    '',
    '- Partnership working: adequate',
    '',
    'Overall effectiveness\tOutstanding',
    '',
    '```text',
    'Grade 2 (Good) and it is good',
    '```',
    '',
    'Inline `Grade 4 (Inadequate)` code.',
    '',
    '3 (Adequate)',
    '',
    'Judgement: Outstanding',
  ].join('\n');
  let lines: Line[];
  before(async () => {
    lines = await tokenize(MARKDOWN, document);
  });
  const at = (index: number) => lines[index] as Line;

  it('colours a grade on its own line and inside a Markdown paragraph', () => {
    assertGrade(at(3), 'Good', 'good');
    assertGrade(at(5), 'Inadequate', 'inadequate');
    assertScope(at(5), 'Inadequate', 'meta.paragraph.markdown');
  });

  it('colours "3 (Adequate)" and "Judgement: Outstanding" on lines of their own', () => {
    assertGrade(at(20), 'Adequate', 'adequate');
    assertScope(at(20), '3', 'constant.numeric.grade.inspection-report');
    assertGrade(at(22), 'Outstanding', 'outstanding');
  });

  it('colours evaluations in prose, but not the "good" of "require improvement to be good"', () => {
    assertEvaluation(at(6), 'is good', 'good');
    assertEvaluation(at(6), 'require improvement to be good', 'adequate');
    assertNoScope(at(6), 'good', evaluationScope('good'), 1);
  });

  it('colours nothing inside a fenced code block or inline code', () => {
    assertScope(at(15), 'Good', 'markup.fenced_code.block.markdown');
    assert.ok(!lineScopes(at(15)).some((scope) => scope.endsWith('.inspection-report')), describeTokens(at(15).tokens));
    assertNoScope(at(18), 'Inadequate', anyLevelScope);
  });

  it('leaves headings to Markdown', () => {
    assertScope(at(1), 'Overall effectiveness', 'markup.heading.markdown');
    assert.ok(!lineScopes(at(1)).some((scope) => scope.endsWith('.inspection-report')));
  });

  it('marks directives, timescales, record rows and grades in list items', () => {
    assertScope(at(0), 'slac-2011', 'entity.name.tag.framework.inspection-report');
    assertScope(at(0), '<!--', 'comment.block.directive.inspection-report');
    assertScope(at(8), 'Within three months', 'keyword.control.timescale.inspection-report');
    assertGrade(at(10), 'adequate', 'adequate');
    assertScope(at(10), 'adequate', 'markup.list.unnumbered.markdown');
    assertScope(at(12), 'Overall effectiveness', 'meta.record-row.inspection-report');
    assertGrade(at(12), 'Outstanding', 'outstanding');
  });

  it('colours the rows of a Markdown summary table as grades (ILACS fixture)', async () => {
    const table = await tokenize(MARKDOWN, fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'frameworks', 'ilacs', 'clean.md'), 'utf8'));
    const row = table.find((line) => line.text.startsWith('| The experiences and progress of children who need help'));
    assert.ok(row);
    assertGrade(row, 'Good', 'good');
    const riRow = table.find((line) => line.text.startsWith('| Overall effectiveness |'));
    assert.ok(riRow);
    assertGrade(riRow, 'Requires improvement to be good', 'adequate');
  });

  it('colours a record row with a column of notes after its grade, tab-separated and as a Markdown row', async () => {
    const [tabbed] = await tokenize(REPORT, 'Economic well-being\tOutstanding\tsee paragraph 84');
    assert.ok(tabbed);
    assertScope(tabbed, 'Economic well-being', 'entity.name.section.record.inspection-report');
    assertGrade(tabbed, 'Outstanding', 'outstanding');
    assertScope(tabbed, 'see paragraph 84', 'comment.line.notes.inspection-report');
    assertNoScope(tabbed, 'see paragraph 84', anyLevelScope);
    const [piped] = await tokenize(MARKDOWN, '| Economic well-being | Outstanding | see paragraph 84 |');
    assert.ok(piped);
    assertScope(piped, 'Economic well-being', 'entity.name.section.record.inspection-report');
    assertGrade(piped, 'Outstanding', 'outstanding');
    assertScope(piped, 'see paragraph 84', 'comment.line.notes.inspection-report');
  });

  it('colours "Children in care (good)" as a heading and its grade, as the parser reads it', async () => {
    const [line] = await tokenize(REPORT, 'The experiences and progress of children in care (good)');
    assert.ok(line);
    assertScope(line, 'The experiences and progress of children in care', 'entity.name.section.inspection-report');
    assertGrade(line, 'good', 'good');
    // not a sentence that ends so, nor a grade written "Grade 3 (Adequate)"
    const [sentence] = await tokenize(REPORT, 'Inspectors found that most services were (good).');
    assert.ok(sentence);
    assertNoScope(sentence, 'Inspectors', 'entity.name.section.inspection-report');
  });

  it('leaves prose without grades or judgements alone', async () => {
    const plain = await tokenize(MARKDOWN, '# Notes\n\nGood progress: most pupils gained grades A* to C, a good result.\n');
    assert.ok(!plain.some((line) => lineScopes(line).some((scope) => anyLevelScope.test(scope))));
  });
});

// VS Code tokenises lines of up to 20 000 characters. Where two runs of optional white space met, Oniguruma tried
// every way of sharing a long run between them: 4 000 tabs after "Being healthy" took 33 s in one regex alone.
describe('grammars on hostile lines', () => {
  const runs: Record<string, string> = { tabs: '\t', spaces: ' ', 'spaces and tabs': ' \t', colons: ': ', stars: '*', pipes: '| ' };
  const openings = ['', 'Being healthy\t', 'Being healthy\tGood', 'Being healthy ', '1\t', '\t', '| a | Good |', 'Immediately', 'Overall effectiveness', 'Care leavers: good', '# a', 'Grade 3 ', 'Grade', 'Grade awarded', '**'];

  it('tokenises every 16 000-character line of white space or punctuation after every opening in well under a second', async function () {
    this.timeout(120000);
    const engine = await grammar(REPORT);
    for (const [name, unit] of Object.entries(runs)) {
      for (const opening of openings) {
        const line = opening + unit.repeat(Math.ceil(16000 / unit.length)).slice(0, 16000) + 'x';
        const started = performance.now();
        engine.tokenizeLine(line, textmate.INITIAL);
        const took = performance.now() - started;
        assert.ok(took < 1000, `${name} after ${JSON.stringify(opening)}: ${took.toFixed(0)} ms`);
      }
    }
  });

  it('still reads the rows, contents entries and headings that white space pads', async () => {
    const row = await reportLine('Being healthy \t \t Good   ');
    assertScope(row, 'Being healthy', 'entity.name.section.record.inspection-report');
    assertGrade(row, 'Good', 'good');
    const entry = await reportLine('Being healthy  \t\t 5 ');
    assertScope(entry, '5', 'constant.numeric.page.inspection-report');
    const heading = await reportLine('# Being healthy   ##  ');
    assertScope(heading, 'Being healthy', 'entity.name.section.inspection-report');
    const hashInside = await reportLine('## Grade C# notes #x');
    assertScope(hashInside, 'Grade C# notes #x', 'entity.name.section.inspection-report');
  });
});

describe('theme colours', () => {
  // The rules of VS Code's default Dark+ and Light+ themes that can reach these scopes.
  const themes: Record<string, textmate.IRawTheme> = {
    'Dark+': {
      settings: [
        { settings: { foreground: '#D4D4D4' } },
        { scope: 'keyword', settings: { foreground: '#569CD6' } },
        { scope: 'constant.numeric', settings: { foreground: '#B5CEA8' } },
        { scope: 'markup.inserted', settings: { foreground: '#B5CEA8' } },
        { scope: 'support.type', settings: { foreground: '#4EC9B0' } },
        { scope: 'markup.changed', settings: { foreground: '#569CD6' } },
        { scope: 'markup.deleted', settings: { foreground: '#CE9178' } },
        { scope: 'markup.heading', settings: { foreground: '#569CD6', fontStyle: 'bold' } },
      ],
    },
    'Light+': {
      settings: [
        { settings: { foreground: '#000000' } },
        { scope: 'keyword', settings: { foreground: '#0000FF' } },
        { scope: 'constant.numeric', settings: { foreground: '#098658' } },
        { scope: 'markup.inserted', settings: { foreground: '#098658' } },
        { scope: 'support.type', settings: { foreground: '#267F99' } },
        { scope: 'markup.changed', settings: { foreground: '#0451A5' } },
        { scope: 'markup.deleted', settings: { foreground: '#A31515' } },
        { scope: 'markup.heading', settings: { foreground: '#800000', fontStyle: 'bold' } },
      ],
    },
  };
  /** The foreground bits of a token's metadata (vscode-textmate's EncodedTokenAttributes). */
  const foregroundOf = (metadata: number) => (metadata >>> 15) & 0x1ff;

  async function colourOf(text: string, needle: string): Promise<string> {
    const result = (await grammar(REPORT)).tokenizeLine2(text, textmate.INITIAL);
    const colorMap = (await textmateRegistry()).getColorMap();
    const start = text.indexOf(needle);
    let colour = '';
    for (let index = 0; index < result.tokens.length; index += 2) {
      if ((result.tokens[index] as number) <= start) colour = colorMap[foregroundOf(result.tokens[index + 1] as number)] ?? '';
    }
    return colour.toUpperCase();
  }

  for (const [name, theme] of Object.entries(themes)) {
    it(`gives the four levels four colours in ${name}, in grades and in evaluations alike`, async () => {
      (await textmateRegistry()).setTheme(theme);
      const grades = await Promise.all(
        (['Outstanding', 'Good', 'Adequate', 'Inadequate'] as const).map((label, index) => colourOf(`${label} (Grade ${index + 1})`, label)),
      );
      const evaluations = await Promise.all(
        (['outstanding', 'good', 'adequate', 'inadequate'] as const).map((term) => colourOf(`It is ${term}.`, `is ${term}`)),
      );
      assert.strictEqual(new Set(grades).size, 4, grades.join(' '));
      assert.deepStrictEqual(evaluations, grades);
    });
  }
});

describe('language-configuration.json', () => {
  type Pattern = string | { pattern: string; flags?: string };
  interface LanguageConfiguration {
    comments: { lineComment?: string; blockComment: [string, string] };
    brackets: [string, string][];
    autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
    surroundingPairs: [string, string][];
    folding: { markers: { start: string; end: string } };
    wordPattern: Pattern;
    onEnterRules: { beforeText: Pattern; action: { indent: string; appendText?: string } }[];
  }
  const configuration = () => readJson<LanguageConfiguration>(path.join(repoRoot, 'language-configuration.json'));
  /** As VS Code reads a pattern of the language configuration (a string, or a pattern with flags). */
  const regex = (value: Pattern) => (typeof value === 'string' ? new RegExp(value) : new RegExp(value.pattern, value.flags ?? ''));

  it('parses, with HTML block comments (the directives are comments)', () => {
    assert.deepStrictEqual(configuration().comments.blockComment, ['<!--', '-->']);
  });

  it('keeps words with apostrophes and hyphens whole', () => {
    const wordPattern = regex(configuration().wordPattern);
    const words = (text: string) => text.match(new RegExp(wordPattern.source, `${wordPattern.flags.replace('g', '')}g`));
    assert.deepStrictEqual(words("children's"), ["children's"]);
    assert.deepStrictEqual(words('the children’s well-being'), ['the', 'children’s', 'well-being']);
    assert.deepStrictEqual(words("a 'balanced scorecard' for parents'"), ['a', 'balanced', 'scorecard', 'for', 'parents']);
    assert.deepStrictEqual(words('Grade 2 (Good), 14-19'), ['Grade', '2', 'Good', '14-19']);
  });

  it('closes and surrounds quotes, brackets and bold', () => {
    const { brackets, autoClosingPairs, surroundingPairs } = configuration();
    assert.deepStrictEqual(brackets, [['(', ')'], ['[', ']']]);
    const closing = new Map(autoClosingPairs.map((pair) => [pair.open, pair.close]));
    for (const [open, close] of [['“', '”'], ["'", "'"], ['"', '"'], ['(', ')'], ['[', ']'], ['**', '**']]) {
      assert.strictEqual(closing.get(open as string), close, `auto-closing ${open}`);
    }
    const surrounding = new Map(surroundingPairs.map(([open, close]) => [open, close]));
    for (const [open, close] of [['“', '”'], ["'", "'"], ['"', '"'], ['(', ')'], ['[', ']'], ['*', '*']]) {
      assert.strictEqual(surrounding.get(open as string), close, `surrounding ${open}`);
    }
  });

  it('folds <!-- #region --> … <!-- #endregion -->', () => {
    const { start, end } = configuration().folding.markers;
    assert.ok(new RegExp(start).test('<!-- #region Safeguarding -->'));
    assert.ok(new RegExp(end).test('  <!-- #endregion -->'));
    assert.ok(!new RegExp(start).test('<!-- #endregion -->'));
    assert.ok(!new RegExp(start).test('<!-- framework: slac-2011 -->'));
  });

  it('continues "- " lists on Enter, and nothing else', () => {
    const rules = configuration().onEnterRules;
    const continuation = (line: string) => rules.find((rule) => regex(rule.beforeText).test(line))?.action.appendText;
    assert.strictEqual(continuation('- ensure that partners are engaged'), '- ');
    assert.strictEqual(continuation('  - reduce re-referrals'), '- ');
    assert.strictEqual(continuation('• Embed the Children’s Rights Service'), '• ');
    assert.strictEqual(continuation('11. The overall effectiveness is adequate.'), undefined);
    assert.strictEqual(continuation('-----'), undefined);
  });
});
