#!/usr/bin/env node
// Bundles the extension client, the language server and the CLI into dist/ with esbuild (npm run bundle),
// then makes the CLI's code cache (scripts/cli-code-cache.js).
'use strict';
const esbuild = require('esbuild');
const path = require('path');

const root = path.join(__dirname, '..');
// ES module entries first: jsonc-parser's default (UMD) entry loads its parts with a require esbuild cannot follow
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], sourcemap: 'linked', minify: true, logLevel: 'warning', absWorkingDir: root };

/** Resolves the server's `require('zod')` to dist/zod.js, beside it, instead of taking zod into its bundle. */
const zodBeside = {
  name: 'zod-beside',
  setup(build) {
    build.onResolve({ filter: /^zod$/ }, () => ({ path: './zod.js', external: true }));
  },
};

Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  // zod, needed only to read a configuration file, is a bundle of its own beside the server's: the server starts
  // without compiling it (about a third less to compile at every start), and loads it with the first configuration
  esbuild.build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', plugins: [zodBeside] }),
  esbuild.build({ ...common, entryPoints: ['zod'], outfile: 'dist/zod.js' }),
  // zod (three quarters of the bundle) is needed only to read a configuration file, and is then required from
  // node_modules: every run reads, checks and deserialises the bundle, 12 ms less without it (README "Speed")
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', external: ['zod'] }),
])
  // the validated built-in profiles go with the server (written by npm run build)
  .then(() => require('fs').copyFileSync(path.join(root, 'out', 'frameworks.json'), path.join(root, 'dist', 'frameworks.json')))
  // in a fresh process: the cache must be made with the V8 flags the bin sets, and nothing else
  .then(() => require('child_process').execFileSync(process.execPath, [path.join(__dirname, 'cli-code-cache.js')], { stdio: 'inherit' }))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
