#!/usr/bin/env node
'use strict';
const path = require('path');
require('../out/server/src/cli/v8-tuning.js').tuneV8ForOneShotRun();
require('../out/server/src/cli/code-cache.js').loadCli(path.join(__dirname, '..')).runCli();
