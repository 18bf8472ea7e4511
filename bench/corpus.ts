import * as fs from 'fs';
import * as path from 'path';

export interface Corpus {
  dir: string;
  /** The folder of 200 reports: forty drafts made from each of the five seeds, no two alike (see draftOf). */
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

/** Other authorities' names, for the drafts made from one seed: names of other lengths, so that lines move. */
const AUTHORITIES = [
  'Barking and Dagenham', 'Bath and North East Somerset', 'Bedford', 'Blackpool', 'Bracknell Forest', 'Bury', 'Calderdale',
  'Central Bedfordshire', 'Cheshire East', 'Cornwall', 'Darlington', 'Derbyshire', 'Dudley', 'Ealing', 'East Riding of Yorkshire',
  'Gateshead', 'Halton', 'Hartlepool', 'Herefordshire', 'Isle of Wight', 'Kingston upon Thames', 'Knowsley', 'Lambeth', 'Luton',
  'Medway', 'Milton Keynes', 'North Lincolnshire', 'Northumberland', 'Peterborough', 'Plymouth', 'Redcar and Cleveland',
  'St Helens', 'Sandwell', 'Shropshire', 'Southend-on-Sea', 'Stockton-on-Tees', 'Swindon', 'Telford and Wrekin', 'Wigan', 'York',
];

const NUMBERED = /^(\d{1,3})\. \S/;

/**
 * The seed as one of forty drafts: the first is the seed itself; the others name another authority and each makes one
 * edit a writer or a reviewer meets in drafts (a grade changed, a paragraph cut or pasted twice, a paragraph
 * hard-wrapped), so that no two files are alike and the linter has problems to report, not a clean report forty times.
 */
export function draftOf(seed: string, authority: string, copy: number): string {
  if (copy === 1) return seed;
  let lines = seed.replaceAll(authority, AUTHORITIES[(copy * 7 + authority.length) % AUTHORITIES.length]!).split('\n');
  const numbered = lines.flatMap((line, index) => (NUMBERED.test(line) ? [index] : []));
  const pick = (indexes: number[]) => indexes[(copy * 13) % Math.max(1, indexes.length)];
  switch (copy % 5) {
    case 1: {
      // a grade changed in the body, as a writer revising one judgement leaves the record and the wording behind
      const grades = lines.flatMap((line, index) => (/^Grade [1-4]\b/.test(line) ? [index] : []));
      const at = pick(grades);
      if (at !== undefined) lines[at] = lines[at]!.replace(/^Grade ([1-4])/, (_, n: string) => `Grade ${n === '1' ? 2 : Number(n) - 1}`);
      break;
    }
    case 2: {
      const at = pick(numbered);
      if (at !== undefined) lines.splice(at, 1);
      break;
    }
    case 3: {
      const at = pick(numbered);
      if (at !== undefined) lines.splice(at, 0, lines[at]!);
      break;
    }
    case 4: {
      // the longest paragraph hard-wrapped at 78 columns, as text pasted from an email or a plain-text export is
      const at = lines.reduce((longest, line, index) => (line.length > (lines[longest]?.length ?? 0) ? index : longest), 0);
      lines = [...lines.slice(0, at), ...wrapAt(lines[at]!, 78), ...lines.slice(at + 1)];
      break;
    }
  }
  return lines.join('\n');
}

function wrapAt(text: string, width: number): string[] {
  const wrapped: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current && current.length + 1 + word.length > width) {
      wrapped.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  return [...wrapped, current];
}

/** Bumped when the corpus is made differently, so that a corpus made by an earlier version is made again. */
const CORPUS_VERSION = '2: drafts';

/** Writes the benchmark's corpus (git-ignored) from the seeds; reuses it when it is already there, made by this version. */
export function makeCorpus(dir: string, seedsDir: string): Corpus {
  const files200 = path.join(dir, 'reports');
  const versionFile = path.join(dir, 'VERSION');
  if (fs.existsSync(dir) && (!fs.existsSync(versionFile) || fs.readFileSync(versionFile, 'utf8') !== CORPUS_VERSION)) fs.rmSync(dir, { recursive: true });
  const seeds = fs.readdirSync(seedsDir).filter((name) => name.endsWith('.txt')).sort();
  fs.mkdirSync(files200, { recursive: true });
  for (const seed of seeds) {
    const text = fs.readFileSync(path.join(seedsDir, seed), 'utf8');
    // the authority is the file name's last word: "apa-2007-rotherham.txt" is about Rotherham
    const named = seed.replace(/\.txt$/, '').split('-').pop()!;
    const authority = named.charAt(0).toUpperCase() + named.slice(1);
    for (let copy = 1; copy <= 40; copy++) {
      const file = path.join(files200, `${seed.replace(/\.txt$/, '')}-${String(copy).padStart(2, '0')}.md`);
      if (!fs.existsSync(file)) fs.writeFileSync(file, draftOf(text, authority, copy));
    }
  }
  fs.writeFileSync(versionFile, CORPUS_VERSION);
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
