import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { describeProblems, type FrameworkProfile } from './profile';
import { FrameworkRegistry } from './registry';

/**
 * Built-in frameworks are JSON files in server/frameworks/ (shipped next to the bundle): every *.json file
 * there is loaded, so adding a framework needs no code. The build validates them once and writes the result to
 * frameworks.json beside the compiled code; at start-up that copy is used while its hash matches the files,
 * which spares loading zod. Otherwise (a profile edited since the build) they are validated here.
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

export interface ValidatedFrameworks {
  hash: string;
  profiles: FrameworkProfile[];
}

/** The profile files' names and contents, hashed: what a prevalidated copy must match. */
export function frameworkSources(dir: string): { files: { name: string; text: string }[]; hash: string } {
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.name).update('\0').update(file.text).update('\0');
  return { files, hash: hash.digest('hex') };
}

/** Validates profile texts with the zod schema (loaded only now). */
export function validateFrameworkTexts(files: readonly { name: string; text: string }[]): FrameworkProfile[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { validateFramework } = require('./schema') as typeof import('./schema');
  return files.map((file) => {
    const result = validateFramework(JSON.parse(file.text));
    if (!result.ok) throw new Error(`${file.name} is not a valid framework profile:\n  ${describeProblems(result.problems).join('\n  ')}`);
    return result.profile;
  });
}

export function loadFrameworkFile(file: string): FrameworkProfile {
  return validateFrameworkTexts([{ name: path.basename(file), text: fs.readFileSync(file, 'utf8') }])[0] as FrameworkProfile;
}

function prevalidated(hash: string): FrameworkProfile[] | null {
  for (let dir = __dirname, depth = 0; depth < 7; depth++, dir = path.dirname(dir)) {
    const file = path.join(dir, 'frameworks.json');
    if (!fs.existsSync(file)) continue;
    try {
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as ValidatedFrameworks;
      return data.hash === hash ? data.profiles : null;
    } catch {
      return null;
    }
  }
  return null;
}

let builtin: FrameworkRegistry | undefined;

export function builtinFrameworks(): FrameworkRegistry {
  if (!builtin) {
    const { files, hash } = frameworkSources(builtinFrameworkDirectory());
    builtin = new FrameworkRegistry(prevalidated(hash) ?? validateFrameworkTexts(files));
  }
  return builtin;
}
