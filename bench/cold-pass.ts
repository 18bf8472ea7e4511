/**
 * Run by the benchmark in a fresh process: how long the first pass over the corpus takes before V8 has optimised
 * the parser, against later passes in the same process, reading the files as the CLI reads them. Prints one JSON line.
 * Usage: cold-pass.js FOLDER [--v8-defaults]. V8 is tuned as the CLI tunes it unless --v8-defaults is given.
 */
import * as fs from 'fs';
import * as path from 'path';
import { tuneV8ForOneShotRun } from '../server/src/cli/v8-tuning';

const now = () => Number(process.hrtime.bigint()) / 1e6;

if (!process.argv.includes('--v8-defaults')) tuneV8ForOneShotRun();
const started = now();
const { lintRead } = require('../server/src/cli/main') as typeof import('../server/src/cli/main');
const { readReport } = require('../server/src/cli/files') as typeof import('../server/src/cli/files');
const loaded = now() - started;

const folder = process.argv[2] ?? '';
const files = fs.readdirSync(folder).map((name) => path.join(folder, name));
const pass = (): number => {
  const start = now();
  for (const file of files) lintRead(readReport(file, file));
  return now() - start;
};
const cold = pass();
const warm = Array.from({ length: 5 }, pass);
process.stdout.write(JSON.stringify({ loaded, cold, warm: Math.min(...warm) }) + '\n');
