import * as fs from 'fs';
import * as path from 'path';
import { frameworkFixtures, readSeed } from './paths';

/**
 * A report's table of judgements (tab-separated, or Markdown pipes) written again as other tools write tables: the
 * Markdown converters (pandoc's grid, simple and HTML tables), Emacs's Org mode, a web page.
 */
export interface Table {
  /** Index of the table's first line and of the line after its last. */
  from: number;
  to: number;
  header: string[] | null;
  rows: string[][];
  /** The line each row is on. */
  rowLines: number[];
}

/** The table whose rows start at the first line with text at or after `start`. */
export function findTable(lines: readonly string[], start: number): Table {
  let from = start;
  while (from < lines.length && !lines[from]!.trim()) from++;
  let to = from;
  const cellLines: string[][] = [];
  const rowLines: number[] = [];
  let header: string[] | null = null;
  while (to < lines.length) {
    const line = lines[to]!.replace(/\r$/, '');
    if (/^\s*\|/.test(line)) {
      if (/^\s*\|[\s:|-]*$/.test(line)) {
        header = cellLines.pop() ?? null;
        rowLines.pop();
      } else {
        cellLines.push(line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim()));
        rowLines.push(to);
      }
    } else if (line.includes('\t')) {
      cellLines.push(line.split('\t').map((cell) => cell.trim()));
      rowLines.push(to);
    } else break;
    to++;
  }
  if (!cellLines.length) throw new Error(`no table at line ${start}`);
  return { from, to, header, rows: cellLines, rowLines };
}

/** The table's lines replaced by `written`. */
export function rewriteTable(lines: readonly string[], table: Table, written: string[]): string {
  return [...lines.slice(0, table.from), ...written, ...lines.slice(table.to)].join('\n');
}

/** Writes the header and rows; column widths fit `sizing` (the rows, or those of the table a row was taken from). */
type Style = (header: string[], rows: string[][], sizing: string[][]) => string[];

function headerOf(table: Table): string[] {
  if (table.header) return table.header;
  const columns = Math.max(...table.rows.map((row) => row.length));
  return columns === 2 ? ['Judgement', 'Grade'] : Array.from({ length: columns }, (_, index) => (index === columns - 1 ? 'Grade' : ''));
}

function padded(rows: string[][], columns: number): string[][] {
  return rows.map((row) => Array.from({ length: columns }, (_, index) => row[index] ?? ''));
}

