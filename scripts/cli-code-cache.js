#!/usr/bin/env node
// Makes dist/cli.js.cache (npm run bundle): V8's bytecode for the CLI bundle after runs over the seeds in every
// output format, made with the V8 flags the bin sets. See server/src/cli/code-cache.ts.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
require('../out/server/src/cli/v8-tuning.js').tuneV8ForOneShotRun();
const { codeCacheFile, loadWithCodeCache, writeCodeCache } = require('../out/server/src/cli/code-cache.js');

const bundle = path.join(root, 'dist', 'cli.js');
fs.rmSync(codeCacheFile(bundle), { force: true });
const loaded = loadWithCodeCache(bundle);
const io = { cwd: root, stdout: () => {}, stderr: (text) => process.stderr.write(text), isTTY: false, env: {} };

(async () => {
  for (const format of ['stylish', 'json', 'sarif', 'github']) {
    const code = await loaded.exports.main(['--format', format, '--no-config', 'seeds'], io);
    if (code === 2) throw new Error(`the CLI bundle failed on the seeds (--format ${format})`);
  }
  writeCodeCache(loaded, bundle);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
