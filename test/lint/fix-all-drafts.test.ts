import * as assert from 'assert';
import * as fs from 'fs';
import { lint } from '../../server/src/lint/engine';
import { fixAll } from '../../server/src/lint/fix';
import { frameworkFixtures, readSeed, seedNames } from '../helpers/paths';
import { reportsWithTables, rewriteTable, TABLE_STYLES, writeTable } from '../helpers/tables';

/**
 * "Fix all" (the editor's, and `inspection-lint --fix`) on drafts a writer really leaves: a clean report with one
 * edit of the kind reviewers find (a grade changed whole, or only its number or label, a record cell changed, a grade
 * line or a row deleted, the judgement sentence's word changed, a letter dropped from a judgement's heading). Fixing must converge (no problem left that has a default fix) and
 * must never leave more problems of a rule than it found: a fix that only moves a disagreement elsewhere (a label
 * rewritten to match a changed number while the sentence still says what the label said) fails here.
 */
const LABELS = ['Outstanding', 'Good', 'Adequate', 'Inadequate'];
const WORDS = ['outstanding', 'good', 'adequate', 'inadequate'];

/** One writer's edit per draft: [line, replacement], or [line, null] for a deleted line. */
function edits(lines: readonly string[], headings: ReadonlySet<number>): [number, string | null, 'typo'?][] {
  const found: [number, string | null, 'typo'?][] = [];
  lines.forEach((line, index) => {
    // a judgement's heading mistyped: a letter dropped from its longest word
    if (headings.has(index)) {
      const longest = (line.match(/[A-Za-z]{6,}/g) ?? []).sort((a, b) => b.length - a.length)[0];
      if (longest) found.push([index, line.replace(longest, longest.slice(0, 3) + longest.slice(4)), 'typo']);
    }
    if (line.length > 160) {
      // a judgement sentence's word
      for (const word of WORDS) {
        const said = new RegExp(`\\b(is|are) ${word}\\b`);
        if (said.test(line)) found.push([index, line.replace(said, `$1 ${WORDS[(WORDS.indexOf(word) + 1) % WORDS.length]}`)]);
      }
      return;
    }
    // a grade changed whole ("Grade 3 (Adequate)" for "Grade 2 (Good)"), as another section of the report writes one
    if (/^Grade [1-4] \(/.test(line)) {
      const other = lines.find((candidate) => /^Grade [1-4] \(/.test(candidate) && candidate !== line);
      if (other) found.push([index, other]);
    }
    const number = /^(\s*(?:\*\*)?Grade )([1-4])\b/.exec(line);
    if (number) found.push([index, line.replace(/Grade [1-4]/, `Grade ${number[2] === '1' ? 2 : Number(number[2]) - 1}`)]);
    for (const label of LABELS) {
      const written = new RegExp(`\\b${label}\\b`);
      if (written.test(line)) found.push([index, line.replace(written, LABELS[(LABELS.indexOf(label) + 1) % LABELS.length]!)]);
    }
    if (number || LABELS.some((label) => line.includes(label))) found.push([index, null]);
  });
  return found;
}

const count = (problems: readonly { ruleId: string }[]) => {
  const counts = new Map<string, number>();
  for (const problem of problems) counts.set(problem.ruleId, (counts.get(problem.ruleId) ?? 0) + 1);
  return counts;
};

function checkDrafts(name: string, text: string, stride: number): number {
  const lines = text.split('\n');
  const { report } = lint(text);
  // headings that are their title alone on their line (not a statement, nor a title with its grade)
  const headings = new Set(
    report.judgementSections
      .filter((section) => section.heading.range.start.line === section.heading.range.end.line && lines[section.heading.range.start.line]!.trim() === section.heading.text && section.judgement?.grade?.range.start.line !== section.heading.range.start.line)
      .map((section) => section.heading.range.start.line),
  );
  // the headings whose judgement the record lists under the framework's own title
  const rowTitles = new Set(report.record?.rows.map((row) => row.title.text) ?? []);
  const recorded = new Set([...headings].filter((line) => report.judgementSections.some((section) => section.heading.range.start.line === line && section.judgement?.definition && rowTitles.has(section.judgement.definition.title))));
  let tried = 0;
  edits(lines, headings).forEach(([line, replacement, kind], index) => {
    if (index % stride) return;
    const draft = (replacement === null ? [...lines.slice(0, line), ...lines.slice(line + 1)] : [...lines.slice(0, line), replacement, ...lines.slice(line + 1)]).join('\n');
    const before = lint(draft).diagnostics;
    const fixed = fixAll(draft, (fixing) => lint(fixing).diagnostics, before).text;
    const after = lint(fixed).diagnostics;
    const what = `${name}, line ${line + 1} ${replacement === null ? 'deleted' : `as ${JSON.stringify(replacement.slice(0, 80))}`}`;
    // a heading mistyped, its row in the record as the framework writes it: fix all puts the heading back as it was
    if (kind === 'typo' && recorded.has(line)) assert.strictEqual(fixed, text, `${what}: fix all did not put the heading back`);
    const unfixed = after.filter((problem) => problem.fixes.some((fix) => fix.preferred));
    assert.deepStrictEqual(unfixed.map((problem) => `${problem.ruleId}: ${problem.message}`), [], `${what}: fix all left problems it could fix`);
    const was = count(before);
    for (const [ruleId, now] of count(after)) assert.ok(now <= (was.get(ruleId) ?? 0), `${what}: fix all left ${now} ${ruleId} problems, from ${was.get(ruleId) ?? 0}`);
    tried++;
  });
  return tried;
}

describe('fix all on drafts a writer leaves: one edit to a clean report', function () {
  this.timeout(60_000);
  const clean = [
    ...seedNames().map((name) => ({ name, text: readSeed(name) })),
    ...frameworkFixtures()
      .filter((fixture) => fixture.name.startsWith('clean'))
      .map((fixture) => ({ name: `${fixture.framework}/${fixture.name}`, text: fs.readFileSync(fixture.file, 'utf8') })),
  ];
  for (const { name, text } of clean) {
    it(`${name}: converges, and leaves no rule more problems than it found`, () => {
      assert.ok(checkDrafts(name, text, 1) > 0, 'no draft made');
    });
  }

  it('the reports with their tables in every style, every third draft', () => {
    let tried = 0;
    for (const { name, text, table } of reportsWithTables()) {
      for (const [style, write] of Object.entries(TABLE_STYLES)) tried += checkDrafts(`${name} as ${style}`, rewriteTable(text.split('\n'), table, writeTable(table, write)), 3);
    }
    assert.ok(tried > 300, `only ${tried} drafts`);
  });
});

describe('fix all on a record row whose title was mistyped, in every table style', () => {
  it('writes the title back as the framework writes it, the table as it was', () => {
    for (const { name, text, table } of reportsWithTables()) {
      // the shortest title, which no style wraps: a wrapped title mistyped no longer reads as one title
      const shortest = table.rows.map((row) => row.find((cell) => /[a-z]{4}/.test(cell)) ?? '').filter(Boolean).sort((a, b) => a.length - b.length)[0]!;
      const word = shortest.match(/[A-Za-z]{6,}/)![0];
      const mistyped = `${word.slice(0, 2)}x${word.slice(3)}`;
      for (const [style, write] of Object.entries(TABLE_STYLES)) {
        const clean = rewriteTable(text.split('\n'), table, writeTable(table, write));
        const lines = clean.split('\n');
        const at = lines.findIndex((line, index) => index >= table.from && line.includes(shortest.split(' ')[0]!) && line.includes(word));
        assert.ok(at >= 0, `${name} as ${style}: "${shortest}" not found`);
        lines[at] = lines[at]!.replace(word, mistyped);
        const draft = lines.join('\n');
        const fixed = fixAll(draft, (fixing) => lint(fixing).diagnostics, lint(draft).diagnostics).text;
        assert.strictEqual(fixed, clean, `${name} as ${style}: "${mistyped}" was not written back`);
      }
    }
  });
});
