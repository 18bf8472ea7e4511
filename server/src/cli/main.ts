import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { ConfigResolver, defaultConfig, frameworkFor, readConfigFile, type ConfigFile } from '../config/discover';
import { builtinFrameworks } from '../core/frameworks/builtin';
import { splitLines } from '../core/text';
import { lint, lintLines, type LintOptions, type LintResult } from '../lint/engine';
import { fixAll, hasPreferredFix } from '../lint/fix';
import { allRules } from '../rules';
import { ruleDocsUrl } from '../rules/docs';
import { VERSION } from '../version';
import { expandInputs, MAX_TEXT_BYTES, parseSize, readReport, readReportBytes, readUpTo, UsageError, type ReadFile } from './files';
import { formatGithub } from './formats/github';
import { LinedText } from './formats/eslint-fix';
import { formatJson } from './formats/json';
import { formatModel } from './formats/model';
import { formatSarif } from './formats/sarif';
import { printable } from './formats/printable';
import { formatStylish } from './formats/stylish';
import type { FileResult, Formatter } from './formats/types';
import { BatchedWriter, writeChunks, writeChunksToFile } from './output';
import { checkOutputTarget } from './output-target';
import { ChangedSinceRead, writeBack, WrittenPartway, type FileStamp } from './write-back';

const FORMATS: Record<string, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  model: formatModel,
};

export const USAGE = `Usage: inspection-lint [options] FILE|FOLDER|GLOB...
       inspection-lint [options] - [--stdin-filename NAME]
       inspection-lint rules [--format text|json]

Checks inspection reports: every grade against its judgement sentence, the framework's scale
and the record of main findings.

Options:
  -f, --format NAME          stylish (default), json, sarif, github or model
      --framework ID         read the files as this framework (a directive in a file still wins)
  -c, --config FILE          use this configuration instead of the nearest .inspection-lint.json
      --no-config            use no configuration file
      --fix                  apply the preferred fixes to the files, then report what is left
      --max-warnings N       fail (exit 1) when there are more than N warnings
      --stdin-filename NAME  with - (a report read from standard input): the name it is shown as, and
                             the file its configuration and framework globs are found for
      --max-file-size SIZE   files larger than this are not checked (exit 2): bytes, or with KB, MB
                             or GB (of 1024); default 16MB, as the editor's inspectionReport.maxFileSize
  -o, --output-file FILE     write the output to FILE
      --color, --no-color    force colours on or off
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 usage, file or configuration error
(a file that cannot be read is said on stderr, and the other files are still checked).`;

/** The editor's default inspectionReport.maxFileSize: bytes, as there (known here before reading). */
const DEFAULT_MAX_FILE_SIZE = 16 * 1024 * 1024;

export interface Io {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** Standard input (`-`), read whole, or past `maxBytes` only as far as needed to tell it is larger. */
  readStdin?: (maxBytes: number) => Promise<Buffer>;
  /** How --fix writes a file back (writeBack unless a test says otherwise). */
  writeFile?: (filePath: string, text: string, before?: FileStamp) => void;
}

