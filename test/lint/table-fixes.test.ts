import * as assert from 'assert';
import { lint } from '../../server/src/lint/engine';
import { applyEdits } from '../helpers/edits';
import { reportsWithTables, rewriteTable, TABLE_STYLES, writeTable, type Table } from '../helpers/tables';

/**
 * Quick fixes that write into a table of judgements keep the table as its writer laid it out: a corrected grade fills
 * its cell (padded, or over a grid cell's lines), a row put back takes the shape of the rows beside it.
 */
/** The problems of a text, by rule and message (the lines of a table's rows move as rows are added). */
const problemsOf = (text: string) => lint(text).diagnostics.map((diagnostic) => `${diagnostic.ruleId}: ${diagnostic.message.replace(/\(line \d+\)/g, '')}`).sort();

/** The text with the first missing-record-entry fix applied; null when nothing is missing. */
function putBack(text: string): string | null {
  const problem = lint(text).diagnostics.find((diagnostic) => diagnostic.ruleId === 'missing-record-entry');
  return problem ? applyEdits(text, problem.fixes[0]!.edits) : null;
}

/**
 * The lines the fix added (those the clean text does not have) are set out in the table's columns: their pipes (or
 * a simple table's last column) where the table's first line has them, up to a cell whose text is wider than its
 * column; and a grid table's every line lines up with its borders.
 */
function assertAligned(fixed: string, clean: string, what: string): void {
  const cleanLines = new Set(clean.split('\n'));
  const lines = fixed.split('\n');
  const added = lines.filter((line) => !cleanLines.has(line));
  const template = lines.find((line) => /^\s*[|+]/.test(line) || /^ {2}\S.*\S {3,}\S/.test(line))!;
  const marks = (line: string) => [...line].flatMap((character, at) => (character === '|' || character === '+' ? [at] : []));
  for (const line of added) {
    if (/^\s*[|+]/.test(line)) {
      const want = marks(template);
      const got = marks(line);
      for (let column = 0; column < want.length; column++) {
        if (got[column] === want[column]) continue;
        const previous = column > 0 ? line.slice(got[column - 1]! + 1, got[column]).trim() : '';
        assert.ok(column > 0 && previous.length > want[column]! - want[column - 1]! - 3, `${what}: out of line: ${JSON.stringify(line)} under ${JSON.stringify(template)}`);
        break;
      }
    } else if (/^ {2}\S/.test(line)) {
      const rule = lines.find((candidate) => /^ {2}-{3,} +-{3,}/.test(candidate))!;
      const lastColumn = rule.lastIndexOf(' ') + 1;
      const cell = /\S+(?: \S+)*$/.exec(line)!;
      if (line.slice(0, cell.index).trim().length < lastColumn - 3) assert.strictEqual(cell.index, lastColumn, `${what}: out of line: ${JSON.stringify(line)}`);
    }
  }
}

