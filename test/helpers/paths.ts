import * as fs from 'fs';
import * as path from 'path';

/** The repository root (the folder holding package.json), from wherever the compiled test runs. */
export const repoRoot: string = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, 'seeds'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('repository root not found');
    dir = parent;
  }
  return dir;
})();

export const seedsDir = path.join(repoRoot, 'seeds');
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures');

export function seedNames(): string[] {
  return fs
    .readdirSync(seedsDir)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => name.replace(/\.txt$/, ''))
    .sort();
}

export function readSeed(name: string): string {
  return fs.readFileSync(path.join(seedsDir, `${name}.txt`), 'utf8');
}

export function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}
