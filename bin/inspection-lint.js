#!/usr/bin/env node
'use strict';
require('../out/server/src/cli/v8-tuning.js').tuneV8ForOneShotRun();
require('../out/server/src/cli/main.js').runCli();
