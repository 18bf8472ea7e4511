import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { codeCacheFile } from '../../server/src/cli/code-cache';
import { repoRoot } from '../helpers/paths';

const bundle = path.join(repoRoot, 'dist', 'cli.js');
const codeCache = path.join(repoRoot, 'out', 'server', 'src', 'cli', 'code-cache.js');
const tuning = path.join(repoRoot, 'out', 'server', 'src', 'cli', 'v8-tuning.js');

/** Loads a bundle in a fresh Node, tuned as the bin is unless told otherwise; says how the cache was used and what the bundle exports. */
function loadInFreshNode(file: string, tuned = true, env: Record<string, string> = {}): { cache: string; exports: string[] } {
  const script = [
    tuned ? `require(${JSON.stringify(tuning)}).tuneV8ForOneShotRun();` : '',
    `const loaded = require(${JSON.stringify(codeCache)}).loadWithCodeCache(${JSON.stringify(file)});`,
    'process.stdout.write(JSON.stringify({ cache: loaded.cache, exports: Object.keys(loaded.exports).sort() }));',
  ].join('\n');
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '', ...env } });
  assert.strictEqual(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as { cache: string; exports: string[] };
}

describe('the CLI bundle and its code cache', () => {
  let tmp: string;
  before(() => {
    assert.ok(fs.existsSync(bundle) && fs.existsSync(codeCacheFile(bundle)), 'dist/cli.js and its cache are made by npm run bundle (npm test runs it)');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-cli-cache-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('is taken by V8 when the bin\'s flags are set, and only then; NODE_DISABLE_COMPILE_CACHE turns it off', () => {
    assert.deepStrictEqual(loadInFreshNode(bundle), { cache: 'used', exports: ['USAGE', 'lintRead', 'main', 'runCli'] });
    // the cache is only good for the flags it was made with
    assert.strictEqual(loadInFreshNode(bundle, false).cache, 'rejected');
    assert.strictEqual(loadInFreshNode(bundle, true, { NODE_DISABLE_COMPILE_CACHE: '1' }).cache, 'disabled');
  });

  it('reports exactly what the compiled sources report', () => {
    const run = (entry: string) => {
      const bin = path.join(tmp, `${path.basename(entry)}-bin.js`);
      fs.writeFileSync(bin, `require(${JSON.stringify(tuning)}).tuneV8ForOneShotRun();\n${entry}.runCli();\n`);
      return spawnSync(process.execPath, [bin, '--format', 'json', 'seeds', 'test/fixtures'], { cwd: repoRoot, encoding: 'utf8' });
    };
    const fromBundle = run(`require(${JSON.stringify(codeCache)}).loadWithCodeCache(${JSON.stringify(bundle)}).exports`);
    const fromSources = run(`require(${JSON.stringify(path.join(repoRoot, 'out', 'server', 'src', 'cli', 'main.js'))})`);
    assert.ok((JSON.parse(fromBundle.stdout) as unknown[]).length > 20, fromBundle.stderr);
    assert.strictEqual(fromBundle.stdout, fromSources.stdout, 'dist/cli.js is older than the sources: npm run bundle');
    assert.strictEqual(fromBundle.status, fromSources.status);
  });

  it('leaves zod out, requiring it from node_modules only to read a configuration file', () => {
    assert.ok(fs.readFileSync(bundle, 'utf8').includes('require("zod")'), 'zod is external to dist/cli.js (scripts/bundle.js)');
    const zodLoaded = (args: string[]) => {
      const script = [
        `require(${JSON.stringify(tuning)}).tuneV8ForOneShotRun();`,
        `const { main } = require(${JSON.stringify(codeCache)}).loadWithCodeCache(${JSON.stringify(bundle)}).exports;`,
        `const io = { cwd: ${JSON.stringify(repoRoot)}, stdout: () => {}, stderr: (t) => process.stderr.write(t), isTTY: false, env: {} };`,
        `main(${JSON.stringify(args)}, io).then((code) => process.stdout.write(JSON.stringify({ code, zod: Object.keys(require.cache).some((file) => file.includes('/node_modules/zod/')) })));`,
      ].join('\n');
      const run = spawnSync(process.execPath, ['-e', script], { cwd: repoRoot, encoding: 'utf8' });
      assert.strictEqual(run.status, 0, run.stderr);
      return JSON.parse(run.stdout) as { code: number; zod: boolean };
    };
    assert.deepStrictEqual(zodLoaded(['--no-config', 'seeds']), { code: 0, zod: false });
    const config = path.join(tmp, 'custom.json');
    fs.writeFileSync(config, JSON.stringify({ rules: { 'missing-grade': 'error' } }));
    assert.deepStrictEqual(zodLoaded(['--config', config, 'seeds']), { code: 0, zod: true });
  });

  it('ignores a cache made from another bundle and a damaged one, and still runs', () => {
    const copy = path.join(tmp, 'cli.js');
    fs.copyFileSync(bundle, copy);
    const cache = fs.readFileSync(codeCacheFile(bundle));
    fs.writeFileSync(codeCacheFile(copy), cache);
    assert.strictEqual(loadInFreshNode(copy).cache, 'used');

    // the same length of text, one character changed: V8 alone would take the cache
    const text = fs.readFileSync(bundle, 'utf8');
    const at = text.indexOf('Usage: inspection-lint');
    fs.writeFileSync(copy, text.slice(0, at) + 'usage' + text.slice(at + 5));
    assert.deepStrictEqual(loadInFreshNode(copy), { cache: 'stale', exports: ['USAGE', 'lintRead', 'main', 'runCli'] });

    fs.copyFileSync(bundle, copy);
    const damaged = Buffer.from(cache);
    damaged[damaged.length >> 1] ^= 0xff;
    fs.writeFileSync(codeCacheFile(copy), damaged);
    assert.deepStrictEqual(loadInFreshNode(copy), { cache: 'damaged', exports: ['USAGE', 'lintRead', 'main', 'runCli'] });

    fs.writeFileSync(codeCacheFile(copy), cache.subarray(0, 30));
    assert.strictEqual(loadInFreshNode(copy).cache, 'damaged');
    fs.rmSync(codeCacheFile(copy));
    assert.strictEqual(loadInFreshNode(copy).cache, 'missing');
  });

  it('runs the compiled sources instead while they are newer than the bundle', () => {
    // a project root with stand-ins for both entry modules
    const root = fs.mkdtempSync(path.join(tmp, 'root-'));
    const compiled = path.join(root, 'out', 'server', 'src', 'cli', 'main.js');
    const bundled = path.join(root, 'dist', 'cli.js');
    fs.mkdirSync(path.dirname(compiled), { recursive: true });
    fs.mkdirSync(path.dirname(bundled), { recursive: true });
    fs.writeFileSync(compiled, "exports.runCli = () => 'compiled';\n");
    fs.writeFileSync(bundled, "exports.runCli = () => 'bundle';\n");
    const chosen = () =>
      spawnSync(process.execPath, ['-e', `process.stdout.write(require(${JSON.stringify(codeCache)}).loadCli(${JSON.stringify(root)}).runCli())`], { encoding: 'utf8' }).stdout;
    const past = new Date(Date.now() - 60_000);
    fs.utimesSync(compiled, past, past);
    assert.strictEqual(chosen(), 'bundle');
    fs.utimesSync(bundled, new Date(past.getTime() - 60_000), new Date(past.getTime() - 60_000));
    assert.strictEqual(chosen(), 'compiled');
    fs.rmSync(compiled);
    assert.strictEqual(chosen(), 'bundle');
  });
});
