/**
 * npm run bench: how fast the linter is, measured, side by side with markdownlint-cli2 in the same run.
 * Machines are shared and noisy: every figure is a median of several runs, and ratios compare figures
 * measured in the same run.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance, PerformanceObserver } from 'perf_hooks';
import { readReport } from '../server/src/cli/files';
import { lintRead } from '../server/src/cli/main';
import { ONE_SHOT_V8_FLAGS } from '../server/src/cli/v8-tuning';
import { splitLines } from '../server/src/core/text';
import { lint } from '../server/src/lint/engine';
import { Analyzer } from '../server/src/lsp/analysis';
import { diagnosticsFor } from '../server/src/lsp/features/diagnostics';
import { LineDocument } from '../server/src/lsp/line-document';
import { DEFAULT_SETTINGS } from '../server/src/lsp/settings';
import { LspClient } from '../test/helpers/lsp-client';
import { makeCorpus, type Corpus } from './corpus';
import { denseReport, serverStart, typeIntoSlowReport, type SlowTyping } from './slow-typing';
import { timeByFile } from './time-by-file';

const root = path.resolve(__dirname, '..', '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const WARM_UP_PASSES = 5;
/** Keystrokes per latency run. */
const EDITS = 200;
/** Keystrokes after the server starts during which V8 is still optimising its code: reported apart as well. */
const SERVER_WARM_UP_EDITS = 20;
/** Typing into a report whose check is slow: its graded sections, the keys typed and the gap between them. */
const DENSE_SECTIONS = 40_000;
const SLOW_KEYS = 20;
const SLOW_GAP_MS = 60;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The median of each figure over several runs. */
function medians<T extends Record<string, number>>(runs: readonly T[]): T {
  const first = runs[0];
  if (!first) throw new Error('no runs');
  return Object.fromEntries(Object.keys(first).map((key) => [key, median(runs.map((run) => run[key] as number))])) as T;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** The environment of a child: this process's, with `env`'s variables set (or, where undefined, removed). */
function childEnvironment(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete merged[name];
    else merged[name] = value;
  }
  return merged;
}

function timeProcess(command: string, args: string[], cwd: string, env: Record<string, string | undefined> = {}): number {
  const start = now();
  const run = spawnSync(command, args, { cwd, env: childEnvironment(env), stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 28 });
  const elapsed = now() - start;
  if (run.error) throw run.error;
  if (run.status !== 0 && run.status !== 1) throw new Error(`${path.basename(args[0] ?? command)} failed (${run.status}): ${run.stderr}`);
  return elapsed;
}

const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;

/**
 * NODE_EXTRA_CA_CERTS makes Node read and decode that file of certificates as it starts, before any script runs, in
 * every process (Node 20; the benchmark's VM sets it to the system's 200 KB bundle, about 45 ms a start there).
 */
const EXTRA_CERTIFICATES = 'NODE_EXTRA_CA_CERTS';
const CERTIFICATES_SET = process.env[EXTRA_CERTIFICATES] !== undefined;

/**
 * CLI throughput, whole process, on the 200-file corpus: ours (with and without its code cache) and markdownlint-cli2,
 * alternately; when the environment sets NODE_EXTRA_CA_CERTS, both also without it.
 */
