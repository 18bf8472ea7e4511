import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { builtinFrameworks } from '../core/frameworks/builtin';
import { formatPath, validateFramework, type FrameworkProfile } from '../core/frameworks/schema';
import type { Range } from '../core/text';
import { ruleById } from '../rules';
import { NodeFinder, TextPositions } from './locate';
import { emptyConfig } from './names';
import { ConfigSchema, FrameworkAssignmentSchema, SeveritySettingSchema, type Config } from './schema';

export interface ConfigProblem {
  message: string;
  /** JSON path of the offending key, e.g. ["rules", "grade-wording-mismach"]. */
  path: (string | number)[];
  range: Range;
  /** "warning" for a setting that works but may not do what was meant; a missing severity is an error. */
  severity?: 'warning';
}

export interface LoadedConfig {
  config: Config;
  /** Everything wrong with the file; the parts that are right still apply. */
  problems: ConfigProblem[];
}

function rangeOf(text: string, offset: number, length: number): Range {
  return new TextPositions(text).rangeAt(offset, length);
}

/**
 * Reads a configuration file's text. Never throws: a broken part is reported with its position and left
 * out, the rest applies, and a file that is not JSON at all gives the defaults.
 */
export function loadConfigText(read: string): LoadedConfig {
  // a byte order mark (Notepad writes one) is not JSON, and the editor neither shows it nor counts it in positions
  const text = read.charCodeAt(0) === 0xfeff ? read.slice(1) : read;
  const deep = tooDeep(text);
  if (deep >= 0) {
    return { config: emptyConfig, problems: [{ message: `Nested more than ${MAX_DEPTH} levels deep: not a configuration.`, path: [], range: rangeOf(text, deep, 1) }] };
  }
  try {
    return readConfigTree(text);
  } catch (error) {
    // a last resort: whatever went wrong, the linter goes on with the defaults
    return { config: emptyConfig, problems: [{ message: `Could not read the configuration: ${(error as Error).message}`, path: [], range: rangeOf(text, 0, 0) }] };
  }
}

/** A configuration is a few levels deep; a reader that recursed through thousands would overflow the stack. */
const MAX_DEPTH = 64;

/** Where the nesting of brackets first goes past MAX_DEPTH (outside strings and comments), or -1. */
function tooDeep(text: string): number {
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '"') {
      for (index++; index < text.length && text[index] !== '"'; index++) if (text[index] === '\\') index++;
    } else if (char === '/' && text[index + 1] === '/') {
      while (index < text.length && text[index] !== '\n') index++;
    } else if (char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      index = end < 0 ? text.length : end + 1;
    } else if (char === '{' || char === '[') {
      if (++depth > MAX_DEPTH) return index;
    } else if (char === '}' || char === ']') depth--;
  }
  return -1;
}

