import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint } from '../../server/src/lint/engine';
import { fixturesDir } from '../helpers/paths';

/**
 * Each draft's deliberate inconsistencies as its answer key gives them (test/fixtures/drafts/*.expected.md): the rule
 * that reports it and the 1-based line it is reported on, one of the lines the key names for it.
 */
const EXPECTED: Record<string, string[]> = {
  'apa-clean.md': [],
  'slac-clean.txt': [],
  'ilacs-clean.md': [],
  'sif-clean.txt': [],
  'apa-broken.txt': [
    // Staying safe has no grade (heading line 79)
    'missing-grade@79',
    // "Grade 2 (Adequate)" (line 119) under "… in this aspect is good" (line 124): the key accepts either line
    'grade-wording-mismatch@124',
    'grade-out-of-scale@149',
    // "Grade 2 (Good)"
    'grade-label-mismatch@181',
  ],
  'slac-broken.txt': [
    // "Grade 2 (Adequate)"
    'grade-label-mismatch@118',
    // "… inadequate" under Grade 3 (Adequate)
    'grade-wording-mismatch@149',
    // Partnership working (graded on line 154) has no row: reported on the record, where the row is to be added
    'missing-record-entry@247',
    // "Equality and diversity" has no section
    'record-entry-without-section@259',
    // Enjoying and achieving: Good in the body (line 203), Adequate in the record
    'record-grade-mismatch@266',
  ],
  'ilacs-broken.txt': [
    // children in care: Good in the table, requires improvement to be good in the body (line 56)
    'record-grade-mismatch@17',
    // the overall effectiveness row (line 19) says requires improvement to be good, the headline (line 23) good
    'record-grade-mismatch@19',
    // "… are inadequate" under a heading graded good
    'grade-wording-mismatch@44',
    // the care leavers heading has no grade
    'missing-grade@70',
  ],
  'rating-clean.md': [],
  'apa-messy-clean.txt': [],
  'rating-broken.txt': [
    // "Performs well (2)"
    'grade-label-mismatch@32',
    // "… perform excellently": neither the label (3) nor the number (2)
    'grade-wording-mismatch@35',
  ],
  'slac-messy-broken.txt': [
    // Ambition and prioritisation: Grade 2 (Good) over "… is adequate"
    'grade-wording-mismatch@137',
    // Partnership working (graded on line 153) has no row: reported on the record
    'missing-record-entry@253',
    // looked after children's Enjoying and achieving: Good in the body (line 206), Adequate in the record
    'record-grade-mismatch@272',
  ],
  'ilacs-2018-clean.txt': [],
  'lac-clean.md': [],
  'ilacs-2024-broken.md': [
    // "The experiences and progress of disabled children | Good": a judgement the report never gives
    'record-entry-without-section@17',
    // the overall effectiveness row (requires improvement to be good) against the headline (line 20, good)
    'record-grade-mismatch@18',
    // "## The experiences and progress of care leavers: adequate"
    'grade-out-of-scale@69',
  ],
  'sif-broken.txt': [
    // the summary list: help and protection Good; the body (line 69): requires improvement
    'record-grade-mismatch@15',
    // the summary list: adoption Good; "… is that it is outstanding" (line 105)
    'record-grade-mismatch@17',
    // the LSCB's section states no grade
    'missing-grade@131',
  ],
  'lac-clean-long.txt': [],
  'slac-clean-tables.md': [],
  'apa-summary-broken.txt': [
    // the overall paragraph calls enjoying and achieving outstanding; its section is Grade 3 and says good (line 72)
    'summary-contradiction@25',
    // Achieving economic well-being has no grade; its sentence says adequate
    'missing-grade@111',
  ],
  'slac-structure-broken.txt': [
    // (b) the contents' "Partnership arrangements": the heading was renamed "Partnership working" (line 162)
    'contents-mismatch@28',
    // (d) "Leadership and managment" (line 147): the contents' correct spelling, and the record's below, name the slip;
    // the key counts these as sides of the one slip
    'contents-mismatch@41',
    // (c) "Quality of provision" twice in Safeguarding services (the contents list it once: no contents problem)
    'duplicate-section@134',
    // (d) the misspelt heading, missing from the contents under its misspelling
    'contents-mismatch@147',
    // (a) paragraph 30 is followed by 32
    'paragraph-numbering@160',
    // (b) the renamed heading, missing from the contents
    'contents-mismatch@162',
    // (d) the misspelt judgement has no row (reported on the record), and the record's row no section
    'missing-record-entry@272',
    'record-entry-without-section@282',
  ],
  // a team's sections pasted together, each author writing grades in their own notation
  'slac-mixed-clean.txt': [],
  'apa-mixed-clean.md': [],
  'slac-mixed-broken.txt': [
    // "Adequate (Grade 2)"
    'grade-label-mismatch@69',
    // "Partnership working: Grade 2 (Good)" over "… arrangements are adequate"
    'grade-wording-mismatch@102',
    // the record's "Grade 1" for a section graded "Grade 2 – Good" (line 83)
    'record-grade-mismatch@205',
  ],
  'rating-and-apa-broken.txt': [
    // "Grade 4" over "… is good"
    'grade-wording-mismatch@81',
    // the summary table's "Grade 2" for Staying safe, graded Grade 3 (line 43)
    'record-grade-mismatch@130',
  ],
  'ilacs-2024-clean.md': [],
  'lac-clean-crlf.txt': [],
  // a report still being written: each section whose grade is still to come ("Grade TBC") is reported once, on its
  // heading (its record cell, "TBC" too, is not reported again)
  'slac-early-draft.txt': ['missing-grade@35', 'missing-grade@41', 'missing-grade@72', 'missing-grade@90', 'missing-grade@104', 'missing-grade@110', 'missing-grade@130', 'missing-grade@154'],
  // the grades in a table near the top and again under each heading
  'apa-table-clean.txt': [],
  'sif-2016-broken.md': [
    // the summary list gives leadership requires improvement to be good; the body's heading, Good (line 110)
    'record-grade-mismatch@20',
    // the executive summary's "The overall judgement is that … are good" against the headline (line 13)
    'duplicate-section@46',
  ],
  // texts that are no report of these frameworks, or give no judgement of their own: nothing to report
  'ilacs-focused-visit.txt': [],
  'ilacs-monitoring-visit.md': [],
  'council-committee-minutes.txt': [],
  'school-report.txt': [],
  'improvement-plan.md': [],
  'apa-letter-final.txt': [],
  'lac-broken.txt': [
    // "Grade 1 (Good)"
    'grade-label-mismatch@64',
    'grade-out-of-scale@90',
    // Quality of provision (graded on line 97) has no row: reported on the record
    'missing-record-entry@115',
    // Leadership and management: Adequate in the record, Grade 2 (Good) in the body
    'record-grade-mismatch@121',
  ],
};

