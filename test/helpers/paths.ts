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

/** The framework fixtures written by the team (test/fixtures/frameworks/README.md): one folder per framework. */
export function frameworkFixtures(): { framework: string; name: string; file: string }[] {
  const root = path.join(fixturesDir, 'frameworks');
  return fs
    .readdirSync(root)
    .filter((entry) => fs.statSync(path.join(root, entry)).isDirectory())
    .sort()
    .flatMap((framework) =>
      fs
        .readdirSync(path.join(root, framework))
        .filter((name) => /\.(txt|md)$/.test(name))
        .sort()
        .map((name) => ({ framework, name, file: path.join(root, framework, name) })),
    );
}