function cliThroughput(corpus: Corpus) {
  const out = path.join(corpus.dir, 'out.json');
  const ours: number[] = [];
  const uncached: number[] = [];
  const peer: number[] = [];
  const oursPlain: number[] = [];
  const peerPlain: number[] = [];
  const markdownlint = path.join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  const args = [path.join(root, 'bin', 'inspection-lint.js'), '--format', 'json', '-o', out, '--no-config', corpus.files200];
  const peerArgs = [markdownlint, `${path.basename(corpus.files200)}/*.md`];
  for (let run = 0; run < RUNS; run++) {
    ours.push(timeProcess(process.execPath, args, root));
    uncached.push(timeProcess(process.execPath, args, root, { NODE_DISABLE_COMPILE_CACHE: '1' }));
    peer.push(timeProcess(process.execPath, peerArgs, corpus.dir));
    if (!CERTIFICATES_SET) continue;
    oursPlain.push(timeProcess(process.execPath, args, root, { [EXTRA_CERTIFICATES]: undefined }));
    peerPlain.push(timeProcess(process.execPath, peerArgs, corpus.dir, { [EXTRA_CERTIFICATES]: undefined }));
  }
  return {
    ours: median(ours),
    uncached: median(uncached),
    peer: median(peer),
    withoutCertificates: CERTIFICATES_SET ? { ours: median(oursPlain), peer: median(peerPlain) } : null,
  };
}

/**
 * Where the CLI's time goes: starting Node, loading our modules, and a first (cold) pass against warm ones. The cold
 * pass is measured as the CLI runs it (V8 tuned for a one-shot run) and with V8's defaults, alternately.
 */
function cliBreakdown(corpus: Corpus) {
  const node: number[] = [];
  const nodePlain: number[] = [];
  const version: number[] = [];
  const versionUncached: number[] = [];
  type Passes = { loaded: number; cold: number; warm: number };
  const tuned: Passes[] = [];
  const defaults: Passes[] = [];
  const coldPass = (extra: string[]): Passes => {
    const child = spawnSync(process.execPath, [path.join(__dirname, 'cold-pass.js'), corpus.files200, ...extra], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`cold-pass failed: ${child.stderr}`);
    return JSON.parse(child.stdout) as Passes;
  };
  for (let run = 0; run < RUNS; run++) {
    node.push(timeProcess(process.execPath, ['-e', '0'], root));
    if (CERTIFICATES_SET) nodePlain.push(timeProcess(process.execPath, ['-e', '0'], root, { [EXTRA_CERTIFICATES]: undefined }));
    version.push(timeProcess(process.execPath, [path.join(root, 'bin', 'inspection-lint.js'), '--version'], root));
    versionUncached.push(timeProcess(process.execPath, [path.join(root, 'bin', 'inspection-lint.js'), '--version'], root, { NODE_DISABLE_COMPILE_CACHE: '1' }));
    tuned.push(coldPass([]));
    defaults.push(coldPass(['--v8-defaults']));
  }
  return {
    node: median(node),
    nodeWithoutCertificates: nodePlain.length ? median(nodePlain) : null,
    startup: median(version),
    startupUncached: median(versionUncached),
    cold: median(tuned.map((pass) => pass.cold)),
    warm: median(tuned.map((pass) => pass.warm)),
    coldDefaults: median(defaults.map((pass) => pass.cold)),
    warmDefaults: median(defaults.map((pass) => pass.warm)),
  };
}

/**
 * Records garbage collections as V8 reports them (after the fact, with their start on the performance timeline);
 * `collectingIn` gives the time spent collecting inside a window, once the reports are in (`settled`).
 */