/** Words of a cell over lines of at most `width` characters (a longer word has a line of its own). */
function wrapped(cell: string, width: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of cell.split(/\s+/).filter(Boolean)) {
    if (current && current.length + 1 + word.length > width) {
      out.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  return [...out, current];
}

/** pandoc's grid table; with `wrapAt`, cells wider than that run over several lines of their row. */
function grid(wrapAt?: number): Style {
  return (header, rows, sizing) => {
    const all = [header, ...sizing];
    const widths = header.map((_, column) => Math.max(3, ...all.map((row) => Math.min(wrapAt ?? Infinity, row[column]!.length))));
    const border = (fill: string) => `+${widths.map((width) => fill.repeat(width + 2)).join('+')}+`;
    const rowLines = (row: string[]) => {
      const cells = row.map((cell, column) => wrapped(cell, wrapAt ?? widths[column]!));
      const height = Math.max(...cells.map((lines) => lines.length));
      return Array.from({ length: height }, (_, line) => `| ${cells.map((lines, column) => (lines[line] ?? '').padEnd(widths[column]!)).join(' | ')} |`);
    };
    return [border('-'), ...rowLines(header), border('='), ...rows.flatMap((row) => [...rowLines(row), border('-')])];
  };
}

/** pandoc's simple table: columns aligned with spaces under a header and a rule of dashes. */
const simple: Style = (header, rows, sizing) => {
  const all = [header, ...sizing];
  const widths = header.map((_, column) => Math.max(3, ...all.map((row) => row[column]!.length)));
  const line = (row: string[]) => `  ${row.map((cell, column) => cell.padEnd(widths[column]!)).join('   ')}`.trimEnd();
  return [line(header), `  ${widths.map((width) => '-'.repeat(width)).join('   ')}`, ...rows.map(line), ''];
};

/**
 * pandoc's multiline table, as it writes a table whose cells do not fit on a line: a rule above the header and one
 * below the table, columns marked by the dashes under the header, each cell wrapped within its column, a blank line
 * between rows.
 */
function multiline(wrapAt: number): Style {
  return (header, rows, sizing) => {
    const all = [header, ...sizing];
    const longestWord = (cell: string) => Math.max(0, ...cell.split(/\s+/).map((word) => word.length));
    const widths = header.map((_, column) => Math.max(3, ...all.map((row) => Math.max(Math.min(wrapAt, row[column]!.length), longestWord(row[column]!)))));
    const total = widths.reduce((sum, width) => sum + width + 1, -1);
    const rowLines = (row: string[]) => {
      const cells = row.map((cell, column) => wrapped(cell, widths[column]!));
      const height = Math.max(...cells.map((lines) => lines.length));
      return Array.from({ length: height }, (_, line) => `  ${cells.map((lines, column) => (lines[line] ?? '').padEnd(widths[column]!)).join(' ')}`.trimEnd());
    };
    return [
      `  ${'-'.repeat(total)}`,
      ...rowLines(header),
      `  ${widths.map((width) => '-'.repeat(width)).join(' ')}`,
      ...rows.flatMap((row, index) => [...(index ? [''] : []), ...rowLines(row)]),
      `  ${'-'.repeat(total)}`,
      '',
    ];
  };
}

/** Emacs Org mode: pipes, with a rule of "|---+---|" under the header. */
const org: Style = (header, rows, sizing) => {
  const all = [header, ...sizing];
  const widths = header.map((_, column) => Math.max(3, ...all.map((row) => row[column]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('+')}|`, ...rows.map(line)];
};

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An HTML table as a web page or a Markdown editor writes it: one row to a line. */
const htmlRows: Style = (header, rows) => [
  '<table>',
  `<tr>${header.map((cell) => `<th>${escapeHtml(cell)}</th>`).join('')}</tr>`,
  ...rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`),
  '</table>',
];

/** An HTML table as pandoc writes one into Markdown: one cell to a line, with column widths, head and body. */
const htmlPandoc: Style = (header, rows) => [
  '<table>',
  '<colgroup>',
  ...header.map(() => `<col style="width: ${Math.floor(100 / header.length)}%" />`),
  '</colgroup>',
  '<thead>',
  '<tr class="header">',
  ...header.map((cell) => `<th>${escapeHtml(cell)}</th>`),
  '</tr>',
  '</thead>',
  '<tbody>',
  ...rows.flatMap((row, index) => [`<tr class="${index % 2 ? 'even' : 'odd'}">`, ...row.map((cell) => `<td>${escapeHtml(cell)}</td>`), '</tr>']),
  '</tbody>',
  '</table>',
];

/** Pipes, the columns aligned and the header's rule giving each column's alignment, as table formatters leave them. */
const pipe: Style = (header, rows, sizing) => {
  const all = [header, ...sizing];
  const widths = header.map((_, column) => Math.max(3, ...all.map((row) => row[column]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  const rule = widths.map((width, column) => (column === widths.length - 1 ? `:${'-'.repeat(width)}:` : `:${'-'.repeat(width + 1)}`));
  return [line(header), `|${rule.join('|')}|`, ...rows.map(line)];
};

/**
 * A table as pdftotext's layout mode extracts it from a PDF whose cells are top-aligned: columns set apart by spaces,
 * a title too wide for its column wrapped onto the lines below its row's first, where the other cells are empty.
 */
function layout(wrapAt: number): Style {
  return (header, rows, sizing) => {
    const titleColumn = header.length - 2;
    const all = [header, ...sizing];
    const widths = header.map((_, column) => Math.max(3, ...all.map((row) => (column === titleColumn ? Math.min(wrapAt, row[column]!.length) : row[column]!.length))));
    const start = (column: number) => widths.slice(0, column).reduce((sum, width) => sum + width + 3, 0);
    const rowLines = (row: string[]) => {
      const pieces = row.map((cell, column) => (column === titleColumn ? wrapped(cell, widths[column]!) : [cell]));
      const height = Math.max(...pieces.map((lines) => lines.length));
      return Array.from({ length: height }, (_, line) => pieces.reduce((text, lines, column) => (lines[line] ? text.padEnd(start(column)) + lines[line] : text), '').trimEnd());
    };
    return [...rowLines(header), '', ...rows.flatMap(rowLines)];
  };
}

export const TABLE_STYLES: Record<string, Style> = {
  'a Markdown pipe table, its columns aligned': pipe,
  "pandoc's grid table": grid(),
  "pandoc's grid table, titles wrapped in their cells": grid(24),
  "pandoc's simple table": simple,
  "pandoc's multiline table, titles wrapped in their columns": multiline(30),
  'an Org mode table': org,
  'an HTML table, a row to a line': htmlRows,
  "an HTML table as pandoc writes it, a cell to a line": htmlPandoc,
  "pdftotext's layout, titles wrapped below their grade": layout(40),
};

/** The table written in `style`, its columns as wide as `sizedLike`'s would be (by default its own). */
export function writeTable(table: Table, style: Style, sizedLike: Table = table): string[] {
  const header = headerOf(sizedLike);
  return style(header, padded(table.rows, header.length), padded(sizedLike.rows, header.length));
}

/** Clean reports with a table of judgements: the record of main findings, or a summary table in the body. */
export function reportsWithTables(): { name: string; text: string; table: Table }[] {
  const fixture = (framework: string, file: string) => fs.readFileSync(frameworkFixtures().find((found) => found.framework === framework && path.basename(found.file) === file)!.file, 'utf8');
  const recordStart = (lines: string[]) => lines.length - [...lines].reverse().findIndex((line) => line.startsWith('Record of main findings'));
  const bodyTableStart = (lines: string[]) => lines.findIndex((line) => line.startsWith('|'));
  return [
    { name: 'slac-2011-rutland (the record)', text: readSeed('slac-2011-rutland'), start: recordStart },
    { name: 'lac-2013/clean.txt (the record)', text: fixture('lac-2013', 'clean.txt'), start: recordStart },
    { name: 'ilacs/clean.md (the summary table)', text: fixture('ilacs', 'clean.md'), start: bodyTableStart },
    { name: 'sif/clean.md (the numbered summary table)', text: fixture('sif', 'clean.md'), start: bodyTableStart },
  ].map(({ name, text, start }) => {
    const lines = text.split('\n');
    return { name, text, table: findTable(lines, start(lines)) };
  });
}
