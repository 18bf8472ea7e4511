#!/usr/bin/env node
// Writes server/schemas/*.schema.json from the zod schemas (run by `npm run build`).
'use strict';
const fs = require('fs');
const path = require('path');
const { configJsonSchema, frameworkJsonSchema } = require('../out/server/src/config/json-schema');

const dir = path.join(__dirname, '..', 'server', 'schemas');
fs.mkdirSync(dir, { recursive: true });
const write = (name, schema) => fs.writeFileSync(path.join(dir, name), JSON.stringify(schema, null, 2) + '\n');
write('inspection-lint.schema.json', configJsonSchema());
write('framework.schema.json', frameworkJsonSchema());
