import { shortNameOf } from '../../core/frameworks/profile';
import type { Severity } from '../../rules/rule';
import { joinedLines } from './chunks';
import type { Formatter } from './types';

const CODES = { red: [31, 39], yellow: [33, 39], blue: [34, 39], dim: [2, 22], bold: [1, 22], underline: [4, 24] } as const;

/** Human-readable output grouped by file, with rule ids, in the manner of ESLint's "stylish". */
export const formatStylish: Formatter = (files, { color }) => {
  const paint = (style: keyof typeof CODES, text: string) => (color ? `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : text);
  const severityText: Record<Severity, string> = { error: paint('red', 'error'), warning: paint('yellow', 'warning'), info: paint('blue', 'info') };
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixable = 0;
  for (const file of files) {
    const { diagnostics } = file;
    if (!diagnostics.length && !file.notes.length) continue;
    const framework = file.framework ? paint('dim', ` (${shortNameOf(file.framework)})`) : '';
    out.push(paint('underline', file.displayPath) + framework);
    for (const note of file.notes) out.push(`  ${paint('dim', 'note')}  ${note}`);
    const rows = diagnostics.map((diagnostic) => [
      `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`,
      diagnostic.severity,
      diagnostic.message.replace(/\s+/g, ' '),
      diagnostic.ruleId,
    ]);
    // a loop, not Math.max(...rows): a spread of a hundred thousand arguments overflows the stack
    let width = 0;
    let severityWidth = 0;
    for (const row of rows) {
      width = Math.max(width, (row[0] as string).length);
      severityWidth = Math.max(severityWidth, (row[1] as string).length);
    }
    for (const [where, severity, message, rule] of rows) {
      const pad = ' '.repeat(severityWidth - (severity as string).length);
      out.push(`  ${paint('dim', (where as string).padEnd(width))}  ${severityText[severity as Severity]}${pad}  ${message}  ${paint('dim', rule as string)}`);
    }
    for (const diagnostic of diagnostics) {
      if (diagnostic.severity === 'error') errors++;
      else if (diagnostic.severity === 'warning') warnings++;
      else infos++;
      if (diagnostic.fixes.some((fix) => fix.preferred)) fixable++;
    }
    out.push('');
  }
  const total = errors + warnings + infos;
  if (total === 0) {
    const reports = files.filter((file) => file.framework).length;
    out.push(paint('bold', `✔ ${files.length} file${files.length === 1 ? '' : 's'} checked (${reports} recognised as reports): no problems`));
  } else {
    if (errors + warnings === 0) {
      // notes alone (an older wording, say) do not make a report fail
      out.push(paint('bold', `✔ no problems; ${infos} note${infos === 1 ? '' : 's'}`));
    } else {
      const summary = `${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${infos ? `, ${infos} info` : ''})`;
      out.push(paint(errors ? 'red' : 'yellow', paint('bold', `✖ ${summary}`)));
    }
    if (fixable) out.push(paint('dim', `  ${fixable} can be fixed with --fix (the editor offers a quick fix for more).`));
  }
  return joinedLines(out);
};
