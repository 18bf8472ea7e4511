#!/usr/bin/env node
// Tells where the packaged extension is and how to install it (the end of `npm start`).
'use strict';
const fs = require('fs');
const path = require('path');
const { name, version } = require('../package.json');

const vsix = path.join(__dirname, '..', `${name}-${version}.vsix`);
if (!fs.existsSync(vsix)) {
  console.error(`No ${path.basename(vsix)}: run npm run package`);
  process.exit(1);
}
const size = (fs.statSync(vsix).size / 1024).toFixed(0);
console.log(`
VS Code extension: ${vsix} (${size} KB)
  install it:  code --install-extension ${path.relative(process.cwd(), vsix)}
  or in VS Code: Extensions view → … → Install from VSIX…
  without VS Code: npm run demo (opens the seeds in VS Code in the browser, code-server)
Command-line linter: npx inspection-lint FILE|FOLDER   Language server: npx inspection-report-language-server --stdio`);