function recordCollections() {
  const collections: { start: number; duration: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) collections.push({ start: entry.startTime, duration: entry.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    settled: () => new Promise((resolve) => setTimeout(resolve, 50)),
    collectingIn: (from: number, to: number) => collections.filter((gc) => gc.start >= from && gc.start <= to).reduce((sum, gc) => sum + gc.duration, 0),
    stop: () => observer.disconnect(),
  };
}

/** Parse + all rules in one process, against the floor of reading the files and splitting their lines (both as the CLI reads). */
async function inProcess(corpus: Corpus) {
  const files = fs.readdirSync(corpus.files200).map((name) => path.join(corpus.files200, name));
  const floor: number[] = [];
  const plainFloor: number[] = [];
  const analysis: number[] = [];
  // warm up first, as a language server is warm: V8 takes several passes over the corpus to optimise the parser
  // (the first passes in a fresh process are the CLI breakdown's cold and warm figures)
  for (let pass = 0; pass < WARM_UP_PASSES; pass++) for (const file of files) lintRead(readReport(file, file));
  const collections = recordCollections();
  const windows: [number, number][] = [];
  for (let run = 0; run < RUNS + 2; run++) {
    let start = now();
    let lines = 0;
    for (const file of files) lines += readReport(file, file).lines.length;
    floor.push(now() - start);
    // the floor as the bench measured it until the eleventh session: each file into a fresh buffer, decoded whole
    start = now();
    for (const file of files) lines += splitLines(fs.readFileSync(file, 'utf8')).length;
    plainFloor.push(now() - start);
    const windowStart = performance.now();
    start = now();
    let problems = 0;
    for (const file of files) problems += lintRead(readReport(file, file)).diagnostics.length;
    analysis.push(now() - start);
    windows.push([windowStart, performance.now()]);
    if (!lines || problems < 0) throw new Error('nothing measured');
    await new Promise((resolve) => setImmediate(resolve));
  }
  await collections.settled();
  collections.stop();
  const collecting = windows.reduce((sum, [from, to]) => sum + collections.collectingIn(from, to), 0);
  const analysing = windows.reduce((sum, [from, to]) => sum + (to - from), 0);
  const bytes = files.reduce((sum, file) => sum + fs.statSync(file).size, 0);
  return {
    floor: median(floor),
    analysis: median(analysis),
    plainFloor: median(plainFloor),
    bestRatio: Math.min(...analysis) / Math.min(...floor),
    garbageShare: collecting / analysing,
    bytes,
  };
}

type Latency = { p50: number; p95: number; laterP95: number; edits: number };
type Work = { p50: number; p95: number; bytes: number };

/** Time from a didChange (one character typed) to the diagnostics for that version, over a real JSON-RPC connection. */
async function editorLatency(file: string, edits: number, pull = false): Promise<Latency> {
  const serverScript = fs.existsSync(path.join(root, 'dist', 'server.js')) ? path.join(root, 'dist', 'server.js') : undefined;
  const client = await LspClient.start({ ...(serverScript ? { serverScript } : {}), pull });
  try {
    const text = fs.readFileSync(file, 'utf8');
    const lines = text.split('\n');
    // type into the middle of a long paragraph line
    let line = Math.floor(lines.length / 2);
    while ((lines[line] ?? '').length < 200 && line < lines.length - 1) line++;
    const uri = await client.open(path.join(os.tmpdir(), `latency-${path.basename(file)}`), text);
    type Report = { kind: string; resultId?: string };
    const pullReport = (previousResultId?: string) =>
      client.request<Report>('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });
    let resultId = pull ? (await pullReport()).resultId : (await client.diagnosticsForVersion(uri, 1), undefined);
    const times: number[] = [];
    for (let edit = 0; edit < edits; edit++) {
      const version = edit + 2;
      const character = 40 + (edit % 100);
      const start = now();
      await client.change(uri, version, [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }]);
      if (pull) resultId = (await pullReport(resultId)).resultId ?? resultId;
      else await client.diagnosticsForVersion(uri, version);
      times.push(now() - start);
      // an editor keeps the latest diagnostics of a document, not every set (200 × 341 KB on the 1 MB report)
      client.published.delete(uri);
    }
    const later = times.slice(SERVER_WARM_UP_EDITS);
    return { p50: percentile(times, 50), p95: percentile(times, 95), edits, laterP95: percentile(later, 95) };
  } finally {
    await client.stop();
  }
}

/** The server's own work for each keystroke, without the JSON-RPC connection: update the text, analyse, encode the diagnostics. */
function keystrokeWork(file: string, edits: number): Work {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  let line = Math.floor(lines.length / 2);
  while ((lines[line] ?? '').length < 200 && line < lines.length - 1) line++;
  const uri = `file://${path.join(os.tmpdir(), `work-${path.basename(file)}`)}`;
  const analyzer = new Analyzer(DEFAULT_SETTINGS);
  let document = LineDocument.create(uri, 'inspection-report', 1, text);
  analyzer.get(document);
  const times: number[] = [];
  let bytes = 0;
  for (let edit = 0; edit < edits; edit++) {
    const character = 40 + (edit % 100);
    const start = now();
    document = LineDocument.update(document, [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }], edit + 2);
    const diagnostics = diagnosticsFor(analyzer.get(document), DEFAULT_SETTINGS.maxFileSize);
    bytes = Buffer.byteLength(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version: document.version, diagnostics } }));
    times.push(now() - start);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), bytes };
}

