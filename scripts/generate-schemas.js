#!/usr/bin/env node
// Build step (npm run build): writes server/schemas/*.schema.json from the zod schemas, and out/frameworks.json,
// the built-in framework profiles validated once so that start-up need not load zod (see core/frameworks/builtin.ts).
'use strict';
const fs = require('fs');
const path = require('path');
const { configJsonSchema, frameworkJsonSchema } = require('../out/server/src/config/json-schema');
const { builtinFrameworkDirectory, frameworkSources, validateFrameworkTexts } = require('../out/server/src/core/frameworks/builtin');

const root = path.join(__dirname, '..');
const dir = path.join(root, 'server', 'schemas');
fs.mkdirSync(dir, { recursive: true });
const write = (file, data) => fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
write(path.join(dir, 'inspection-lint.schema.json'), configJsonSchema());
write(path.join(dir, 'framework.schema.json'), frameworkJsonSchema());

const { files, hash } = frameworkSources(builtinFrameworkDirectory());
fs.writeFileSync(path.join(root, 'out', 'frameworks.json'), JSON.stringify({ hash, profiles: validateFrameworkTexts(files) }));
