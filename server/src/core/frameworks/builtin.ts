import * as fs from 'fs';
import * as path from 'path';
import { FrameworkRegistry } from './registry';
import { describeProblems, validateFramework, type FrameworkProfile } from './schema';

/**
 * Built-in frameworks are JSON files in server/frameworks/ (copied next to the bundle as frameworks/).
 * Every *.json file there is loaded: adding a framework needs no code.
 */
export function builtinFrameworkDirectory(): string {
  const candidates: string[] = [];
  for (let dir = __dirname, depth = 0; depth < 7; depth++, dir = path.dirname(dir)) {
    candidates.push(path.join(dir, 'frameworks'), path.join(dir, 'server', 'frameworks'));
  }
  const found = candidates.find((candidate) => fs.existsSync(path.join(candidate, 'slac-2011.json')));
  if (!found) throw new Error(`Built-in framework profiles not found (looked in ${candidates.join(', ')})`);
  return found;
}

export function loadFrameworkFile(file: string): FrameworkProfile {
  const data: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  const result = validateFramework(data);
  if (!result.ok) {
    throw new Error(`${path.basename(file)} is not a valid framework profile:\n  ${describeProblems(result.problems).join('\n  ')}`);
  }
  return result.profile;
}

let builtin: FrameworkRegistry | undefined;

export function builtinFrameworks(): FrameworkRegistry {
  if (!builtin) {
    const dir = builtinFrameworkDirectory();
    const files = fs.readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
    builtin = new FrameworkRegistry(files.map((name) => loadFrameworkFile(path.join(dir, name))));
  }
  return builtin;
}
