#!/usr/bin/env node
// Bundles the extension client and the language server into dist/ with esbuild (npm run bundle).
'use strict';
const esbuild = require('esbuild');
const path = require('path');

const root = path.join(__dirname, '..');
// ES module entries first: jsonc-parser's default (UMD) entry loads its parts with a require esbuild cannot follow
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], sourcemap: 'linked', minify: true, logLevel: 'warning', absWorkingDir: root };

Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
])
  // the validated built-in profiles go with the server (written by npm run build)
  .then(() => require('fs').copyFileSync(path.join(root, 'out', 'frameworks.json'), path.join(root, 'dist', 'frameworks.json')))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
