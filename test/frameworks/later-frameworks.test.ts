import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { builtinFrameworks, flattenSections, trustedLevel } from '../../server/src/core';
import { lint } from '../../server/src/lint/engine';
import type { Expectations } from '../helpers/expectations';
import { applyEdits } from '../helpers/edits';
import { fixturesDir, readJson, repoRoot } from '../helpers/paths';

// Reports written by the team for LAC 2013, SIF and ILACS (test/fixtures/frameworks/README.md), clean and broken,
// some with the artefacts of text extracted from PDFs, each with the expectations of a person who read it.
const root = path.join(fixturesDir, 'frameworks');
const fixtures = fs
  .readdirSync(root)
  .filter((entry) => fs.statSync(path.join(root, entry)).isDirectory())
  .flatMap((framework) =>
    fs
      .readdirSync(path.join(root, framework))
      .filter((name) => /\.(txt|md)$/.test(name))
      .map((name) => ({ framework, name, file: path.join(root, framework, name) })),
  );

describe('later frameworks: LAC 2013, SIF and ILACS, from their profiles alone', () => {
  it('has clean and broken fixtures, with PDF artefacts, for each framework', () => {
    for (const framework of ['lac-2013', 'sif', 'ilacs']) {
      const names = fixtures.filter((fixture) => fixture.framework === framework).map((fixture) => fixture.name);
      assert.ok(names.some((name) => name.startsWith('clean')) && names.includes('broken.txt') && names.includes('pdf-artefacts.txt'), `${framework}: ${names}`);
    }
  });

  for (const { framework, name, file } of fixtures) {
    describe(`${framework}/${name}`, () => {
      const text = fs.readFileSync(file, 'utf8');
      const expected = readJson<Expectations>(file.replace(/\.(txt|md)$/, '.expected.json'));
      const { report, diagnostics } = lint(text);

      it('is recognised as its framework', () => assert.strictEqual(report.framework?.profile.id, expected.framework));

      it('finds every judgement with its grade and what it means', () => {
        const found = flattenSections(report.sections)
          .filter((section) => section.judgement?.grade || section.judgement?.definition?.graded)
          .map((section) => ({ line: (section.judgement?.grade ?? section.heading).range.start.line + 1, meaning: trustedLevel(section.judgement?.grade)?.key ?? null }));
        const wanted = expected.judgements.map((judgement) => ({ line: judgement.grade?.line ?? judgement.headingLine, meaning: judgement.meaning }));
        assert.deepStrictEqual(found, wanted);
      });

      it('reads its summary table, row by row', () => {
        const rows = (report.record?.rows ?? []).map((row) => ({ line: row.range.start.line + 1, meaning: row.grade?.level?.key ?? null }));
        const wanted = (expected.record?.groups ?? []).flatMap((group) => group.rows).map((row) => ({ line: row.line, meaning: row.meaning }));
        assert.deepStrictEqual(rows, wanted);
      });

      it(expected.inconsistencies.length ? 'reports exactly the slips written into it' : 'raises no false alarm', () => {
        const reported = diagnostics
          .filter((diagnostic) => diagnostic.severity !== 'info')
          .map((diagnostic) => `${diagnostic.range.start.line + 1} ${diagnostic.ruleId}`)
          .sort();
        const wanted = expected.inconsistencies.map((inconsistency) => `${inconsistency.line} ${inconsistency.rule}`).sort();
        assert.deepStrictEqual(reported, wanted, diagnostics.map((d) => `${d.range.start.line + 1} ${d.ruleId}: ${d.message}`).join('\n'));
      });
    });
  }

  it('accepts "requires improvement" as the level of "requires improvement to be good", with a note offering the current wording', () => {
    const text = fs.readFileSync(path.join(root, 'sif', 'clean-2015.txt'), 'utf8');
    const { report, diagnostics } = lint(text);
    const row = report.record?.rows.find((candidate) => candidate.grade?.text === 'Requires improvement');
    assert.strictEqual(row?.grade?.level?.key, 'requires-improvement');
    const notes = diagnostics.filter((diagnostic) => diagnostic.ruleId === 'outdated-grade-wording');
    assert.ok(notes.length > 0 && notes.every((note) => note.severity === 'info'));
    const note = notes.find((candidate) => candidate.range.start.line === row!.grade!.range.start.line)!;
    assert.match(note.message, /"Requires improvement" is accepted as Requires improvement to be good, but SIF reports now write "Requires improvement to be good"/);
    const fixed = applyEdits(text, note.fixes[0]!.edits);
    assert.ok(fixed.split('\n')[row!.range.start.line]!.endsWith('\tRequires improvement to be good'));
    // in a sentence the verb is kept: "The overall judgement is requires improvement" → "… requires improvement to be good"
    const headline = notes.find((candidate) => candidate.range.start.line === 8)!;
    assert.strictEqual(headline.fixes[0]!.edits[0]!.newText, 'requires improvement to be good');
  });

  it('never counts "requires improvement to be good" as good', () => {
    // each framework's own way of putting a grade on a heading
    const headings = {
      sif: 'The experiences and progress of children who need help and protection\tGood',
      ilacs: 'The experiences and progress of children who need help and protection: good',
    };
    for (const [framework, heading] of Object.entries(headings)) {
      const { report, diagnostics } = lint(
        [
          heading,
          '',
          'Children who need help and protection receive services that require improvement to be good. Plans are not yet good.',
        ].join('\n'),
        { framework },
      );
      const section = flattenSections(report.sections)[0]!;
      assert.strictEqual(section.judgement?.grade?.level?.key, 'good');
      assert.strictEqual(section.judgement?.sentence?.term.level.key, 'requires-improvement', framework);
      assert.ok(diagnostics.some((diagnostic) => diagnostic.ruleId === 'grade-wording-mismatch'), framework);
    }
  });

  it('needs no code: the three profiles are JSON files, and no source file names them', () => {
    const registry = builtinFrameworks();
    for (const id of ['lac-2013', 'sif', 'ilacs']) {
      assert.ok(fs.existsSync(path.join(repoRoot, 'server', 'frameworks', `${id}.json`)));
      assert.ok(registry.get(id), `${id} loaded`);
    }
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.ts$/.test(entry.name)) sources.push(full);
      }
    };
    walk(path.join(repoRoot, 'server', 'src'));
    walk(path.join(repoRoot, 'client', 'src'));
    for (const source of sources) {
      const code = fs.readFileSync(source, 'utf8');
      for (const id of ['lac-2013', "'sif'", '"sif"', "'ilacs'", '"ilacs"']) {
        assert.ok(!code.includes(id), `${path.relative(repoRoot, source)} names the framework ${id}`);
      }
    }
  });
});
