import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import { ConfigResolver, declaredReport, frameworkFor } from '../../server/src/config/discover';
import { CONFIG_FILE_NAME } from '../../server/src/config/names';
import { configJsonSchema, frameworkJsonSchema } from '../../server/src/config/json-schema';
import { loadConfigText } from '../../server/src/config/load';
import { fosteringReview } from '../helpers/frameworks';
import { repoRoot } from '../helpers/paths';

const customFramework = fosteringReview();

describe('configuration (.inspection-lint.json)', () => {
  it('reads rule severities, framework globs and custom frameworks', () => {
    const { config, problems } = loadConfigText(
      JSON.stringify({
        rules: { 'paragraph-numbering': 'off', 'missing-record-entry': 'error' },
        frameworks: [{ files: 'fostering/**', framework: 'fostering-review' }],
        customFrameworks: [customFramework],
      }),
    );
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(config.rules, { 'paragraph-numbering': 'off', 'missing-record-entry': 'error' });
    assert.strictEqual(config.customFrameworks[0]?.id, 'fostering-review');
  });

  it('accepts comments and trailing commas, as VS Code settings do', () => {
    const { problems } = loadConfigText('{\n  // quiet\n  "rules": { "paragraph-numbering": "off", },\n}');
    assert.deepStrictEqual(problems, []);
  });

  it('reports invalid JSON once, with its position, and falls back to the defaults', () => {
    const { config, problems } = loadConfigText('{\n  "rules": {\n    "paragraph-numbering": "off"\n  \n');
    assert.strictEqual(problems.length, 1);
    assert.match(problems[0]!.message, /^Not valid JSON: /);
    assert.strictEqual(problems[0]!.range.start.line, 4);
    assert.deepStrictEqual(config.rules, {});
  });

  it('names the offending key of a wrong severity, keeping the valid ones', () => {
    const text = '{\n  "rules": {\n    "paragraph-numbering": "loud",\n    "missing-grade": "warning"\n  }\n}';
    const { config, problems } = loadConfigText(text);
    assert.strictEqual(problems.length, 1);
    assert.strictEqual(problems[0]!.message, 'rules.paragraph-numbering: must be "error", "warning", "info" or "off", not "loud"');
    assert.deepStrictEqual(problems[0]!.range, { start: { line: 2, character: 27 }, end: { line: 2, character: 33 } });
    assert.deepStrictEqual(config.rules, { 'missing-grade': 'warning' });
  });

  it('points at an unknown rule id and an unknown setting', () => {
    const { problems } = loadConfigText('{\n  "rules": { "grade-wording-mismach": "off" },\n  "rulez": {}\n}');
    assert.deepStrictEqual(problems.map((p) => [p.message, p.range.start.line]), [
      ['rulez: unknown setting (known: rules, frameworks, customFrameworks, reports)', 2],
      ['rules.grade-wording-mismach: unknown rule "grade-wording-mismach"', 1],
    ]);
  });

  it('rejects a custom framework with an empty scale, naming the field, and keeps the rest', () => {
    const broken = { ...customFramework, id: 'broken', scale: { direction: 'higher-is-better', levels: [] } };
    const { config, problems } = loadConfigText(JSON.stringify({ customFrameworks: [broken, customFramework], rules: { 'missing-grade': 'off' } }, null, 2));
    assert.deepStrictEqual(problems.map((p) => p.message), ['customFrameworks[0].scale.levels: a grade scale needs at least two levels']);
    assert.ok(problems[0]!.range.start.line > 0, 'positioned in the file');
    assert.deepStrictEqual(config.customFrameworks.map((f) => f.id), ['fostering-review']);
    assert.deepStrictEqual(config.rules, { 'missing-grade': 'off' });
  });

  it('warns that a custom framework with a built-in id replaces it, and ignores a second framework of the same id', () => {
    const text = JSON.stringify({ customFrameworks: [{ ...customFramework, id: 'slac-2011' }, customFramework, { ...customFramework, name: 'Again' }] }, null, 2);
    const { config, problems } = loadConfigText(text);
    assert.deepStrictEqual(
      problems.map((p) => [p.severity ?? 'error', p.message]),
      [
        ['warning', 'customFrameworks[0].id: "slac-2011" replaces the built-in framework Inspection of safeguarding and looked after children services (2011) in this workspace; give it another id to keep both'],
        ['error', 'customFrameworks[2].id: "fostering-review" is already the id of customFrameworks[1]; this one is ignored (give each framework its own id)'],
      ],
    );
    assert.strictEqual(text.split('\n')[problems[0]!.range.start.line]?.trim(), '"id": "slac-2011",');
    assert.deepStrictEqual(config.customFrameworks.map((f) => [f.id, f.name]), [['slac-2011', customFramework.name], ['fostering-review', customFramework.name]]);
  });

  it('rejects a framework glob naming an unknown framework', () => {
    const { problems } = loadConfigText(JSON.stringify({ frameworks: [{ files: '**/*.txt', framework: 'slac-2021' }] }));
    assert.match(problems[0]?.message ?? '', /^frameworks\[0\]\.framework: unknown framework "slac-2021"/);
  });

  it('refuses a file nested thousands of levels deep with a positioned problem, not a stack overflow', () => {
    const { config, problems } = loadConfigText('{\n  "rules": ' + '['.repeat(100_000) + ']'.repeat(100_000) + '\n}');
    assert.deepStrictEqual(problems.map((p) => [p.message, p.range.start.line]), [['Nested more than 64 levels deep: not a configuration.', 1]]);
    assert.deepStrictEqual(config.rules, {});
  });

  it('rejects a configuration that is not an object', () => {
    assert.strictEqual(loadConfigText('[1, 2]').problems[0]?.message, '(top level): the configuration must be a JSON object');
  });

  describe('on disk', () => {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-config-'));
      fs.mkdirSync(path.join(dir, 'fostering', 'deep'), { recursive: true });
      fs.writeFileSync(
        path.join(dir, '.inspection-lint.json'),
        JSON.stringify({ frameworks: [{ files: 'fostering/**', framework: 'fostering-review' }], customFrameworks: [customFramework], reports: ['drafts/*.md'] }),
      );
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('is found by walking up from the document', () => {
      const config = new ConfigResolver().forDocument(path.join(dir, 'fostering', 'deep', 'report.txt'));
      assert.strictEqual(config.file, path.join(dir, '.inspection-lint.json'));
      assert.ok(config.registry.get('fostering-review'));
    });

    it('says why a configuration that cannot be read is not used (a folder, a broken link, a loop), and uses the defaults', () => {
      const cases: [string, (file: string) => void, RegExp][] = [
        ['folder', (file) => fs.mkdirSync(file), /cannot read the configuration: it is a folder$/],
        ['dangling', (file) => fs.symlinkSync('no-such-file.json', file), /cannot read the configuration: it is not there \(a symbolic link to nothing/],
        ['loop', (file) => fs.symlinkSync(CONFIG_FILE_NAME, file), /cannot read the configuration: its symbolic links lead round in a circle$/],
      ];
      for (const [name, make, message] of cases) {
        fs.mkdirSync(path.join(dir, name));
        const file = path.join(dir, name, CONFIG_FILE_NAME);
        make(file);
        const config = new ConfigResolver().forDocument(path.join(dir, name, 'report.txt'));
        assert.strictEqual(config.file, file, name);
        assert.match(config.problems[0]?.message ?? '', message);
        assert.deepStrictEqual(config.config.rules, {}, name);
      }
    });

    it('assigns frameworks and report status by glob, relative to the file', () => {
      const config = new ConfigResolver().forDocument(path.join(dir, 'x.txt'));
      assert.strictEqual(frameworkFor(config, path.join(dir, 'fostering', 'deep', 'a.txt')), 'fostering-review');
      assert.strictEqual(frameworkFor(config, path.join(dir, 'other', 'a.txt')), undefined);
      assert.ok(declaredReport(config, path.join(dir, 'drafts', 'x.md')));
      assert.ok(!declaredReport(config, path.join(dir, 'notes', 'x.md')));
    });

    // the server asks on every keystroke: compiling 2 000 globs each time took about 70 ms a question
    it('compiles each glob once, however often it is asked', () => {
      const base = new ConfigResolver().forDocument(path.join(dir, 'x.txt'));
      const frameworks = Array.from({ length: 2000 }, (_, index) => ({ files: [`area-${index}/**/*.txt`, `old-${index}/*.md`], framework: 'slac-2011' }));
      const config = { ...base, config: { ...base.config, frameworks: [...frameworks, ...base.config.frameworks] } };
      const started = performance.now();
      for (let asked = 0; asked < 200; asked++) {
        assert.strictEqual(frameworkFor(config, path.join(dir, 'fostering', 'deep', 'a.txt')), 'fostering-review');
        assert.ok(declaredReport(config, path.join(dir, 'drafts', 'x.md')));
      }
      assert.strictEqual(frameworkFor(config, path.join(dir, 'area-1999', 'a', 'b.txt')), 'slac-2011');
      assert.ok(performance.now() - started < 3000);
    });
  });
});

describe('JSON Schemas generated from the zod schemas', () => {
  it('are up to date in server/schemas', () => {
    const read = (name: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, 'server', 'schemas', name), 'utf8'));
    assert.deepStrictEqual(read('inspection-lint.schema.json'), configJsonSchema());
    assert.deepStrictEqual(read('framework.schema.json'), frameworkJsonSchema());
  });

  it('accept a good configuration and reject a bad one, as an editor would', () => {
    const validate = new Ajv({ strict: false }).compile(configJsonSchema());
    assert.ok(validate({ rules: { 'missing-grade': 'off' }, customFrameworks: [customFramework] }), JSON.stringify(validate.errors));
    assert.ok(!validate({ rules: { 'missing-grade': 'loud' } }));
    assert.ok(!validate({ rules: { 'no-such-rule': 'off' } }));
  });

  it('accept every built-in framework profile', () => {
    const validate = new Ajv({ strict: false }).compile(frameworkJsonSchema());
    const dir = path.join(repoRoot, 'server', 'frameworks');
    for (const name of fs.readdirSync(dir)) {
      assert.ok(validate(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'))), `${name}: ${JSON.stringify(validate.errors)}`);
    }
  });
});
