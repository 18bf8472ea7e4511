import type { Directive } from '../model';
import { lineRange } from '../text';
import type { Lines } from './lines';

/** How many lines from the top a framework directive may appear in. */
export const FRAMEWORK_DIRECTIVE_LINES = 30;

const FRAMEWORK = /<!--\s*(?:inspection-)?framework\s*:\s*([^\s>]*)\s*-->/i;
const LINT = /<!--\s*inspection-lint-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)-->/gi;

/** Framework and rule directives, written as HTML comments so that they stay invisible in Markdown. */
export function readDirectives(lines: Lines): Directive[] {
  const out: Directive[] = [];
  for (let line = 0; line < lines.length; line++) {
    // a comment opens with "<", which marks the line as one that may hold markup
    if (!lines.mayHoldMarkup(line)) continue;
    const text = lines.text(line);
    if (!text.includes('<!--')) continue;
    if (line < FRAMEWORK_DIRECTIVE_LINES) {
      const match = FRAMEWORK.exec(text);
      if (match) {
        out.push({
          kind: 'framework',
          values: match[1] ? [match[1].toLowerCase()] : [],
          range: lineRange(line, match.index, match.index + match[0].length),
        });
      }
    }
    LINT.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = LINT.exec(text))) {
      out.push({
        kind: (match[1] ?? 'disable').toLowerCase() as Directive['kind'],
        values: (match[2] ?? '').split(/[\s,]+/).filter(Boolean),
        range: lineRange(line, match.index, match.index + match[0].length),
      });
    }
  }
  return out;
}
