import { shortNameOf } from '../../core/frameworks/profile';
import type { Severity } from '../../rules/rule';
import { joinedLines } from './chunks';
import type { Diagnostic } from '../../lint/engine';
import { hasPreferredFix } from '../../lint/fix';
import { printable } from './printable';
import type { FileResult, Formatter } from './types';

const CODES = { red: [31, 39], yellow: [33, 39], blue: [34, 39], dim: [2, 22], bold: [1, 22], underline: [4, 24] } as const;

/** Human-readable output grouped by file, with rule ids, in the manner of ESLint's "stylish". */
export const formatStylish: Formatter = (files, { color }) => joinedLines(stylishLines(files, color));

/** The lines, made one at a time as they are written: a file of a million problems is never all its rows at once. */
function* stylishLines(files: Iterable<FileResult>, color: boolean): Generator<string> {
  const paint = (style: keyof typeof CODES, text: string) => (color ? `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : text);
  const severityText: Record<Severity, string> = { error: paint('red', 'error'), warning: paint('yellow', 'warning'), info: paint('blue', 'info') };
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixable = 0;
  let checked = 0;
  let reports = 0;
  const unchecked: string[] = [];
  for (const file of files) {
    // why is said on stderr as it happens; the summary names them
    if (file.notChecked !== undefined) {
      unchecked.push(printable(file.displayPath));
      continue;
    }
    checked++;
    if (file.framework) reports++;
    const { diagnostics } = file;
    if (!diagnostics.length && !file.notes.length) continue;
    const framework = file.framework ? paint('dim', ` (${printable(shortNameOf(file.framework))})`) : '';
    yield paint('underline', printable(file.displayPath)) + framework;
    for (const note of file.notes) yield `  ${paint('dim', 'note')}  ${printable(note)}`;
    let width = 0;
    let severityWidth = 0;
    for (const diagnostic of diagnostics) {
      width = Math.max(width, placeOf(diagnostic).length);
      severityWidth = Math.max(severityWidth, diagnostic.severity.length);
    }
    for (const diagnostic of diagnostics) {
      const pad = ' '.repeat(severityWidth - diagnostic.severity.length);
      const message = printable(diagnostic.message.replace(/\s+/g, ' '));
      yield `  ${paint('dim', placeOf(diagnostic).padEnd(width))}  ${severityText[diagnostic.severity]}${pad}  ${message}  ${paint('dim', diagnostic.ruleId)}`;
      if (diagnostic.severity === 'error') errors++;
      else if (diagnostic.severity === 'warning') warnings++;
      else infos++;
      if (hasPreferredFix(diagnostic)) fixable++;
    }
    yield '';
  }
  const total = errors + warnings + infos;
  if (unchecked.length) yield paint('red', paint('bold', `✖ ${unchecked.length} file${unchecked.length === 1 ? '' : 's'} not checked: ${listed(unchecked)}`));
  if (total === 0) {
    // with nothing checked there is nothing to be glad of
    if (checked || !unchecked.length) yield paint('bold', `✔ ${checked} file${checked === 1 ? '' : 's'} checked (${reports} recognised as reports): no problems`);
    return;
  }
  if (errors + warnings === 0) {
    // notes alone (an older wording, say) do not make a report fail
    yield paint('bold', `✔ no problems; ${infos} note${infos === 1 ? '' : 's'}`);
  } else {
    const summary = `${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${infos ? `, ${infos} info` : ''})`;
    yield paint(errors ? 'red' : 'yellow', paint('bold', `✖ ${summary}`));
  }
  if (fixable) yield paint('dim', `  ${fixable} can be fixed with --fix (the editor offers a quick fix for more).`);
}

function listed(paths: readonly string[]): string {
  const shown = paths.slice(0, 3).join(', ');
  return paths.length > 3 ? `${shown} and ${paths.length - 3} more` : shown;
}

function placeOf(diagnostic: Diagnostic): string {
  return `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`;
}
