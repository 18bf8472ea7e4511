import * as fs from 'fs';
import * as path from 'path';

export interface Corpus {
  dir: string;
  /** The folder of 200 reports: the five seeds, 40 times each. */
  files200: string;
  count: number;
  bytes200: number;
  seed001: string;
  /** About 1 MB and 10 MB reports made by repeating the parts of seed 001. */
  large1: string;
  large10: string;
}

/** A report of at least `size` characters: seed 001's front matter, its two parts repeated, its record. */
function largeReport(seed: string, size: number): string {
  const lines = seed.split('\n');
  // the body's headings, not the contents entries of the same names (those are followed by a tab and a page)
  const partsStart = lines.findIndex((line) => line === 'Safeguarding services');
  const recordStart = lines.findIndex((line) => line === 'Record of main findings:');
  if (partsStart < 0 || recordStart <= partsStart) throw new Error('seed 001 is not laid out as expected');
  const head = lines.slice(0, partsStart).join('\n');
  const parts = lines.slice(partsStart, recordStart).join('\n');
  const record = lines.slice(recordStart).join('\n');
  const pieces = [head];
  let length = head.length + record.length;
  while (length < size) {
    pieces.push(parts);
    length += parts.length + 1;
  }
  pieces.push(record);
  return pieces.join('\n');
}

/** Writes the benchmark's corpus (git-ignored) from the seeds; reuses it when it is already there. */
export function makeCorpus(dir: string, seedsDir: string): Corpus {
  const files200 = path.join(dir, 'reports');
  const seeds = fs.readdirSync(seedsDir).filter((name) => name.endsWith('.txt')).sort();
  fs.mkdirSync(files200, { recursive: true });
  for (const seed of seeds) {
    const text = fs.readFileSync(path.join(seedsDir, seed), 'utf8');
    for (let copy = 1; copy <= 40; copy++) {
      const file = path.join(files200, `${seed.replace(/\.txt$/, '')}-${String(copy).padStart(2, '0')}.md`);
      if (!fs.existsSync(file)) fs.writeFileSync(file, text);
    }
  }
  const seed001 = path.join(seedsDir, 'slac-2011-rutland.txt');
  const seedText = fs.readFileSync(seed001, 'utf8');
  const large1 = path.join(dir, 'large-1mb.txt');
  const large10 = path.join(dir, 'large-10mb.txt');
  if (!fs.existsSync(large1)) fs.writeFileSync(large1, largeReport(seedText, 1_000_000));
  if (!fs.existsSync(large10)) fs.writeFileSync(large10, largeReport(seedText, 10_000_000));
  const names = fs.readdirSync(files200);
  return {
    dir,
    files200,
    count: names.length,
    bytes200: names.reduce((sum, name) => sum + fs.statSync(path.join(files200, name)).size, 0),
    seed001,
    large1,
    large10,
  };
}
