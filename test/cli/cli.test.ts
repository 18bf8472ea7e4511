import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parseSize } from '../../server/src/cli/files';
import { main } from '../../server/src/cli/main';
import { ONE_SHOT_V8_FLAGS, SERVER_V8_FLAGS } from '../../server/src/cli/v8-tuning';
import { recordingIo, runCli } from '../helpers/cli';
import { fosteringReview } from '../helpers/frameworks';
import { readSeed, repoRoot } from '../helpers/paths';

/** Fails unless the log is valid SARIF 2.1.0. */
function assertValidSarif(log: unknown): void {
  const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
  // the schema's language-tag pattern is only valid outside unicode mode
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const valid: boolean = validate(structuredClone(log));
  assert.ok(valid, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
}

describe('inspection-lint CLI', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-cli-'));
    // a copy of seed 001 with a grade that disagrees with its sentence and its record row
    fs.writeFileSync(path.join(tmp, 'broken.txt'), readSeed('slac-2011-rutland').replace('Partnership working\n\nGrade 2 (Good)', 'Partnership working\n\nGrade 3 (Adequate)'));
    fs.writeFileSync(path.join(tmp, 'binary.txt'), Buffer.from([0x47, 0x72, 0x00, 0x01, 0x02]));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('lints the seeds folder: only seed 001\'s real slips, exit 0 (they are warnings)', () => {
    const run = runCli(['seeds']);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(run.stdout, /seeds\/slac-2011-rutland\.txt \(SLAC 2011\)/);
    assert.match(run.stdout, /379:1 +warning +The record group .* record-group-mismatch/);
    assert.match(run.stdout, /✖ 3 problems \(0 errors, 3 warnings\)/);
  });

  it('reads a byte order mark as no text, and a file that is not UTF-8 as Windows-1252, saying so', () => {
    const seed = readSeed('annual-rating-2009-rutland');
    fs.writeFileSync(path.join(tmp, 'bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed, 'utf8')]));
    // 0x92 is a right single quotation mark in Windows-1252 and no UTF-8 at all
    fs.writeFileSync(path.join(tmp, 'latin.txt'), Buffer.from(seed.replace(/\u2019/g, "'").replace("children's", 'children\x92s'), 'latin1'));
    const run = runCli(['--format', 'json', path.join(tmp, 'bom.txt'), path.join(tmp, 'latin.txt')]);
    assert.strictEqual(run.status, 0, run.stderr);
    const results = JSON.parse(run.stdout) as { filePath: string; messages: unknown[] }[];
    assert.deepStrictEqual(results.map((result) => [path.basename(result.filePath), result.messages.length]), [['bom.txt', 0], ['latin.txt', 0]]);
    const stylish = runCli([path.join(tmp, 'bom.txt'), path.join(tmp, 'latin.txt')]);
    assert.match(stylish.stdout, /latin\.txt is not UTF-8: read as Windows-1252/);
    assert.doesNotMatch(stylish.stdout, /bom\.txt is not UTF-8/);
  });

  it('reads UTF-16 with its byte order mark, either way round, as the editor does; --fix leaves it alone', () => {
    // paragraph 12 numbered 14: a problem with a fix
    const seed = readSeed('slac-2011-rutland').replace('12. The LSCB', '14. The LSCB');
    const little = Buffer.from(`\uFEFF${seed}`, 'utf16le');
    const big = Buffer.from(little).swap16();
    fs.writeFileSync(path.join(tmp, 'utf8.txt'), seed);
    fs.writeFileSync(path.join(tmp, 'le.txt'), little);
    fs.writeFileSync(path.join(tmp, 'be.txt'), big);
    const messagesOf = (name: string) => {
      const run = runCli(['--format', 'json', path.join(tmp, name)]);
      assert.strictEqual(run.status, 0, run.stderr);
      return (JSON.parse(run.stdout) as { messages: { ruleId: string; line: number; column: number; message: string }[] }[])[0]!.messages.map(({ ruleId, line, column, message }) => ({ ruleId, line, column, message }));
    };
    const expected = messagesOf('utf8.txt');
    assert.ok(expected.some((message) => message.ruleId === 'paragraph-numbering'));
    assert.deepStrictEqual(messagesOf('le.txt'), expected);
    assert.deepStrictEqual(messagesOf('be.txt'), expected);
    const stylish = runCli([path.join(tmp, 'le.txt'), path.join(tmp, 'be.txt')]);
    assert.match(stylish.stdout, /le\.txt is UTF-16 \(little-endian\), not UTF-8/);
    assert.match(stylish.stdout, /be\.txt is UTF-16 \(big-endian\), not UTF-8/);
    // without its mark it cannot be told from binary with certainty: not read, but the message says what to do
    fs.writeFileSync(path.join(tmp, 'unmarked.txt'), little.subarray(2));
    fs.writeFileSync(path.join(tmp, 'unmarked-be.txt'), big.subarray(2));
    const unmarked = runCli([path.join(tmp, 'unmarked.txt'), path.join(tmp, 'unmarked-be.txt'), path.join(tmp, 'binary.txt')]);
    assert.strictEqual(unmarked.status, 2);
    assert.match(unmarked.stderr, /unmarked\.txt is a binary file, not a report \(it looks like UTF-16 text without a byte order mark: save it as UTF-8\)/);
    assert.match(unmarked.stderr, /unmarked-be\.txt is a binary file, not a report \(it looks like UTF-16/);
    assert.match(unmarked.stderr, /binary\.txt is a binary file, not a report\n/);
    const fixing = runCli(['--fix', path.join(tmp, 'le.txt')]);
    assert.match(fixing.stdout, /not fixed: only UTF-8 files are written back/);
    assert.deepStrictEqual(fs.readFileSync(path.join(tmp, 'le.txt')), little);
  });

  it('calls a report with notes only clean, and exits 0', () => {
    const run = runCli(['test/fixtures/frameworks/sif/clean-2015.txt']);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(run.stdout, /info +"requires improvement" was the SIF wording/);
    assert.match(run.stdout, /✔ no problems; \d+ notes/);
    assert.doesNotMatch(run.stdout, /✖/);
  });

  it('ends quietly when its reader stops early (| head)', () => {
    const bin = path.join(repoRoot, 'bin', 'inspection-lint.js');
    const piped = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" --format sarif seeds | head -c 100 > /dev/null`], { cwd: repoRoot, encoding: 'utf8' });
    assert.strictEqual(piped.stderr, '');
    assert.strictEqual(piped.status, 0);
  });

  it('tunes V8 with flags this Node knows, and reports the same with V8\'s defaults', () => {
    const known = spawnSync(process.execPath, [...ONE_SHOT_V8_FLAGS, ...SERVER_V8_FLAGS, '-e', '0'], { encoding: 'utf8' });
    assert.strictEqual(known.stderr, '');
    assert.strictEqual(known.status, 0);
    const tuned = runCli(['--format', 'json', 'seeds', 'test/fixtures']);
    // the bin without its tuning line
    const untuned = path.join(tmp, 'untuned-bin.js');
    fs.writeFileSync(untuned, `require(${JSON.stringify(path.join(repoRoot, 'out', 'server', 'src', 'cli', 'main.js'))}).runCli();\n`);
    const defaults = spawnSync(process.execPath, [untuned, '--format', 'json', 'seeds', 'test/fixtures'], { cwd: repoRoot, encoding: 'utf8' });
    assert.ok(JSON.parse(tuned.stdout).length > 20);
    assert.strictEqual(tuned.stdout, defaults.stdout);
    assert.strictEqual(tuned.status, defaults.status);
  });

  it('searches a folder and its subfolders for reports, skipping dependencies, build output and hidden folders', () => {
    const tree = fs.mkdtempSync(path.join(tmp, 'tree-'));
    const report = readSeed('apa-2007-rutland');
    const files = ['a.txt', 'sub/b.md', 'sub/deeper/C.TXT', 'node_modules/x/d.txt', 'out/e.txt', '.hidden/f.txt', 'sub/notes.docx'];
    for (const file of files) {
      fs.mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
      fs.writeFileSync(path.join(tree, file), report);
    }
    fs.symlinkSync(path.join(tree, 'a.txt'), path.join(tree, 'sub', 'linked.txt'));
    fs.symlinkSync(tree, path.join(tree, 'sub', 'loop')); // a link back up the tree is not followed
    const run = runCli(['--format', 'json', tree]);
    assert.strictEqual(run.status, 0, run.stderr);
    const linted = (JSON.parse(run.stdout) as { filePath: string }[]).map((result) => path.relative(tree, result.filePath)).sort();
    assert.deepStrictEqual(linted, ['a.txt', 'sub/b.md', 'sub/deeper/C.TXT', 'sub/linked.txt']);
  });

  it('exits 1 when a report has errors, naming both sides', () => {
    const run = runCli([path.join(tmp, 'broken.txt')]);
    assert.strictEqual(run.status, 1);
    assert.match(run.stdout, /Grade 3 \(Adequate\) means adequate on the SLAC 2011 scale, but the judgement sentence says good\. +grade-wording-mismatch/);
    assert.match(run.stdout, /The record gives "Partnership working" as Good, but "Partnership working" in Safeguarding services is graded "Grade 3 \(Adequate\)"/);
  });

  it('--max-warnings makes warnings fail the run', () => {
    const over = runCli(['--max-warnings', '0', 'seeds']);
    assert.strictEqual(over.status, 1);
    assert.match(over.stderr, /3 warnings, more than --max-warnings 0/);
    assert.strictEqual(runCli(['--max-warnings', '3', 'seeds']).status, 0);
    // an unreadable file among them makes the run exit 2; the warnings are still said to be too many
    const binary = runCli(['--max-warnings', '0', 'seeds', path.join(tmp, 'binary.txt')]);
    assert.strictEqual(binary.status, 2);
    assert.match(binary.stderr, /binary file/);
    assert.match(binary.stderr, /3 warnings, more than --max-warnings 0/);
  });

  it('--fix writes the preferred fixes back, in rounds, keeps a byte order mark, and reports what is left', () => {
    const seed = readSeed('slac-2011-rutland');
    // a mistyped paragraph number, a label that disagrees with its number, and a gap in the numbering
    const broken = seed.replace('12. The LSCB', '14. The LSCB').replace('Grade 3 (Adequate)\n\n14. The capacity', 'Grade 3 (Good)\n\n14. The capacity').replace('\n57. ', '\n58. ');
    assert.notStrictEqual(broken, seed);
    const file = path.join(tmp, 'fix-me.txt');
    fs.writeFileSync(file, '\uFEFF' + broken);
    const run = runCli(['--fix', file]);
    assert.strictEqual(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /note +fixed in place: \d+ problems fewer/);
    const written = fs.readFileSync(file, 'utf8');
    assert.ok(written.startsWith('\uFEFF'), 'the byte order mark is kept');
    // every slip undone, and nothing else touched; seed 001's own slips (no fix) are still reported
    assert.strictEqual(written.slice(1), seed);
    assert.match(run.stdout, /record-group-mismatch/);
    // a second run has nothing to fix
    assert.doesNotMatch(runCli(['--fix', file]).stdout, /fixed in place/);
  });

  it('--fix leaves a file that is not UTF-8 alone, and says so', () => {
    const file = path.join(tmp, 'latin1.txt');
    const text = readSeed('slac-2011-rutland').replace('12. The LSCB', '14. The LSCB').replace(/\u2019/g, "'").replace(/[^\x00-\xff]/g, '-') + '\nCaf\u00e9\n';
    fs.writeFileSync(file, Buffer.from(text, 'latin1'));
    const before = fs.readFileSync(file);
    const run = runCli(['--fix', file]);
    assert.match(run.stdout, /not fixed: only UTF-8 files are written back/);
    assert.deepStrictEqual(fs.readFileSync(file), before);
  });

  // a file that could not be written stopped the run partway through its output: the SARIF cut off, invalid JSON
  it('--fix that cannot write a file says so, reports it as it was, and goes on with the others (exit 2)', async () => {
    const broken = readSeed('slac-2011-rutland').replace('12. The LSCB', '14. The LSCB');
    const files = ['a.txt', 'b.txt', 'c.txt'].map((name) => path.join(tmp, `write-${name}`));
    for (const file of files) fs.writeFileSync(file, broken);
    const written: string[] = [];
    const io = recordingIo(tmp, {
      writeFile: (file, text) => {
        if (file === files[1]) throw Object.assign(new Error('read-only'), { code: 'EROFS' });
        fs.writeFileSync(file, text);
        written.push(path.basename(file));
      },
    });
    const { out, err } = io;
    try {
      const code = await main(['--fix', '--format', 'sarif', ...files], io);
      assert.strictEqual(code, 2);
      assert.deepStrictEqual(written, ['write-a.txt', 'write-c.txt']);
      assert.match(err.join(''), /Cannot write .*write-b\.txt: EROFS/);
      const log = JSON.parse(out.join('')) as any;
      assertValidSarif(log);
      // the unwritten file's paragraph-number slip is still reported; the written ones' are gone
      const slips = log.runs[0].results.filter((result: { ruleId: string }) => result.ruleId === 'paragraph-numbering');
      assert.deepStrictEqual(slips.map((result: any) => log.runs[0].artifacts[result.locations[0].physicalLocation.artifactLocation.index].location.uri), ['write-b.txt']);
      assert.strictEqual(fs.readFileSync(files[1]!, 'utf8'), broken);
      const stylish: string[] = [];
      await main(['--fix', files[1]!], { ...io, stdout: (text) => stylish.push(text) });
      assert.match(stylish.join(''), /note +not fixed: the file could not be written/);
    } finally {
      for (const file of files) fs.rmSync(file, { force: true });
    }
  });

  it('--framework accepts a custom framework from the configuration the files find', () => {
    const project = fs.mkdtempSync(path.join(tmp, 'custom-'));
    fs.writeFileSync(path.join(project, '.inspection-lint.json'), JSON.stringify({ customFrameworks: [fosteringReview()] }));
    fs.writeFileSync(path.join(project, 'draft.txt'), 'Placements\n\nGrade 2 (Sound)\n\nPlacements are sound.\n');
    const run = runCli(['--framework', 'fostering-review', '--format', 'model', path.join(project, 'draft.txt')]);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.strictEqual(JSON.parse(run.stdout)[0].framework.id, 'fostering-review');
    const typo = runCli(['--framework', 'fostering-reveiw', path.join(project, 'draft.txt')]);
    assert.strictEqual(typo.status, 2);
    assert.match(typo.stderr, /Unknown framework "fostering-reveiw"\. Frameworks: .*fostering-review/);
  });

  it('--format json prints ESLint-compatible results', () => {
    const run = runCli(['--format', 'json', 'seeds/slac-2011-rutland.txt', 'seeds/apa-2007-rutland.txt']);
    assert.strictEqual(run.status, 0);
    const results = JSON.parse(run.stdout);
    assert.strictEqual(results.length, 2);
    assert.strictEqual(results[0].filePath, path.join(repoRoot, 'seeds', 'slac-2011-rutland.txt'));
    assert.deepStrictEqual(results[0].messages[1], {
      ruleId: 'record-entry-without-section',
      severity: 1,
      message: 'The record lists "Equality and diversity" (Good) under "Services for looked after children" (line 379), but no section of the report gives this judgement.',
      line: 384,
      column: 1,
      endLine: 384,
      endColumn: 23,
    });
    assert.deepStrictEqual([results[0].errorCount, results[0].warningCount, results[1].messages.length], [0, 3, 0]);
  });

  it('--format model prints the parsed model with 1-based lines', () => {
    const run = runCli(['--format', 'model', 'seeds/slac-2011-rutland.txt']);
    const [model] = JSON.parse(run.stdout);
    assert.deepStrictEqual(model.framework, { id: 'slac-2011', name: 'Inspection of safeguarding and looked after children services (2011)', source: 'detected' });
    const part = model.sections.find((section: { title: string }) => section.title === 'Services for looked after children');
    const group = part.children.find((section: { kind: string }) => section.kind === 'group');
    assert.deepStrictEqual(group.children[0], {
      title: 'Being healthy',
      kind: 'judgement',
      part: 'Services for looked after children',
      line: 262,
      grade: { value: 1, label: 'Outstanding', level: 'outstanding', written: 'Grade 1 (Outstanding)', line: 262 },
      judgement: { term: 'outstanding', level: 'outstanding', line: 264 },
      children: [],
    });
    assert.strictEqual(model.record.length, 22);
    assert.deepStrictEqual(model.record[21], { group: 'Services for looked after children', title: 'Equality and diversity', label: 'Good', level: 'good', line: 399 });
  });

  it('--format sarif output validates against the SARIF 2.1.0 schema', () => {
    const run = runCli(['--format', 'sarif', 'seeds', path.join(tmp, 'broken.txt'), path.join(tmp, 'binary.txt')]);
    assert.strictEqual(run.status, 2, run.stderr);
    const log = JSON.parse(run.stdout) as any;
    assertValidSarif(log);
    const results = log.runs[0].results;
    assert.ok(results.some((result: { ruleId: string; level: string }) => result.ruleId === 'grade-wording-mismatch' && result.level === 'error'));
    assert.ok(log.runs[0].tool.driver.rules.every((rule: { help?: { markdown: string } }) => rule.help?.markdown));
    // files under the working folder relative to it, a file elsewhere by its own URL (never "../")
    const locations = log.runs[0].artifacts.map((artifact: { location: { uri: string; uriBaseId?: string } }) => artifact.location);
    assert.deepStrictEqual(locations.find((location: { uri: string }) => location.uri.endsWith('broken.txt')), { uri: pathToFileURL(path.join(tmp, 'broken.txt')).href });
    assert.ok(locations.some((location: { uri: string; uriBaseId?: string }) => location.uri === 'seeds/slac-2011-rutland.txt' && location.uriBaseId === '%SRCROOT%'));
    // the binary file is an error of the run, at its own artifact
    const [invocation] = log.runs[0].invocations;
    assert.strictEqual(invocation.executionSuccessful, false);
    assert.match(invocation.toolExecutionNotifications[0].message.text, /binary\.txt is a binary file, not a report/);
    const notified = invocation.toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation;
    assert.strictEqual(log.runs[0].artifacts[notified.index].location.uri, pathToFileURL(path.join(tmp, 'binary.txt')).href);
  });

  it('--format github prints workflow annotations', () => {
    const run = runCli(['--format', 'github', 'seeds/slac-2011-rutland.txt']);
    assert.match(run.stdout.split('\n')[0] ?? '', /^::warning file=seeds\/slac-2011-rutland\.txt,line=379,col=1,endLine=379,endColumn=35,title=record-group-mismatch::The record group/);
  });

  it('expands globs', () => {
    const run = runCli(['--format', 'json', 'seeds/apa-*.txt']);
    assert.strictEqual(JSON.parse(run.stdout).length, 3);
  });

  it('lists the rules with their metadata', () => {
    const rules = JSON.parse(runCli(['rules', '--format', 'json']).stdout);
    const wording = rules.find((rule: { id: string }) => rule.id === 'grade-wording-mismatch');
    assert.strictEqual(wording.defaultSeverity, 'error');
    assert.strictEqual(wording.fixable, true);
    assert.match(wording.docs, /docs\/rules\/grade-wording-mismatch\.md$/);
    assert.strictEqual(rules.length, 15);
  });

  it('applies a configuration file found above the files', () => {
    fs.writeFileSync(path.join(tmp, '.inspection-lint.json'), JSON.stringify({ rules: { 'grade-wording-mismatch': 'off', 'record-grade-mismatch': 'warning' } }));
    try {
      const run = runCli(['--format', 'json', path.join(tmp, 'broken.txt')]);
      const ids = JSON.parse(run.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId);
      assert.ok(!ids.includes('grade-wording-mismatch'));
      assert.strictEqual(run.status, 0, 'only warnings remain');
    } finally {
      fs.rmSync(path.join(tmp, '.inspection-lint.json'));
    }
  });

  it('reports a broken configuration with its position, still lints with defaults, and exits 2', () => {
    fs.writeFileSync(path.join(tmp, '.inspection-lint.json'), '{\n  "rules": { "missing-grade": "loud" }\n}\n');
    try {
      const run = runCli(['--format', 'json', path.join(tmp, 'broken.txt')]);
      assert.strictEqual(run.status, 2);
      assert.match(run.stderr, /\.inspection-lint\.json:2:31: rules\.missing-grade: must be "error", "warning", "info" or "off", not "loud"/);
      assert.ok(JSON.parse(run.stdout)[0].messages.length > 0);
      // SARIF records it where code scanning looks for a tool's configuration problems
      const sarif = runCli(['--format', 'sarif', path.join(tmp, 'broken.txt')]);
      assert.strictEqual(sarif.status, 2);
      const log = JSON.parse(sarif.stdout) as any;
      assertValidSarif(log);
      assert.ok(log.runs[0].results.length > 0);
      assert.deepStrictEqual(log.runs[0].invocations, [
        {
          executionSuccessful: false,
          toolConfigurationNotifications: [
            {
              level: 'error',
              message: { text: 'rules.missing-grade: must be "error", "warning", "info" or "off", not "loud"' },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: pathToFileURL(path.join(tmp, '.inspection-lint.json')).href },
                    region: { startLine: 2, startColumn: 31, endLine: 2, endColumn: 37 },
                  },
                },
              ],
            },
          ],
        },
      ]);
    } finally {
      fs.rmSync(path.join(tmp, '.inspection-lint.json'));
    }
  });

  it('prints a warning about the configuration without failing on it: a custom framework replacing a built-in one', () => {
    fs.writeFileSync(path.join(tmp, '.inspection-lint.json'), JSON.stringify({ customFrameworks: [{ ...fosteringReview(), id: 'apa-2007' }] }, null, 2));
    try {
      const run = runCli(['--format', 'json', path.join(tmp, 'broken.txt')]);
      assert.match(run.stderr, /\.inspection-lint\.json:\d+:\d+: warning: customFrameworks\[0\]\.id: "apa-2007" replaces the built-in framework/);
      assert.notStrictEqual(run.status, 2);
    } finally {
      fs.rmSync(path.join(tmp, '.inspection-lint.json'));
    }
  });

  describe('usage and I/O errors exit 2 with a clear message', () => {
    const cases: [string, string[], RegExp][] = [
      ['a missing file', ['no-such-report.txt'], /No such file or folder: no-such-report\.txt/],
      ['an unknown format', ['--format', 'xml', 'seeds'], /Unknown format "xml"/],
      ['an unknown framework', ['--framework', 'slac-2099', 'seeds'], /Unknown framework "slac-2099"/],
      ['no files', [], /No files given/],
      ['an unknown option', ['--frobnicate', 'seeds'], /Unknown option '--frobnicate'/],
      ['a glob matching nothing', ['seeds/*.docx'], /No files match seeds\/\*\.docx/],
    ];
    for (const [name, args, message] of cases) {
      it(name, () => {
        const run = runCli(args);
        assert.strictEqual(run.status, 2);
        assert.match(run.stderr, message);
      });
    }
    // a pipe was "No such file or folder" and stopped the run; reading one would wait for a writer for ever
    // POSIX shapes (mkfifo, /dev/null), as on the machines the project is built and tested on
    it('a pipe, a device, a circle of symbolic links: each said for what it is, and the other files checked', () => {
      const pipe = path.join(tmp, 'pipe.txt');
      assert.strictEqual(spawnSync('mkfifo', [pipe]).status, 0);
      fs.symlinkSync(path.join(tmp, 'loop-b.txt'), path.join(tmp, 'loop-a.txt'));
      fs.symlinkSync(path.join(tmp, 'loop-a.txt'), path.join(tmp, 'loop-b.txt'));
      try {
        const run = runCli(['--format', 'json', pipe, '/dev/null', path.join(tmp, 'loop-a.txt'), path.join(tmp, 'broken.txt')]);
        assert.strictEqual(run.status, 2);
        const said = [
          /pipe\.txt is not a file \(a pipe, socket or device\), so it is not checked/,
          /\/dev\/null is not a file \(a pipe, socket or device\), so it is not checked/,
          /Cannot read .*loop-a\.txt: its symbolic links lead round in a circle/,
        ];
        const results = JSON.parse(run.stdout) as { filePath: string; errorCount: number; messages: { fatal?: boolean; message: string }[] }[];
        assert.strictEqual(results.length, 4);
        for (const [index, message] of said.entries()) {
          assert.match(run.stderr, message);
          assert.match(results[index]!.messages[0]!.message, message);
          assert.strictEqual(results[index]!.messages[0]!.fatal, true);
        }
        assert.ok(results[3]!.errorCount > 0 && results[3]!.messages.every((message) => !message.fatal));
        // in a folder they are passed over, as they are not report files
        const folder = runCli(['--format', 'json', tmp]);
        const checked = (JSON.parse(folder.stdout) as { filePath: string }[]).map((result) => path.basename(result.filePath));
        assert.ok(!checked.some((name) => name === 'pipe.txt' || name.startsWith('loop-')), checked.join(', '));
      } finally {
        for (const name of ['pipe.txt', 'loop-a.txt', 'loop-b.txt']) fs.rmSync(path.join(tmp, name), { force: true });
      }
    });
    // a file over V8's longest string stopped the run with "unexpected error: Cannot create a string longer than …"
    it('a file larger than Node can hold as text, whatever --max-file-size allows', () => {
      const huge = path.join(tmp, 'huge.txt');
      fs.closeSync(fs.openSync(huge, 'w'));
      fs.truncateSync(huge, 600 * 1024 * 1024); // sparse: no disk used
      try {
        const run = runCli(['--max-file-size', '1GB', huge, path.join(tmp, 'broken.txt')]);
        assert.strictEqual(run.status, 2);
        assert.match(run.stderr, /huge\.txt is larger than 512 MB, more than Node can hold as text, so it is not checked/);
        assert.match(run.stdout, /broken\.txt \(SLAC 2011\)/);
      } finally {
        fs.rmSync(huge);
      }
    });
    it('a binary file', () => {
      const run = runCli([path.join(tmp, 'binary.txt')]);
      assert.strictEqual(run.status, 2);
      assert.match(run.stderr, /binary\.txt is a binary file, not a report/);
    });
    it('a file that cannot be read, among others: said, and the others still checked', () => {
      const run = runCli(['--format', 'json', path.join(tmp, 'binary.txt'), path.join(tmp, 'broken.txt')]);
      assert.strictEqual(run.status, 2);
      assert.match(run.stderr, /binary\.txt is a binary file, not a report/);
      const results = JSON.parse(run.stdout) as { filePath: string; errorCount: number; messages: { fatal?: boolean; message: string }[] }[];
      assert.deepStrictEqual(results.map((result) => path.basename(result.filePath)), ['binary.txt', 'broken.txt']);
      assert.deepStrictEqual(results[0]!.messages.map((message) => message.fatal), [true]);
      assert.match(results[0]!.messages[0]!.message, /binary\.txt is a binary file, not a report/);
      assert.ok(results[1]!.errorCount > 0 && results[1]!.messages.every((message) => !message.fatal));
    });
    // stdout was written in batches of 64 KB, so a terminal showed the message before the files checked earlier
    it('a file that cannot be read is said after the output for the files before it', async () => {
      const io = recordingIo(repoRoot);
      const { log } = io;
      assert.strictEqual(await main(['seeds/slac-2011-rutland.txt', path.join(tmp, 'binary.txt'), 'seeds/apa-2007-rutland.txt'], io), 2);
      const said = log.findIndex((entry) => entry.startsWith('err:') && entry.includes('binary.txt is a binary file'));
      assert.ok(said > 0, log.join('\n'));
      assert.match(log.slice(0, said).join(''), /seeds\/slac-2011-rutland\.txt \(SLAC 2011\)\n.*record-group-mismatch/s);
      assert.doesNotMatch(log.slice(0, said).join(''), /apa-2007-rutland/);
    });
    it('a file over --max-file-size: not read, said, the others checked', () => {
      const run = runCli(['--max-file-size', '50KB', 'seeds']);
      assert.strictEqual(run.status, 2);
      assert.strictEqual(run.stderr, 'inspection-lint: seeds/slac-2011-rutland.txt is larger than 50 KB, so it is not checked (--max-file-size)\n');
      assert.strictEqual(run.stdout, '✖ 1 file not checked: seeds/slac-2011-rutland.txt\n✔ 5 files checked (5 recognised as reports): no problems\n');
      // a file of exactly the limit is checked
      const size = fs.statSync(path.join(repoRoot, 'seeds', 'slac-2011-rutland.txt')).size;
      assert.strictEqual(runCli(['--max-file-size', String(size), 'seeds/slac-2011-rutland.txt']).status, 0);
      assert.strictEqual(runCli(['--max-file-size', String(size - 1), 'seeds/slac-2011-rutland.txt']).status, 2);
    });
    it('a file over the default limit of 16 MB', () => {
      const large = path.join(tmp, 'large.txt');
      fs.writeFileSync(large, 'Being healthy\n\nGrade 3\n'.repeat(Math.ceil((16 * 1024 * 1024 + 1) / 23)));
      try {
        const run = runCli([large]);
        assert.strictEqual(run.status, 2);
        assert.match(run.stderr, /large\.txt is larger than 16 MB, so it is not checked \(--max-file-size\)/);
        // nothing was checked: no "✔ 0 files checked"
        assert.match(run.stdout, /^✖ 1 file not checked: [^\n]*large\.txt\n$/);
      } finally {
        fs.rmSync(large);
      }
    });
    for (const size of ['0', '-1', '5x', 'MB', '']) {
      it(`--max-file-size "${size}"`, () => {
        const run = runCli([`--max-file-size=${size}`, 'seeds']);
        assert.strictEqual(run.status, 2);
        assert.match(run.stderr, /--max-file-size needs a size such as 16MB/);
      });
    }
    it('a folder with no reports', () => {
      const empty = fs.mkdtempSync(path.join(tmp, 'empty-'));
      const run = runCli([empty]);
      assert.strictEqual(run.status, 2);
      assert.match(run.stderr, /No report files/);
    });
  });

  it('reads --max-file-size in bytes, KB, MB or GB of 1024', () => {
    assert.strictEqual(parseSize('1000000'), 1_000_000);
    assert.strictEqual(parseSize('16MB'), 16 * 1024 * 1024);
    assert.strictEqual(parseSize('500kb'), 500 * 1024);
    assert.strictEqual(parseSize('1.5 MB'), 1.5 * 1024 * 1024);
    assert.strictEqual(parseSize('2GB'), 2 * 1024 ** 3);
    assert.strictEqual(parseSize('12b'), 12);
    for (const bad of ['', 'MB', '0', '0.5', '-1', '5x', '1e6', '16 M']) assert.throws(() => parseSize(bad), /--max-file-size needs a size/, bad);
  });
});
