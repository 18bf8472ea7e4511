import { joinedLines } from './chunks';
import { printable } from './printable';
import type { FileResult, Formatter } from './types';

// the log shows what the runner does not take as a command: escapes and colours in a report's text stay text
const escapeData = (text: string) => printable(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands: each problem becomes an annotation on the file. */
export const formatGithub: Formatter = (files) => joinedLines(annotations(files));

function* annotations(files: Iterable<FileResult>): Generator<string> {
  for (const { displayPath, diagnostics, notChecked } of files) {
    if (notChecked !== undefined) yield `::error file=${escapeProperty(displayPath)},title=not checked::${escapeData(notChecked)}`;
    for (const diagnostic of diagnostics) {
      const command = diagnostic.severity === 'error' ? 'error' : diagnostic.severity === 'warning' ? 'warning' : 'notice';
      const { start, end } = diagnostic.range;
      const properties = [
        `file=${escapeProperty(displayPath)}`,
        `line=${start.line + 1}`,
        `col=${start.character + 1}`,
        `endLine=${end.line + 1}`,
        `endColumn=${end.character + 1}`,
        `title=${escapeProperty(diagnostic.ruleId)}`,
      ];
      yield `::${command} ${properties.join(',')}::${escapeData(diagnostic.message)}`;
    }
  }
}