export async function main(argv: readonly string[], given: Io): Promise<number> {
  // what is said on stderr quotes paths, configuration keys and reports: their control characters are shown, not obeyed
  const io: Io = { ...given, stderr: (text) => given.stderr(printable(text)) };
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`inspection-lint: ${error.message}\n`);
      return 2;
    }
    io.stderr(`inspection-lint: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}

async function run(argv: readonly string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        framework: { type: 'string' },
        config: { type: 'string', short: 'c' },
        'no-config': { type: 'boolean' },
        fix: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        'max-file-size': { type: 'string' },
        'stdin-filename': { type: 'string' },
        'output-file': { type: 'string', short: 'o' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  if (values.version) {
    io.stdout(VERSION + '\n');
    return 0;
  }
  if (positionals[0] === 'rules') return listRules(values.format ?? 'text', io);

  const formatName = values.format ?? 'stylish';
  const format = FORMATS[formatName];
  if (!format) throw new UsageError(`Unknown format "${formatName}". Formats: ${Object.keys(FORMATS).join(', ')}`);
  if (!positionals.length) throw new UsageError(`No files given.\n\n${USAGE}`);
  const fromStdin = positionals.includes('-');
  if (fromStdin && positionals.length > 1) throw new UsageError('- (a report from standard input) is checked alone: give no other files with it');
  if (fromStdin && values.fix) throw new UsageError('--fix writes fixes back to files, and standard input is not one: fix the file itself');
  if (values['stdin-filename'] !== undefined && !fromStdin) throw new UsageError('--stdin-filename names standard input: give - as the file to read it');
  const maxFileSize = values['max-file-size'] === undefined ? DEFAULT_MAX_FILE_SIZE : parseSize(values['max-file-size']);
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings needs a whole number, 0 or more');
  }

  const resolver = new ConfigResolver();
  let fixedConfig: ConfigFile | null = null;
  if (values['no-config']) fixedConfig = defaultConfig();
  else if (values.config) {
    const file = path.resolve(io.cwd, values.config);
    if (!fs.existsSync(file)) throw new UsageError(`No such configuration file: ${values.config}`);
    fixedConfig = readConfigFile(file);
  }
  const stdinName = values['stdin-filename'] || '<stdin>';
  const stdinPath = path.resolve(io.cwd, stdinName);
  const stdinBytes = fromStdin ? await (io.readStdin ?? readProcessStdin)(Math.min(maxFileSize, MAX_TEXT_BYTES)) : null;
  const explicit = new Set(
    fromStdin ? [stdinPath] : positionals.filter((input) => fs.existsSync(path.resolve(io.cwd, input)) && fs.statSync(path.resolve(io.cwd, input)).isFile()).map((input) => path.resolve(io.cwd, input)),
  );
  const found = fromStdin ? [stdinPath] : await expandInputs(positionals, io.cwd);
  const outputFile = values['output-file'] ? path.resolve(io.cwd, values['output-file']) : null;
  const configOf = (filePath: string) => fixedConfig ?? resolver.forDocument(filePath);
  const configFiles = () => [...new Set(found.map((filePath) => configOf(filePath).file).filter((file): file is string => Boolean(file)))];
  const files = outputFile ? checkOutputTarget(outputFile, found, explicit, configFiles(), (file) => path.relative(io.cwd, file) || file) : found;
  if (values.framework) {
    // a custom framework may come from the configuration of any of the files
    const registries = fixedConfig ? [fixedConfig.registry] : [builtinFrameworks(), ...files.map((file) => resolver.forDocument(file).registry)];
    if (!registries.some((registry) => registry.get(values.framework as string))) {
      const ids = [...new Set(registries.flatMap((registry) => registry.ids()))];
      throw new UsageError(`Unknown framework "${values.framework}". Frameworks: ${ids.join(', ')}`);
    }
  }
  const configs = files.map(configOf);
  const configsWithProblems = new Set(configs.filter((config) => config.problems.length));
  for (const config of configsWithProblems) {
    const shown = config.file ? path.relative(io.cwd, config.file) || config.file : 'configuration';
    for (const problem of config.problems) {
      const kind = problem.severity === 'warning' ? 'warning: ' : '';
      io.stderr(`${shown}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${kind}${problem.message}\n`);
    }
  }

  const stdoutWriter = new BatchedWriter(io.stdout);
  /** A message while the output is written follows the output so far, as a terminal showing both should show them. */
  const sayInTurn = (text: string) => {
    stdoutWriter.flush();
    io.stderr(text);
  };

  /** For JSON, which gives fixes as offsets: the text of a report with fixes, by its lines and line breaks. */
  const linedText = (read: Pick<ReadFile, 'lines' | 'text' | 'search'>, result: LintResult): LinedText | undefined => {
    if (formatName !== 'json' || !result.diagnostics.some((diagnostic) => diagnostic.fixes.length)) return undefined;
    const whole = read.text ?? read.search?.text;
    return whole === undefined ? undefined : LinedText.of(whole, read.lines);
  };

  /** Files not checked, or not written back by --fix. */
  let failures = 0;
  const lintFile = (filePath: string, displayPath: string, read: ReadFile, config: ConfigFile): FileResult => {
    const framework = values.framework ?? frameworkFor(config, filePath);
    const options: LintOptions = {
      registry: config.registry,
      rules: config.config.rules,
      ...(framework ? { framework, frameworkSource: values.framework ? 'option' : 'config' } : {}),
      onRuleError: (ruleId, error) => sayInTurn(`inspection-lint: rule ${ruleId} failed on ${displayPath}: ${(error as Error).message}\n`),
    };
    let result = lintRead(read, options);
    /** The text the diagnostics are in, for JSON's fixes (offsets into it): for UTF-8 files only, as --fix writes. */
    let text = read.note ? undefined : linedText(read, result);
    const notes = read.note ? [read.note] : [];
    if (values.fix) {
      let fixed: ReturnType<typeof fixFile> = null;
      try {
        fixed = fixFile(filePath, read, result, options, io.writeFile ?? writeBack);
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        // reported as it was read; the run goes on, and fails
        sayInTurn(`inspection-lint: ${error.message}\n`);
        failures++;
        notes.push(
          error.cause instanceof ChangedSinceRead
            ? 'not fixed: the file changed on disk while it was checked'
            : error.cause instanceof WrittenPartway
              ? 'not fixed: the write failed partway, and the text it had is kept beside it (see the message above)'
              : 'not fixed: the file could not be written',
        );
      }
      if (fixed) {
        notes.push(fixed.note);
        result = fixed.result;
        text = linedText({ lines: splitLines(fixed.text), text: fixed.text }, fixed.result);
      } else if (read.note && result.diagnostics.some(hasPreferredFix)) {
        notes.push('not fixed: only UTF-8 files are written back');
      }
    }
    if (!result.report.framework && explicit.has(filePath)) {
      notes.push('no inspection framework recognised: only generic checks ran (add <!-- framework: ID --> to choose one)');
    }
    if (result.report.unknownFramework && result.report.unknownFramework.source !== 'directive') {
      notes.push(`unknown framework "${result.report.unknownFramework.id}" in the configuration`);
    }
    return {
      filePath,
      displayPath,
      diagnostics: result.diagnostics,
      framework: result.report.framework?.profile ?? null,
      notes,
      ...(formatName === 'model' ? { report: result.report } : {}),
      ...(text ? { text } : {}),
    };
  };

  const tally = { errors: 0, warnings: 0 };
  // each file is linted when the output reaches it, and let go once written
  function* results(): Generator<FileResult> {
    for (const [index, filePath] of files.entries()) {
      const displayPath = stdinBytes ? stdinName : path.relative(io.cwd, filePath) || path.basename(filePath);
      let read: ReadFile;
      try {
        read = stdinBytes ? readReportBytes(stdinBytes, displayPath, { maxBytes: maxFileSize }) : readReport(filePath, displayPath, { wholeText: Boolean(values.fix), maxBytes: maxFileSize });
      } catch (error) {
        // one file that cannot be read is said, and the others are still checked
        const message = error instanceof UsageError ? error.message : `Cannot read ${displayPath}: ${(error as Error).message}`;
        sayInTurn(`inspection-lint: ${message}\n`);
        failures++;
        yield { filePath, displayPath, diagnostics: [], framework: null, notes: [], notChecked: message };
        continue;
      }
      const result = lintFile(filePath, displayPath, read, configs[index]!);
      for (const diagnostic of result.diagnostics) {
        if (diagnostic.severity === 'error') tally.errors++;
        else if (diagnostic.severity === 'warning') tally.warnings++;
      }
      yield result;
    }
  }

  const color = values['no-color'] ? false : values.color ? true : io.isTTY && !io.env.NO_COLOR;
  const configurationProblems = [...configsWithProblems].flatMap((config) =>
    config.problems.map((problem) => ({ filePath: config.file, message: problem.message, range: problem.range, severity: problem.severity ?? ('error' as const) })),
  );
  const output = format(results(), { cwd: io.cwd, color: Boolean(color), configurationProblems });
  if (outputFile) writeChunksToFile(outputFile, output);
  else writeChunks(output, io.stdout, false, stdoutWriter);

  // said whatever the exit code, as ESLint does: a run that also failed otherwise still has too many warnings
  const tooManyWarnings = maxWarnings >= 0 && tally.warnings > maxWarnings;
  if (tooManyWarnings) io.stderr(`inspection-lint: ${tally.warnings} warning${tally.warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}\n`);
  if ([...configsWithProblems].some((config) => config.problems.some((problem) => problem.severity !== 'warning'))) return 2;
  if (failures) return 2;
  return tally.errors || tooManyWarnings ? 1 : 0;
}

/** Lints a report as readReport read it. */
export function lintRead(read: ReadFile, options: LintOptions = {}): LintResult {
  return lintLines(read.lines, options, read.text ?? read.search, read.crlf ? '\r\n' : '\n');
}

/** --fix: the preferred fixes, in rounds, written back to a UTF-8 file (its byte order mark kept); null when nothing changed. */
function fixFile(
  filePath: string,
  read: ReadFile,
  before: LintResult,
  options: LintOptions,
  writeFile: NonNullable<Io['writeFile']>,
): { result: LintResult; text: string; note: string } | null {
  if (read.note || read.text === undefined) return null;
  const fixed = fixAll(read.text, (text) => lint(text, options).diagnostics, before.diagnostics);
  if (fixed.text === read.text) return null;
  try {
    writeFile(filePath, (read.bom ? '\uFEFF' : '') + fixed.text, read.stamp);
  } catch (error) {
    if (error instanceof ChangedSinceRead) {
      throw new UsageError(`${filePath} changed on disk while it was checked, so its fixes are not written (run --fix again)`, { cause: error });
    }
    throw new UsageError(`Cannot write ${filePath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  }
  const result = lint(fixed.text, options);
  const count = Math.max(0, before.diagnostics.length - result.diagnostics.length);
  return { result, text: fixed.text, note: `fixed in place${count ? `: ${count} problem${count === 1 ? '' : 's'} fewer` : ''}` };
}

function listRules(format: string, io: Io): number {
  const rules = allRules.map((rule) => ({ ...rule.meta, docs: ruleDocsUrl(rule.meta.id) ?? `docs/rules/${rule.meta.id}.md` }));
  if (format === 'json') io.stdout(JSON.stringify(rules, null, 2) + '\n');
  else if (format === 'text' || format === 'stylish') {
    const width = Math.max(...rules.map((rule) => rule.id.length));
    for (const rule of rules) {
      io.stdout(`${rule.id.padEnd(width)}  ${rule.defaultSeverity.padEnd(7)}  ${rule.fixable ? 'fix' : '   '}  ${rule.description}\n`);
    }
  } else throw new UsageError(`Unknown format "${format}" for rules: use text or json`);
  return 0;
}

const readProcessStdin = (maxBytes: number) => readUpTo(process.stdin, maxBytes);

/** Entry point of the bin. */
export function runCli(): void {
  // output piped into a reader that stops early (| head): end quietly, as other command-line tools do
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  main(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}

