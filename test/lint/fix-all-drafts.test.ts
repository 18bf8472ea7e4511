import * as assert from 'assert';
import * as fs from 'fs';
import { lint } from '../../server/src/lint/engine';
import { fixAll } from '../../server/src/lint/fix';
import { frameworkFixtures, readSeed, seedNames } from '../helpers/paths';
import { reportsWithTables, rewriteTable, TABLE_STYLES, writeTable } from '../helpers/tables';

/**
 * "Fix all" (the editor's, and `inspection-lint --fix`) on drafts a writer really leaves: a clean report with one
 * edit of the kind reviewers find (a grade changed whole, or only its number or label, a record cell changed, a grade
 * line or a row deleted, the judgement sentence's word changed). Fixing must converge (no problem left that has a default fix) and
 * must never leave more problems of a rule than it found: a fix that only moves a disagreement elsewhere (a label
 * rewritten to match a changed number while the sentence still says what the label said) fails here.
 */
const LABELS = ['Outstanding', 'Good', 'Adequate', 'Inadequate'];
const WORDS = ['outstanding', 'good', 'adequate', 'inadequate'];

/** One writer's edit per draft: [line, replacement], or [line, null] for a deleted line. */
function edits(lines: readonly string[]): [number, string | null][] {
  const found: [number, string | null][] = [];
  lines.forEach((line, index) => {
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
  let tried = 0;
  edits(lines).forEach(([line, replacement], index) => {
    if (index % stride) return;
    const draft = (replacement === null ? [...lines.slice(0, line), ...lines.slice(line + 1)] : [...lines.slice(0, line), replacement, ...lines.slice(line + 1)]).join('\n');
    const before = lint(draft).diagnostics;
    const after = lint(fixAll(draft, (fixing) => lint(fixing).diagnostics, before).text).diagnostics;
    const what = `${name}, line ${line + 1} ${replacement === null ? 'deleted' : `as ${JSON.stringify(replacement.slice(0, 80))}`}`;
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