describe('quick fixes keep the layout of a table of judgements', () => {
  for (const { name, text, table } of reportsWithTables()) {
    const lines = text.split('\n');
    const graded = table.rows.map((row, index) => ({ row, index })).filter(({ row }) => row.length >= 2 && row[row.length - 1]);
    const gradesInTable = [...new Set(graded.map(({ row }) => row[row.length - 1]!))];
    const longest = Math.max(...gradesInTable.map((grade) => grade.length));
    const withRows = (rows: string[][]): Table => ({ ...table, rows });

    for (const [style, write] of Object.entries(TABLE_STYLES)) {
      const clean = rewriteTable(lines, table, writeTable(table, write));

      it(`${name}, ${style}: a record grade changed by mistake is changed back, the table as it was`, () => {
        let tried = 0;
        for (const { row, index } of graded) {
          const grade = row[row.length - 1]!;
          // another grade of the table, no wider than the column already is
          const other = gradesInTable.find((candidate) => candidate !== grade && candidate.length <= longest);
          if (!other) continue;
          const rows = table.rows.map((cells, at) => (at === index ? [...cells.slice(0, -1), other] : cells));
          const mistaken = rewriteTable(lines, table, writeTable(withRows(rows), write, table));
          const problem = lint(mistaken).diagnostics.find((diagnostic) => diagnostic.ruleId === 'record-grade-mismatch');
          if (!problem) continue;
          tried++;
          assert.strictEqual(applyEdits(mistaken, problem.fixes[0]!.edits), clean, `${row.join(' | ')} as ${other}`);
        }
        assert.ok(tried >= 3, `only ${tried} rows tried`);
      });

      it(`${name}, ${style}: a record row left out is put back in the shape of the rows beside it`, () => {
        let tried = 0;
        for (const { row, index } of graded) {
          const rows = table.rows.filter((_, at) => at !== index);
          const without = rewriteTable(lines, table, writeTable(withRows(rows), write, table));
          const fixed = putBack(without);
          if (fixed === null) continue;
          tried++;
          // the row goes where, and reads as, it does in the report's own table
          const reference = putBack(lines.filter((_, at) => at !== table.rowLines[index]).join('\n'));
          assert.ok(reference !== null);
          assert.deepStrictEqual(problemsOf(fixed), problemsOf(reference), row.join(' | '));
          assertAligned(fixed, clean, row.join(' | '));
        }
        assert.ok(tried >= 3, `only ${tried} rows tried`);
      });
    }
  }
});

describe('quick fixes on a table whose rows were moved about', () => {
  it('adds a row where the table is read, not by the dashes of a table above the one the parser read (a multiline table\'s header swapped into its body)', () => {
    const { text, table } = reportsWithTables().find((report) => report.name.startsWith('sif/'))!;
    const lines = text.split('\n');
    const written = writeTable(table, TABLE_STYLES["pandoc's multiline table, titles wrapped in their columns"]!);
    const header = written.findIndex((line) => /Judgement/.test(line));
    const row = written.findIndex((line) => /Adoption performance/.test(line));
    [written[header], written[row]] = [written[row]!, written[header]!];
    const swapped = rewriteTable(lines, table, written);
    const problems = lint(swapped).diagnostics.filter((diagnostic) => diagnostic.ruleId === 'missing-record-entry');
    assert.ok(problems.length > 0);
    for (const problem of problems) {
      const fixed = applyEdits(swapped, problem.fixes[0]!.edits);
      assert.ok(!lint(fixed).diagnostics.some((other) => other.ruleId === 'missing-record-entry' && other.message === problem.message), problem.message);
    }
  });
});

describe('quick fixes on a grid table left open', () => {
  it('closes the row left open with a border before the row it adds under it, so that the new row is a row of its own', () => {
    const section = (title: string, grade: string, paragraph: string) => [title, '', grade, '', paragraph, ''];
    const lines = [
      'Inspection of safeguarding and looked after children services',
      '',
      'Safeguarding services',
      '',
      ...section('Overall effectiveness', 'Grade 3 (Adequate)', '1. The overall effectiveness of safeguarding services is adequate.'),
      'Services for looked after children',
      '',
      ...section('Overall effectiveness', 'Grade 2 (Good)', '2. The overall effectiveness of services for looked after children is good.'),
      'Record of main findings',
      '',
      '+------------------------------------+-------------+',
      '| Safeguarding services              |             |',
      '+------------------------------------+-------------+',
      '| Overall effectiveness              | Adequate    |',
      '+------------------------------------+-------------+',
      '| Services for looked after children |             |',
    ];
    const text = lines.join('\n');
    const problem = lint(text).diagnostics.find((diagnostic) => diagnostic.ruleId === 'missing-record-entry');
    assert.ok(problem?.fixes[0], 'no fix offered');
    const fixed = applyEdits(text, problem.fixes[0].edits);
    assert.deepStrictEqual(fixed.split('\n').slice(lines.length - 1), [
      '| Services for looked after children |             |',
      '+------------------------------------+-------------+',
      '| Overall effectiveness              | Good        |',
      '+------------------------------------+-------------+',
    ]);
    assert.deepStrictEqual(problemsOf(fixed), []);
  });
});
