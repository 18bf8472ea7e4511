import { createHash } from 'crypto';
import * as fs from 'fs';
import Module from 'module';
import * as path from 'path';
import * as vm from 'vm';

/**
 * Loading the CLI's bundle with V8's code cache: the bytecode of every function a run over the seeds compiled,
 * saved by `npm run bundle` (scripts/cli-code-cache.js). Without it a fresh process parses and compiles each
 * function the first time it runs, which is much of a short run. Node 20 has no compile cache of its own for
 * CommonJS (`module.enableCompileCache` came in 22.1), so the bundle is compiled here, as `require` would.
 *
 * V8 checks that the cache comes from the same V8, the same flags and a source of the same length, but neither the
 * source itself nor (in release builds) the cache's own integrity. So the cache file starts with the SHA-1 of the
 * bundle it was made from and the SHA-1 of the data that follows, and a cache that fails either is not handed to V8.
 * A cache that is not used only costs its reading: the bundle is then compiled as usual. NODE_DISABLE_COMPILE_CACHE=1
 * (the variable Node's own compile cache obeys) turns it off.
 */
export type CacheUse =
  | 'used'
  /** V8 refused it: another V8 version or other flags. */
  | 'rejected'
  /** Made from another text of the bundle. */
  | 'stale'
  /** Its data does not match its checksum (a damaged file). */
  | 'damaged'
  /** NODE_DISABLE_COMPILE_CACHE is set. */
  | 'disabled'
  | 'missing';

export interface LoadedBundle {
  exports: Record<string, unknown>;
  script: vm.Script;
  /** SHA-1 of the bundle's text, as the cache file's header records it. */
  hash: string;
  cache: CacheUse;
}

const HASH_LENGTH = 40;
const HEADER_LENGTH = 2 * HASH_LENGTH;

const sha1 = (data: string | Buffer) => createHash('sha1').update(data).digest('hex');

export function codeCacheFile(bundle: string): string {
  return `${bundle}.cache`;
}

/** The stored cache for this text of the bundle, if there is a sound one. */
function readCache(bundle: string, hash: string): { use: CacheUse; data?: Buffer } {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return { use: 'disabled' };
  let stored: Buffer;
  try {
    stored = fs.readFileSync(codeCacheFile(bundle));
  } catch {
    return { use: 'missing' };
  }
  if (stored.length < HEADER_LENGTH) return { use: 'damaged' };
  if (stored.toString('latin1', 0, HASH_LENGTH) !== hash) return { use: 'stale' };
  const data = stored.subarray(HEADER_LENGTH);
  if (stored.toString('latin1', HASH_LENGTH, HEADER_LENGTH) !== sha1(data)) return { use: 'damaged' };
  return { use: 'used', data };
}

/** Compiles and runs a CommonJS bundle as `require` would, with its code cache when one was made from this text. */
export function loadWithCodeCache(bundle: string): LoadedBundle {
  const source = fs.readFileSync(bundle, 'utf8');
  const hash = sha1(source);
  const { use, data } = readCache(bundle, hash);
  const script = new vm.Script(Module.wrap(source), { filename: bundle, ...(data ? { cachedData: data } : {}) });
  const module = { exports: {} as Record<string, unknown>, filename: bundle, id: bundle };
  const compiled = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  compiled(module.exports, Module.createRequire(bundle), module, bundle, path.dirname(bundle));
  return { exports: module.exports, script, hash, cache: data && script.cachedDataRejected ? 'rejected' : use };
}

/** Saves the bytecode compiled so far for a bundle loaded by loadWithCodeCache. */
export function writeCodeCache(loaded: LoadedBundle, bundle: string): number {
  const cached = loaded.script.createCachedData();
  const data = Buffer.concat([Buffer.from(loaded.hash + sha1(cached), 'latin1'), cached]);
  const file = codeCacheFile(bundle);
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, data);
  fs.renameSync(temporary, file);
  return data.length;
}

function modifiedAt(file: string): number | null {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/**
 * The CLI's entry module for the bin: the bundle made by `npm run bundle` (dist/cli.js), loaded with its code
 * cache, unless the compiled sources are newer (after `npm run build` alone, while developing).
 */
export function loadCli(root: string): typeof import('./main') {
  const bundle = path.join(root, 'dist', 'cli.js');
  const compiled = path.join(root, 'out', 'server', 'src', 'cli', 'main.js');
  const bundled = modifiedAt(bundle);
  const built = modifiedAt(compiled);
  if (bundled !== null && (built === null || bundled >= built)) return loadWithCodeCache(bundle).exports as unknown as typeof import('./main');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(compiled) as typeof import('./main');
}
