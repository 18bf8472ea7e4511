import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { builtinFrameworks, flattenSections, trustedLevel } from '../../server/src/core';
import { lint } from '../../server/src/lint/engine';
import type { Expectations } from '../helpers/expectations';
import { applyEdits } from '../helpers/edits';
import { fixturesDir, frameworkFixtures, readJson, repoRoot } from '../helpers/paths';

// Reports written by the team for LAC 2013, SIF and ILACS (test/fixtures/frameworks/README.md), clean and broken,
// some with the artefacts of text extracted from PDFs, each with the expectations of a person who read it.
const fixtures = frameworkFixtures();

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
    const text = fs.readFileSync(path.join(fixturesDir, 'frameworks', 'sif', 'clean-2015.txt'), 'utf8');
    const { report, diagnostics } = lint(text);
    const row = report.record?.rows.find((candidate) => candidate.grade?.text === 'Requires improvement');
    assert.strictEqual(row?.grade?.level?.key, 'requires-improvement');
    const notes = diagnostics.filter((diagnostic) => diagnostic.ruleId === 'outdated-grade-wording');
    assert.ok(notes.length > 0 && notes.every((note) => note.severity === 'info'));
    const note = notes.find((candidate) => candidate.range.start.line === row!.grade!.range.start.line)!;
    // the report is dated 2015, before SIF printed the longer label: the note says so, and "fix all" leaves it
    assert.strictEqual(report.year, 2015);
    assert.strictEqual(note.message, '"Requires improvement" was the SIF wording when this report was written (2015); reports from 2016 write "Requires improvement to be good".');
    assert.strictEqual(note.fixes[0]!.preferred, false);
    const dated2017 = lint(text.replace('Inspection date: 12 January 2015 – 4 February 2015', 'Inspection date: 9 January 2017 – 2 February 2017').replace('Report published: 20 March 2015', 'Report published: 20 March 2017'));
    const late = dated2017.diagnostics.find((candidate) => candidate.ruleId === 'outdated-grade-wording' && candidate.range.start.line === row!.grade!.range.start.line)!;
    assert.match(late.message, /"Requires improvement" is accepted as Requires improvement to be good, but SIF reports now write "Requires improvement to be good"/);
    assert.strictEqual(late.fixes[0]!.preferred, true);
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

describe('later frameworks: what PDF extraction and summary prose do to tables and statements', () => {
  const T = '\t';
  const ilacsTable = (rows: string[]) => [
    "Inspection of local authority children's services",
    '',
    'Judgement\tGrade',
    ...rows,
    '',
  ];

  it('joins a grade broken over lines in the grade column ("Requires" / "<TAB>improvement to be good")', () => {
    for (const broken of [
      [`The experiences and progress of children who need help and protection${T}Requires`, `${T}improvement to be good`],
      [`The experiences and progress of children who need help and protection${T}Requires improvement`, `${T}to be good`],
      [`The experiences and progress of children who need help and protection${T}Requires`, 'improvement to be good'],
    ]) {
      const { report } = lint([...ilacsTable([`The impact of leaders on social work practice with children and families${T}Good`, ...broken, `The experiences and progress of children in care${T}Good`])].join('\n'), { framework: 'ilacs' });
      assert.deepStrictEqual(
        report.record?.rows.map((row) => [row.title.text.slice(0, 40), row.grade?.level?.key]),
        [
          ['The impact of leaders on social work prac', 'good'],
          ['The experiences and progress of children', 'requires-improvement'],
          ['The experiences and progress of children', 'good'],
        ].map(([title, level]) => [title!.slice(0, 40), level]),
        JSON.stringify(broken),
      );
    }
  });

  it('joins a long judgement heading broken over two lines, however many words it has', () => {
    const { report } = lint(
      ['Overall effectiveness of services for looked after children and young', 'people', '', 'Grade 3 (adequate)', '', '1. The overall effectiveness of services for looked after children and young people is adequate.'].join('\n'),
      { framework: 'lac-2013' },
    );
    const [section] = flattenSections(report.sections).filter((candidate) => candidate.judgement);
    assert.strictEqual(section?.title, 'Overall effectiveness of services for looked after children and young people');
    assert.strictEqual(section?.judgement?.grade?.level?.key, 'adequate');
  });

  it('reads a summary table whose first row is broken, and leaves row numbers out of titles', () => {
    const { report } = lint(
      [
        "Children's services in Ashcombe require improvement to be good",
        '',
        `1. Children who need help and protection${T}Requires`,
        'improvement to be good',
        `2. Children looked after and achieving permanence${T}Good`,
        `2.1 Adoption performance${T}Good`,
      ].join('\n'),
      { framework: 'sif' },
    );
    assert.deepStrictEqual(report.record?.rows.map((row) => [row.title.text, row.grade?.level?.key]), [
      ['Children who need help and protection', 'requires-improvement'],
      ['Children looked after and achieving permanence', 'good'],
      ['Adoption performance', 'good'],
    ]);
  });

  it('does not take an executive summary sentence, or a judgement restated in its own section, for a new heading', () => {
    const { report, diagnostics } = lint(
      [
        'Executive summary',
        '',
        'Children who need help and protection receive a service that is good. Adoption performance requires improvement to be good.',
        '',
        `Leadership, management and governance${T}Requires improvement to be good`,
        '',
        'Summary',
        '',
        'Leadership, management and governance are good.',
      ].join('\n'),
      { framework: 'sif' },
    );
    const judgements = flattenSections(report.sections).filter((section) => section.judgement);
    assert.deepStrictEqual(judgements.map((section) => section.title), ['Leadership, management and governance']);
    // the sentence under its own heading is its judgement sentence, and it disagrees with the grade
    assert.deepStrictEqual(diagnostics.filter((d) => d.ruleId !== 'missing-grade').map((d) => [d.ruleId, d.range.start.line + 1]), [['grade-wording-mismatch', 9]]);
    assert.match(diagnostics.find((d) => d.ruleId === 'grade-wording-mismatch')!.message, /^The grade is "Requires improvement to be good", but the judgement sentence says good\.$/);
  });

  it('reads a headline statement that opens a paragraph ("Children\'s services in X are good. Since …")', () => {
    const { report } = lint(
      [...ilacsTable([`Overall effectiveness${T}Good`]), "Children's services in Stonebridge are good. Since the last inspection, leaders have strengthened practice."].join('\n'),
      { framework: 'ilacs' },
    );
    const overall = flattenSections(report.sections).find((section) => section.judgement?.definition?.id === 'overall-effectiveness');
    assert.strictEqual(overall?.judgement?.grade?.level?.key, 'good');
    assert.strictEqual(overall?.judgement?.sentence?.text, "Children's services in Stonebridge are good.");
  });
});