function readConfigTree(text: string): LoadedConfig {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length || !tree) {
    const first = errors[0];
    const offset = first?.offset ?? 0;
    return {
      config: emptyConfig,
      problems: [
        {
          message: first ? `Not valid JSON: ${describeJsonError(printParseErrorCode(first.error))}.` : 'The file is empty.',
          path: [],
          range: rangeOf(text, offset, first?.length ?? 0),
        },
      ],
    };
  }
  const problems: ConfigProblem[] = [];
  const positions = new TextPositions(text);
  const nodes = new NodeFinder(tree);
  const at = (path: (string | number)[], useKey: boolean): Range => {
    const node = nodes.find(path) ?? nearestNode(nodes, path);
    const keyNode = useKey && node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
    const target = keyNode ?? node;
    return positions.rangeAt(target.offset, target.length);
  };
  const report = (path: (string | number)[], message: string, useKey = false) =>
    problems.push({ path, message: `${formatPath(path)}: ${message}`, range: at(path, useKey) });

  const data: unknown = safeValue(tree);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    report([], 'the configuration must be a JSON object');
    return { config: emptyConfig, problems };
  }
  const input = data as Record<string, unknown>;
  const config: Config = { rules: {}, frameworks: [], customFrameworks: [], reports: [] };

  const known = new Set(Object.keys(ConfigSchema.shape));
  for (const key of Object.keys(input)) if (!known.has(key)) report([key], `unknown setting (known: ${[...known].filter((k) => k !== '$schema').join(', ')})`, true);

  const rules = input.rules;
  if (rules !== undefined) {
    if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) report(['rules'], 'must be an object of rule ids and severities');
    else {
      for (const [id, value] of Object.entries(rules)) {
        if (!ruleById(id)) {
          report(['rules', id], `unknown rule "${id}"`, true);
          continue;
        }
        const severity = SeveritySettingSchema.safeParse(value);
        if (severity.success) config.rules[id] = severity.data;
        else report(['rules', id], `must be "error", "warning", "info" or "off", not ${JSON.stringify(value)}`);
      }
    }
  }

  const custom: FrameworkProfile[] = [];
  if (input.customFrameworks !== undefined) {
    if (!Array.isArray(input.customFrameworks)) report(['customFrameworks'], 'must be an array of framework profiles');
    else {
      const builtins = builtinFrameworks();
      const definedAt = new Map<string, number>();
      input.customFrameworks.forEach((profile, index) => {
        const result = validateFramework(profile);
        if (!result.ok) {
          for (const problem of result.problems) report(['customFrameworks', index, ...problem.path], problem.message);
          return;
        }
        const { id } = result.profile;
        const earlier = definedAt.get(id);
        if (earlier !== undefined) {
          report(['customFrameworks', index, 'id'], `"${id}" is already the id of customFrameworks[${earlier}]; this one is ignored (give each framework its own id)`);
          return;
        }
        definedAt.set(id, index);
        custom.push(result.profile);
        const builtin = builtins.get(id);
        if (builtin) {
          const path = ['customFrameworks', index, 'id'];
          problems.push({
            path,
            message: `${formatPath(path)}: "${id}" replaces the built-in framework ${builtin.name} in this workspace; give it another id to keep both`,
            range: at(path, false),
            severity: 'warning',
          });
        }
      });
    }
  }
  config.customFrameworks = custom;

  if (input.frameworks !== undefined) {
    if (!Array.isArray(input.frameworks)) report(['frameworks'], 'must be an array of { "files", "framework" } entries');
    else {
      const ids = new Set([...builtinFrameworks().ids(), ...custom.map((profile) => profile.id)]);
      input.frameworks.forEach((entry, index) => {
        const result = FrameworkAssignmentSchema.safeParse(entry);
        if (result.success && !ids.has(result.data.framework.toLowerCase())) {
          report(['frameworks', index, 'framework'], `unknown framework "${result.data.framework}" (known: ${[...ids].join(', ')})`);
        } else if (result.success) config.frameworks.push(result.data);
        else for (const issue of result.error.issues) report(['frameworks', index, ...issue.path.map((key) => (typeof key === 'number' ? key : String(key)))], issue.message);
      });
    }
  }

  if (input.reports !== undefined) {
    if (!Array.isArray(input.reports) || !input.reports.every((glob) => typeof glob === 'string' && glob)) {
      report(['reports'], 'must be an array of globs');
    } else config.reports = input.reports as string[];
  }
  return { config, problems };
}

function safeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        // defined, not assigned: assigning "__proto__" would set the object's prototype instead of a key
        if (key && value) Object.defineProperty(out, String(key.value), { value: safeValue(value), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(safeValue);
    default:
      return node.value;
  }
}

/** The deepest existing node on the path, for problems about keys that are missing. */
function nearestNode(nodes: NodeFinder, path: (string | number)[]): Node {
  for (let length = path.length - 1; length > 0; length--) {
    const node = nodes.find(path.slice(0, length));
    if (node) return node;
  }
  return nodes.root;
}

function describeJsonError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