/**
 * Analysis time for 1×, 10×, 100× and 200× the text of seed 001, with the time spent collecting garbage inside each timed
 * analysis. The model of a large report outlives several young collections, which copy and promote it; on a VM where
 * touching a fresh page is slow, that is most of what grows per megabyte.
 */
async function scaling(corpus: Corpus) {
  const text = fs.readFileSync(corpus.seed001, 'utf8');
  // 200× as well: from 100× on the model no longer fits the young generation, and the step from 100× to 200× shows
  // whether what grows per megabyte below that keeps growing
  const factors = [1, 10, 100, 200].map((factor) => {
    const big = Array.from({ length: factor }, () => text).join('\n');
    lint(big);
    // the same amount of text analysed for each factor: the 1× figure, one analysis of about a millisecond, is
    // otherwise the noisiest of all and sways the growth figure
    return { factor, big, count: Math.max(RUNS, Math.round(100 / factor)), runs: [] as { from: number; to: number; faults: number }[] };
  });
  const collections = recordCollections();
  // the factors take turns, so that a change of pace on a shared machine lands on all of them alike
  for (let round = 0; round < Math.max(...factors.map((entry) => entry.count)); round++) {
    for (const entry of factors) {
      if (round >= entry.count) continue;
      const faults = process.resourceUsage().minorPageFault;
      const from = performance.now();
      lint(entry.big);
      const to = performance.now();
      entry.runs.push({ from, to, faults: process.resourceUsage().minorPageFault - faults });
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  await collections.settled();
  collections.stop();
  return factors.map(({ factor, big, runs }) => {
    const megabytes = Buffer.byteLength(big) / 1e6;
    const time = median(runs.map((run) => run.to - run.from));
    return {
      factor,
      megabytes,
      time,
      perMegabyte: time / megabytes,
      collecting: median(runs.map((run) => collections.collectingIn(run.from, run.to))) / megabytes,
      faultsPerMegabyte: median(runs.map((run) => run.faults)) / megabytes,
    };
  });
}

/**
 * What touching a page of fresh memory costs on this machine, in µs: every large string, and every page the heap
 * grows by, pays it once (about 15 µs on the VM of 2026-12-02, where it was a large share of the keystroke and
 * CLI figures). Printed with the machine, since it differs between machines.
 */
function freshPageCost(): number {
  const page = 4096;
  const costs: number[] = [];
  for (let run = 0; run < 3; run++) {
    const memory = Buffer.allocUnsafeSlow(64 * 1024 * 1024);
    const start = now();
    for (let offset = 0; offset < memory.length; offset += page) memory[offset] = 1;
    costs.push(((now() - start) * 1000) / (memory.length / page));
  }
  return median(costs);
}

/** Resident memory of the server with all 200 reports open. */
async function serverMemory(corpus: Corpus) {
  const serverScript = fs.existsSync(path.join(root, 'dist', 'server.js')) ? path.join(root, 'dist', 'server.js') : undefined;
  const client = await LspClient.start(serverScript ? { serverScript } : {});
  try {
    const files = fs.readdirSync(corpus.files200);
    const opened = await Promise.all(files.map((name) => client.open(path.join(corpus.files200, name), fs.readFileSync(path.join(corpus.files200, name), 'utf8'))));
    await Promise.all(opened.map((uri) => client.diagnosticsForVersion(uri, 1)));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const status = fs.readFileSync(`/proc/${client.process.pid}/status`, 'utf8');
    const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    return { documents: files.length, rss };
  } finally {
    await client.stop();
  }
}

async function main(): Promise<void> {
  const corpus = makeCorpus(path.join(root, 'bench', '.corpus'), path.join(root, 'seeds'));
  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
  console.log(`Machine: ${machine}; touching a fresh 4 KB page of memory costs ${freshPageCost().toFixed(2)} µs`);
  console.log(`Corpus: ${corpus.count} reports (${(corpus.bytes200 / 1e6).toFixed(1)} MB), large reports of ${(fs.statSync(corpus.large1).size / 1e6).toFixed(1)} MB and ${(fs.statSync(corpus.large10).size / 1e6).toFixed(1)} MB; medians of ${RUNS} runs\n`);

  const cli = cliThroughput(corpus);
  const breakdown = cliBreakdown(corpus);
  const inside = await inProcess(corpus);
  const reports = fs.readdirSync(corpus.files200).map((name) => path.join(corpus.files200, name));
  const places = await timeByFile(() => {
    for (let pass = 0; pass < RUNS; pass++) for (const file of reports) lintRead(readReport(file, file));
  }, path.join(root, 'out', 'server', 'src'));
  // each a median over RUNS runs of 200 edits, the four kinds taking turns: a burst of load on the shared machine
  // lands in one run, not in every figure of one kind
  const latencyRuns = { seed: [] as Latency[], large: [] as Latency[], seedPull: [] as Latency[], largePull: [] as Latency[] };
  const workRuns = { seed: [] as Work[], large: [] as Work[] };
  for (let run = 0; run < RUNS; run++) {
    latencyRuns.seed.push(await editorLatency(corpus.seed001, EDITS));
    latencyRuns.large.push(await editorLatency(corpus.large1, EDITS));
    latencyRuns.seedPull.push(await editorLatency(corpus.seed001, EDITS, true));
    latencyRuns.largePull.push(await editorLatency(corpus.large1, EDITS, true));
    workRuns.seed.push(keystrokeWork(corpus.seed001, EDITS));
    workRuns.large.push(keystrokeWork(corpus.large1, EDITS));
  }
  const [seed, large, seedPull, largePull] = [latencyRuns.seed, latencyRuns.large, latencyRuns.seedPull, latencyRuns.largePull].map(medians);
  const [seedWork, largeWork] = [workRuns.seed, workRuns.large].map(medians);
  const serverScript = fs.existsSync(path.join(root, 'dist', 'server.js')) ? path.join(root, 'dist', 'server.js') : undefined;
  const starts: number[] = [];
  for (let run = 0; run < RUNS; run++) starts.push(await serverStart(serverScript));
  // the same typing into a dense report, paced as the server does by default and at every keystroke, taking turns
  const dense = denseReport(DENSE_SECTIONS);
  const slowRuns = { paced: [] as SlowTyping[], everyKey: [] as SlowTyping[] };
  for (let run = 0; run < Math.min(RUNS, 3); run++) {
    slowRuns.paced.push(await typeIntoSlowReport(dense, SLOW_KEYS, SLOW_GAP_MS, {}, serverScript));
    slowRuns.everyKey.push(await typeIntoSlowReport(dense, SLOW_KEYS, SLOW_GAP_MS, { slowCheckMs: 1e9 }, serverScript));
  }
  const [paced, everyKey] = [slowRuns.paced, slowRuns.everyKey].map(medians);
  const scale = await scaling(corpus);
  const memory = await serverMemory(corpus);
  const large10 = (() => {
    const text = fs.readFileSync(corpus.large10, 'utf8');
    lint(text);
    const times = [0, 1, 2].map(() => {
      const start = now();
      lint(text);
      return now() - start;
    });
    return median(times);
  })();

  const rows: [string, string, string][] = [
    ['CLI, whole process, 200 reports: inspection-lint', ms(cli.ours), ''],
    ['CLI, whole process, 200 reports: markdownlint-cli2', ms(cli.peer), ''],
    ['CLI speed-up over markdownlint-cli2', `${(cli.peer / cli.ours).toFixed(1)}×`, 'target ≥ 20×'],
    ['CLI, whole process, 200 reports, without its code cache (NODE_DISABLE_COMPILE_CACHE=1)', ms(cli.uncached), ''],
    ...(cli.withoutCertificates
      ? ([
          [
            `The same two CLIs without ${EXTRA_CERTIFICATES} (set here: Node reads the certificates at every start)`,
            `${ms(cli.withoutCertificates.ours)} / ${ms(cli.withoutCertificates.peer)}`,
            `${(cli.withoutCertificates.peer / cli.withoutCertificates.ours).toFixed(1)}×; not the target's figure, which is measured as the machine is set`,
          ],
        ] as [string, string, string][])
      : []),
    [
      'CLI breakdown: starting Node (`node -e 0`)',
      ms(breakdown.node),
      breakdown.nodeWithoutCertificates === null ? '' : `${ms(breakdown.nodeWithoutCertificates)} without ${EXTRA_CERTIFICATES}`,
    ],
    ['CLI breakdown: starting Node and loading the linter (`--version`), with / without the code cache', `${ms(breakdown.startup)} / ${ms(breakdown.startupUncached)}`, ''],
    [
      'CLI breakdown: first pass over the 200 reports in a fresh process (cold JIT)',
      ms(breakdown.cold),
      `${ONE_SHOT_V8_FLAGS.join(' ')}, as the CLI runs; the compiled modules, not the bundle with its code cache, so that both rows compile alike`,
    ],
    ['CLI breakdown: best later pass in that process (warm JIT)', ms(breakdown.warm), ''],
    ["CLI breakdown: the same two passes with V8's defaults", `${ms(breakdown.coldDefaults)} / ${ms(breakdown.warmDefaults)}`, ''],
    [`In process, 200 reports, after ${WARM_UP_PASSES} warm-up passes: read + split lines (floor)`, ms(inside.floor), ''],
    ['In process, 200 reports: read + parse + all rules', ms(inside.analysis), `${((inside.bytes / 1e6) / (inside.analysis / 1000)).toFixed(0)} MB/s`],
    ['Analysis ÷ floor', `${(inside.analysis / inside.floor).toFixed(1)}×`, 'target ≤ 3×'],
    ['Analysis ÷ floor, best run of each', `${inside.bestRatio.toFixed(1)}×`, ''],
    ['Floor read as before the eleventh session (readFileSync, each file into a fresh buffer, decoded whole)', ms(inside.plainFloor), `the analysis is ${(inside.analysis / inside.plainFloor).toFixed(1)}× this`],
    ['Share of analysis time spent collecting garbage', `${(inside.garbageShare * 100).toFixed(0)} %`, ''],
    [`Keystroke to diagnostics, seed 001 (83 KB), ${seed.edits} edits (median of ${RUNS} runs): p50 / p95`, `${ms(seed.p50)} / ${ms(seed.p95)}`, 'target p95 ≤ 10 ms'],
    [`Keystroke to diagnostics, 1 MB report, ${large.edits} edits: p50 / p95`, `${ms(large.p50)} / ${ms(large.p95)}`, 'target p95 ≤ 50 ms'],
    [`Keystroke to diagnostics pulled (LSP 3.17, as VS Code asks), seed 001, ${seedPull.edits} edits: p50 / p95`, `${ms(seedPull.p50)} / ${ms(seedPull.p95)}`, 'target p95 ≤ 10 ms'],
    [`Keystroke to diagnostics pulled, 1 MB report, ${largePull.edits} edits: p50 / p95`, `${ms(largePull.p50)} / ${ms(largePull.p95)}`, 'target p95 ≤ 50 ms'],
    [
      `The same four, leaving out the first ${SERVER_WARM_UP_EDITS} edits after the server starts: p95`,
      [seed, large, seedPull, largePull].map((run) => ms(run.laterP95)).join(' / '),
      'pushed seed, pushed 1 MB, pulled seed, pulled 1 MB',
    ],
    [
      'The server\'s own work per keystroke, in process (update, analyse, encode): p50 / p95, seed 001 and 1 MB',
      `${ms(seedWork.p50)} / ${ms(seedWork.p95)}, ${ms(largeWork.p50)} / ${ms(largeWork.p95)}`,
      `the 1 MB report's diagnostics are ${(largeWork.bytes / 1000).toFixed(0)} KB of JSON`,
    ],
    ['Server start: spawning the shipped bundle (dist/server.js) to its answer to initialize', ms(median(starts)), ''],
    [
      `Typing ${SLOW_KEYS} keys ${SLOW_GAP_MS} ms apart into a report of ${DENSE_SECTIONS / 1000}k graded sections (${(dense.length / 1e6).toFixed(1)} MB; first check ${ms(paced.firstCheck)}), checked once typing pauses (default) / at every key: checks made`,
      `${paced.checks.toFixed(0)} / ${everyKey.checks.toFixed(0)}`,
      `median of ${slowRuns.paced.length} runs each, taking turns`,
    ],
    ['The same: from the last key to its diagnostics', `${ms(paced.lastKeyToDiagnostics)} / ${ms(everyKey.lastKeyToDiagnostics)}`, ''],
    ['The same: a hover asked while typing waited (median)', `${ms(paced.hoverWait)} / ${ms(everyKey.hoverWait)}`, ''],
    ...scale.map(
      (row) =>
        [
          `Analysis of ${row.factor}× seed 001 (${row.megabytes.toFixed(1)} MB)`,
          ms(row.time),
          `${row.perMegabyte.toFixed(1)} ms/MB, of which collecting garbage ${row.collecting.toFixed(1)}; ${row.faultsPerMegabyte.toFixed(0)} fresh pages touched per MB`,
        ] as [string, string, string],
    ),
    ['Growth from 1× to 100× (ms/MB at 100× ÷ at 1×)', `${(scale[2]!.perMegabyte / scale[0]!.perMegabyte).toFixed(2)}`, 'linear ≈ 1'],
    [
      'The same growth outside garbage collection',
      `${((scale[2]!.perMegabyte - scale[2]!.collecting) / (scale[0]!.perMegabyte - scale[0]!.collecting)).toFixed(2)}`,
      `from 10× to 100×: ${(scale[2]!.time / scale[1]!.time).toFixed(1)}× the time for 10× the text; from 100× to 200×: ${(scale[3]!.time / scale[2]!.time).toFixed(2)}× for 2×`,
    ],
    [`Analysis of the ${(fs.statSync(corpus.large10).size / 1e6).toFixed(0)} MB report`, ms(large10), ''],
    [`Server memory (RSS) with ${memory.documents} reports open`, `${memory.rss.toFixed(0)} MB`, 'target ≤ 150 MB'],
  ];
  console.log('| measure | result | note |\n|---|---|---|');
  for (const [measure, result, note] of rows) console.log(`| ${measure} | ${result} | ${note} |`);
  console.log('\nWhere the in-process analysis of the 200 reports spends its time (self time, sampled by V8\'s profiler):\n');
  console.log('| where | share |\n|---|---|');
  const shown = places.slice(0, 12);
  for (const { place, share } of shown) console.log(`| ${place} | ${(share * 100).toFixed(1)} % |`);
  const rest = places.slice(shown.length).reduce((sum, { share }) => sum + share, 0);
  if (rest > 0) console.log(`| ${places.length - shown.length} other files | ${(rest * 100).toFixed(1)} % |`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