describe('drafts written independently of the parser, checked against their answer keys', () => {
  const dir = path.join(fixturesDir, 'drafts');
  const drafts = fs.readdirSync(dir).filter((name) => /\.(?:txt|md)$/.test(name) && !name.endsWith('.expected.md') && name !== 'README.md');

  it('has an answer key for every draft, and a draft for every key', () => {
    assert.deepStrictEqual([...drafts].sort(), Object.keys(EXPECTED).sort());
    // one key to a draft: two drafts of one name but their extension would share a key
    const keys = drafts.map((draft) => draft.replace(/\.(?:txt|md)$/, '.expected.md'));
    assert.strictEqual(new Set(keys).size, drafts.length);
    for (const key of keys) assert.ok(fs.existsSync(path.join(dir, key)), key);
  });

  for (const draft of drafts) {
    const expected = EXPECTED[draft] ?? [];
    it(`${draft}: ${expected.length ? `exactly its ${expected.length} deliberate inconsistencies` : 'no problems'}`, () => {
      const { diagnostics } = lint(fs.readFileSync(path.join(dir, draft), 'utf8'));
      // notes (info) are no problems: the CLI calls a report with notes only clean. The only note these drafts
      // get is SIF's "Requires improvement" in a 2015 report, which its key says is the wording of its day.
      const problems = diagnostics.filter((diagnostic) => diagnostic.severity !== 'info');
      assert.deepStrictEqual(
        problems.map((diagnostic) => `${diagnostic.ruleId}@${diagnostic.range.start.line + 1}`),
        expected,
        diagnostics.map((diagnostic) => `${diagnostic.range.start.line + 1}: ${diagnostic.message}`).join('\n'),
      );
      for (const note of diagnostics.filter((diagnostic) => diagnostic.severity === 'info')) {
        assert.strictEqual(note.ruleId, 'outdated-grade-wording', note.message);
        assert.match(note.message, /was the SIF wording when this report was written \(2015\)/);
      }
    });
  }
});
