import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readSeed, repoRoot } from '../helpers/paths';

// Real third-party LSP clients from Debian (installed by scripts/ensure-test-tools.sh): the server must work
// for them as it does for VS Code. The scripts are the ones the README's Neovim and Emacs sections describe.
const editors = path.join(repoRoot, 'test', 'editors');

function requireTool(name: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  assert.ok(found, `${name} is not installed: run scripts/ensure-test-tools.sh (npm test does)`);
  return found;
}

describe('real editors as LSP clients', function () {
  this.timeout(120000);
  let dir: string;
  let report: string;
  let env: NodeJS.ProcessEnv;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-editors-'));
    // the server on PATH, as `npm install -g` would put it
    fs.mkdirSync(path.join(dir, 'bin'));
    fs.symlinkSync(path.join(repoRoot, 'bin', 'inspection-report-language-server.js'), path.join(dir, 'bin', 'inspection-report-language-server'));
    env = { ...process.env, PATH: `${path.join(dir, 'bin')}:${path.dirname(process.execPath)}:${process.env.PATH}` };
    report = path.join(dir, 'report.txt');
    fs.writeFileSync(path.join(dir, 'other.txt'), readSeed('apa-2007-rutland'));
    // seed 001 with one slip a quick fix can mend: line 91 "Grade 3 (Adequate)" relabelled "Good"
    const lines = readSeed('slac-2011-rutland').split('\n');
    lines[90] = 'Grade 3 (Good)';
    fs.writeFileSync(report, lines.join('\n'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('headless Neovim: diagnostics, outline, hover, folding and a quick fix that mends the text', () => {
    const nvim = requireTool('nvim');
    const run = spawnSync(nvim, ['--headless', '-u', path.join(editors, 'neovim-init.lua'), '-i', 'NONE', '-n', '-c', `luafile ${path.join(editors, 'neovim-check.lua')}`], {
      env: { ...env, LSP_FILE: report, LSP_FILE2: path.join(dir, 'other.txt'), FIX_CODE: 'grade-label-mismatch' },
      encoding: 'utf8',
      input: '',
      timeout: 90000,
    });
    assert.strictEqual(run.status, 0, `nvim failed: ${run.stderr}\n${run.stdout}`);
    const out = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}');
    assert.deepStrictEqual(
      out.diagnostics.map((d: { line: number; code: string }) => [d.line, d.code]),
      [[91, 'grade-label-mismatch'], [379, 'record-group-mismatch'], [384, 'record-entry-without-section'], [399, 'record-entry-without-section']],
    );
    assert.ok(out.symbols.some((s: { name: string; children: { name: string; detail: string }[] }) =>
      s.name === 'Safeguarding services' && s.children.some((c) => c.name === 'Partnership working' && c.detail === 'Grade 2 · Good')));
    assert.match(out.hover, /SLAC 2011 scale[\s\S]*\*Grade 3 \(Good\)\* means \*\*Adequate\*\*/);
    assert.ok(out.folding.some((range: [number, number]) => range[0] === 87 && range[1] === 225), 'the safeguarding part folds');
    assert.ok(out.code_actions.some((action: { title: string; preferred: boolean }) => action.preferred && /Make the label Adequate/.test(action.title)));
    assert.strictEqual(out.fixed_line, 'Grade 3 (Adequate)');
    assert.deepStrictEqual(out.diagnostics_after_fix.map((d: { line: number }) => d.line), [379, 384, 399]);
    assert.strictEqual(out.clients, 1, 'two reports in one folder share one server');
  });

  it('the README quotes the configuration snippets these tests run, word for word', () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    for (const snippet of ['neovim-init.lua', 'emacs-init.el']) {
      assert.ok(readme.includes(fs.readFileSync(path.join(editors, snippet), 'utf8').trim()), `README does not quote test/editors/${snippet}`);
    }
  });

  it('Emacs with Eglot: diagnostics in Flymake, outline in imenu, hover and folding', () => {
    const emacs = requireTool('emacs');
    const run = spawnSync(emacs, ['--batch', '-l', path.join(editors, 'emacs-init.el'), '-l', path.join(editors, 'emacs-check.el')], {
      env: { ...env, LSP_FILE: report },
      encoding: 'utf8',
      input: '',
      timeout: 90000,
    });
    assert.strictEqual(run.status, 0, `emacs failed: ${run.stderr}`);
    const out = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}');
    const lines = out.diagnostics.map((d: { line: number }) => d.line).sort((a: number, b: number) => a - b);
    assert.deepStrictEqual(lines, [91, 379, 384, 399]);
    assert.ok(out.diagnostics.some((d: { type: string; text: string }) => d.type === 'eglot-error' && /grade-label-mismatch/.test(d.text)));
    assert.ok(out.symbols.includes('Services for looked after children'));
    assert.ok(out.imenu.includes('Safeguarding services'));
    assert.match(out.hover, /SLAC 2011 scale/);
    assert.ok(out.folding > 30);
    assert.deepStrictEqual(out.ensure_modes, ['text-mode'], 'Eglot is started for text, not for Org or outline buffers');
  });
});
