import * as assert from 'assert';
import * as fc from 'fast-check';
import { Analyzer } from '../../server/src/lsp/analysis';
import { completions } from '../../server/src/lsp/features/completion';
import { hover } from '../../server/src/lsp/features/hover';
import { markdownText, snippetText } from '../../server/src/lsp/features/markdown';
import { LineDocument } from '../../server/src/lsp/line-document';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';

// markdown-it renders CommonMark, as VS Code's hovers do (with GFM tables and strikethrough, which it has too)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options?: object) => { render(text: string): string; renderInline(text: string): string };
const markdown = new MarkdownIt({ html: true });

const decode = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** The hover's value for the text at a line and character of a report. */
function hoverAt(text: string, line: number, character: number): string {
  const analysis = new Analyzer({ ...DEFAULT_SETTINGS }).get(LineDocument.create('file:///report.txt', 'inspection-report', 1, text));
  const result = hover(analysis, { line, character });
  assert.ok(result, `no hover at ${line}:${character}`);
  return (result.contents as { value: string }).value;
}

describe('text of reports in hovers and completions reads as written, never as Markdown', () => {
  it('escapes whatever would open emphasis, code, a link, an image or HTML', () => {
    const text = fc.string({ unit: fc.constantFrom(...'ab *_`[]()!<>&|~\\#-+.:/é'.split(''), '![x](https://e.example/p.png)', '<img src=x>', '&amp;', '[l](u)'), maxLength: 40 });
    fc.assert(
      fc.property(text, (raw) => {
        // titles and labels are trimmed, as the hovers quote them
        fc.pre(raw.length > 0 && raw.trim() === raw);
        const html = markdown.renderInline(`**${markdownText(raw)}**`);
        // one strong run and nothing inside it: the text is its content, as written
        const inner = /^<strong>([\s\S]*)<\/strong>$/.exec(html);
        assert.ok(inner, `${JSON.stringify(raw)} rendered as ${html}`);
        assert.ok(!/<[a-z]/.test(inner[1]!), `${JSON.stringify(raw)} rendered as ${html}`);
        assert.strictEqual(decode(inner[1]!), raw);
      }),
      { numRuns: 3000 },
    );
  });

  it('a record row written as an image, a link and HTML hovers as that text', () => {
    const row = 'Leadership ![p](https://tracker.example/p.png) [see](https://x.example) <img src=https://y.example/i.png> *and* management';
    const report = [
      '<!-- framework: slac-2011 -->',
      'Safeguarding services',
      '',
      'Leadership and management',
      '',
      'Grade 3 (Adequate)',
      '',
      '1. Leadership and management are adequate.',
      '',
      'Record of main findings',
      '',
      `${row}\tAdequate`,
      '',
    ].join('\n');
    const value = hoverAt(report, 11, 2);
    const html = markdown.render(value);
    assert.ok(!/<img|<a /.test(html), html);
    assert.ok(decode(html).includes(row), html);
  });

  it('snippets write a judgement title with "$", "}" and "\\" as the title, not as placeholders', () => {
    assert.strictEqual(snippetText('Value for money ($) {a} \\ b'), 'Value for money (\\$) {a\\} \\\\ b');
    const analysis = new Analyzer({ ...DEFAULT_SETTINGS }).get(LineDocument.create('file:///r.txt', 'inspection-report', 1, '<!-- framework: slac-2011 -->\n\n'));
    const items = completions(analysis, { line: 2, character: 0 }, true);
    assert.ok(items.length > 0);
    for (const item of items) assert.ok(item.textEdit && 'newText' in item.textEdit && item.textEdit.newText.startsWith(snippetText(item.label)));
  });
});

describe('hovers on a grade out of a scale of another size', () => {
  const report = (grade: string) => ['<!-- framework: slac-2011 -->', 'Safeguarding services', '', 'Quality of provision', '', grade, '', '25. The quality of provision is good. More follows.'].join('\n');

  it('say the scale has another size for "Grade 2 out of 5", and read "Grade 2 out of 4" as Grade 2', () => {
    assert.match(hoverAt(report('Grade 2 out of 5'), 5, 3), /⚠ \*Grade 2 out of 5\* counts grades out of 5: this scale has 4 levels\./);
    const four = hoverAt(report('Grade 2 out of 4'), 5, 3);
    assert.match(four, /\*Grade 2 out of 4\* means \*\*Good\*\*/);
    assert.doesNotMatch(four, /⚠/);
  });
});
