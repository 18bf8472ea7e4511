import * as fs from 'fs';
import { UsageError } from './files';

/**
 * The output file must not be a file the run reads: it is emptied when opened for the output, before it is read, and
 * its text would be lost. A report named on the command line (`-o draft.txt draft.txt`) or a configuration file in
 * use is refused; one found in a folder or by a glob (last run's `-o results.txt` in the folder checked) is left out
 * of the files to check, since the user named it as the output. The same file under another name (a link) counts.
 * Returns the files to check.
 */
export function checkOutputTarget(
  outputFile: string,
  reports: readonly string[],
  named: ReadonlySet<string>,
  configurations: readonly string[],
  shown: (file: string) => string,
): readonly string[] {
  const target = statOf(outputFile);
  // not there yet, or not a file (a terminal, /dev/null): nothing to lose
  if (!target?.isFile()) return reports;
  const isTarget = (file: string) => {
    const stats = statOf(file);
    if (!stats) return false;
    // some file systems give no inode numbers: then the resolved paths decide
    if (!target.ino && !stats.ino) return realPath(file) === realPath(outputFile);
    return stats.dev === target.dev && stats.ino === target.ino;
  };
  const configuration = configurations.find(isTarget);
  if (configuration !== undefined) {
    throw new UsageError(`--output-file ${shown(outputFile)} is the configuration file in use (${shown(configuration)}): the output would replace it. Write the output to another file.`);
  }
  const sameFile = reports.filter(isTarget);
  // the output file itself, found in a folder, is left out; named, or under another name too, it is refused
  const namedOne = sameFile.find((report) => named.has(report) || report !== outputFile || target.nlink > 1);
  if (namedOne !== undefined) {
    const which = shown(namedOne) === shown(outputFile) ? 'one of the files to check' : `the file ${shown(namedOne)}, one of the files to check`;
    throw new UsageError(`--output-file ${shown(outputFile)} is ${which}: the output would replace its text. Write the output to another file.`);
  }
  return sameFile.length ? reports.filter((report) => !sameFile.includes(report)) : reports;
}

function statOf(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}
