import * as fs from 'fs';
import * as path from 'path';

/** The package's version, read from its package.json (found by walking up from this file). */
export const VERSION: string = (() => {
  for (let dir = __dirname, depth = 0; depth < 7; depth++, dir = path.dirname(dir)) {
    try {
      const data = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (data.name === 'inspection-report-authoring' && data.version) return data.version;
    } catch {
      // keep looking
    }
  }
  return '0.0.0';
})();
