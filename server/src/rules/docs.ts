import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';

let docsDir: string | null | undefined;

/** docs/rules of the installed package (next to the bundle as docs/rules), or null when not shipped. */
export function ruleDocsDirectory(): string | null {
  if (docsDir !== undefined) return docsDir;
  docsDir = null;
  for (let dir = __dirname, depth = 0; depth < 7; depth++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'docs', 'rules');
    if (fs.existsSync(path.join(candidate, 'missing-grade.md'))) {
      docsDir = candidate;
      break;
    }
  }
  return docsDir;
}

const docsUrls = new Map<string, string | undefined>();

/** A link to a rule's page: the file URL of its docs page, which an editor opens directly (made once per rule). */
export function ruleDocsUrl(ruleId: string): string | undefined {
  if (docsUrls.has(ruleId)) return docsUrls.get(ruleId);
  const dir = ruleDocsDirectory();
  const url = dir ? pathToFileURL(path.join(dir, `${ruleId}.md`)).href : undefined;
  docsUrls.set(ruleId, url);
  return url;
}

export function ruleDocsMarkdown(ruleId: string): string | undefined {
  const dir = ruleDocsDirectory();
  if (!dir) return undefined;
  try {
    return fs.readFileSync(path.join(dir, `${ruleId}.md`), 'utf8');
  } catch {
    return undefined;
  }
}
