import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint } from '../../server/src/lint/engine';
import { allRules } from '../../server/src/rules';
import { repoRoot } from '../helpers/paths';

/** A fenced example on a rule's page: ```report <framework> correct|incorrect */
interface Example {
  framework: string;
  kind: 'correct' | 'incorrect';
  text: string;
  line: number;
}

function examples(markdown: string): Example[] {
  const out: Example[] = [];
  const fence = /^```report[ \t]+([a-z0-9-]+)[ \t]+(correct|incorrect)[ \t]*\n([\s\S]*?)^```[ \t]*$/gm;
  let match: RegExpExecArray | null;
  while ((match = fence.exec(markdown))) {
    out.push({
      framework: match[1] as string,
      kind: match[2] as Example['kind'],
      text: match[3] as string,
      line: markdown.slice(0, match.index).split('\n').length,
    });
  }
  return out;
}

describe('rule docs: every rule has a page whose examples are true', () => {
  const docs = path.join(repoRoot, 'docs', 'rules');
  for (const rule of allRules) {
    const id = rule.meta.id;
    describe(id, () => {
      const file = path.join(docs, `${id}.md`);
      it('has a docs page with its description, severity and an incorrect and a correct example', () => {
        assert.ok(fs.existsSync(file), `missing docs/rules/${id}.md`);
        const page = fs.readFileSync(file, 'utf8');
        assert.match(page, new RegExp(`^# ${id}$`, 'm'));
        assert.ok(page.includes(rule.meta.description), 'the page quotes the rule description');
        assert.match(page, new RegExp(`Default severity[^\\n]*${rule.meta.defaultSeverity}`));
        const found = examples(page);
        assert.ok(found.some((example) => example.kind === 'incorrect'), 'no incorrect example');
        assert.ok(found.some((example) => example.kind === 'correct'), 'no correct example');
      });
      if (!fs.existsSync(file)) return;
      for (const example of examples(fs.readFileSync(file, 'utf8'))) {
        it(`${example.kind} example at line ${example.line} (${example.framework}) ${example.kind === 'incorrect' ? 'triggers' : 'passes'}`, () => {
          const { diagnostics, report } = lint(example.text, { framework: example.framework });
          assert.strictEqual(report.framework?.profile.id, example.framework);
          const own = diagnostics.filter((diagnostic) => diagnostic.ruleId === id);
          if (example.kind === 'incorrect') assert.ok(own.length > 0, `the rule did not trigger; diagnostics: ${JSON.stringify(diagnostics.map((d) => d.ruleId))}`);
          else assert.deepStrictEqual(own.map((d) => d.message), []);
        });
      }
    });
  }

  it('lists every rule in the index', () => {
    const index = fs.readFileSync(path.join(docs, 'README.md'), 'utf8');
    for (const rule of allRules) assert.ok(index.includes(`(${rule.meta.id}.md)`), `${rule.meta.id} not linked from docs/rules/README.md`);
  });
});
