import * as fs from 'fs';
import * as path from 'path';
import picomatch from 'picomatch';
import { builtinFrameworks } from '../core/frameworks/builtin';
import type { FrameworkRegistry } from '../core/frameworks/registry';
import { readFailure } from '../read-failure';
import type { ConfigProblem } from './load';
import { CONFIG_FILE_NAME, emptyConfig } from './names';
import type { Config } from './schema';

export interface ConfigFile {
  /** Absolute path of the file, or null when no file was found (defaults). */
  file: string | null;
  config: Config;
  problems: ConfigProblem[];
  registry: FrameworkRegistry;
}

let none: ConfigFile | undefined;
const noConfig = (): ConfigFile => (none ??= { file: null, config: emptyConfig, problems: [], registry: builtinFrameworks() });

/** The nearest .inspection-lint.json at or above the folder, or null. */
export function findConfigFile(startDir: string): string | null {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    // any entry of that name, a broken link too: its problem is said rather than the file ignored
    if (entryExists(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function entryExists(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** The defaults, with one problem at the top of the file saying why its settings are not used. */
const unusable = (file: string | null, message: string): ConfigFile => ({
  ...noConfig(),
  file,
  problems: [{ message, path: [], range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }],
});

export function readConfigFile(file: string): ConfigFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return unusable(file, `cannot read the configuration: ${readFailure(error as NodeJS.ErrnoException)}`);
  }
  return configFromText(file, text);
}

export function configFromText(file: string | null, text: string, allowCustomFrameworks = true): ConfigFile {
  let loaded: ReturnType<typeof import('./load').loadConfigText>;
  try {
    // the loader (and zod with it) is needed only when there is a configuration to read
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { loadConfigText } = require('./load') as typeof import('./load');
    loaded = loadConfigText(text);
  } catch (error) {
    // an installation without its validator (or a bug in it) must not cost the reports their checks
    return unusable(file, `cannot check the configuration, so its settings are not used: ${(error as Error).message?.split('\n')[0] ?? String(error)}`);
  }
  const custom = allowCustomFrameworks ? loaded.config.customFrameworks : [];
  return { file, config: loaded.config, problems: loaded.problems, registry: builtinFrameworks().with(custom) };
}

export function defaultConfig(): ConfigFile {
  return noConfig();
}

/** Caches configuration per folder, so that linting many files reads each configuration file once. */
export class ConfigResolver {
  private readonly byDir = new Map<string, ConfigFile>();
  private readonly byFile = new Map<string, ConfigFile>();

  forDocument(documentPath: string): ConfigFile {
    const dir = path.dirname(path.resolve(documentPath));
    let found = this.byDir.get(dir);
    if (!found) {
      const file = findConfigFile(dir);
      found = file ? this.load(file) : noConfig();
      this.byDir.set(dir, found);
    }
    return found;
  }

  load(file: string): ConfigFile {
    let found = this.byFile.get(file);
    if (!found) {
      found = readConfigFile(file);
      this.byFile.set(file, found);
    }
    return found;
  }

  clear(): void {
    this.byDir.clear();
    this.byFile.clear();
  }
}

function relativeTo(configFile: string | null, documentPath: string): string {
  const base = configFile ? path.dirname(configFile) : process.cwd();
  return path.relative(base, path.resolve(documentPath)).split(path.sep).join('/');
}

/**
 * The matcher of a configuration's globs, compiled once: the server asks on every keystroke, and compiling a glob
 * takes about a hundred times as long as matching one.
 */
const matchers = new WeakMap<object, (path: string) => boolean>();

function matcherOf(owner: object, globs: string | string[]): (path: string) => boolean {
  let matcher = matchers.get(owner);
  if (!matcher) {
    matcher = picomatch(globs, { dot: true });
    matchers.set(owner, matcher);
  }
  return matcher;
}

/** The framework the configuration assigns to a document, if any glob matches it. */
export function frameworkFor(config: ConfigFile, documentPath: string): string | undefined {
  const relative = relativeTo(config.file, documentPath);
  for (const assignment of config.config.frameworks) {
    if (matcherOf(assignment, assignment.files)(relative)) return assignment.framework;
  }
  return undefined;
}

/** Whether the configuration declares the document a report (by the "reports" globs or a framework glob). */
export function declaredReport(config: ConfigFile, documentPath: string): boolean {
  const relative = relativeTo(config.file, documentPath);
  return Boolean(config.config.reports.length && matcherOf(config.config.reports, config.config.reports)(relative)) || frameworkFor(config, documentPath) !== undefined;
}
