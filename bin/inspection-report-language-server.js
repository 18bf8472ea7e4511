#!/usr/bin/env node
'use strict';
if (!process.argv.slice(2).some((arg) => /^--(stdio|node-ipc|socket|pipe)/.test(arg))) {
  process.stderr.write('Usage: inspection-report-language-server --stdio | --node-ipc | --socket=PORT\n');
  process.exit(2);
}
require('../out/server/src/lsp/main.js').main();
