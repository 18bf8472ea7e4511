// Runs the tests in test/vscode inside a real VS Code extension host with @vscode/test-cli.
// Here (no desktop VS Code can be downloaded) the host is code-server, through test/vscode-host/code-shim.js;
// with VSCODE_TEST_DESKTOP=1 the same tests run in a desktop VS Code downloaded by @vscode/test-electron.
import { defineConfig } from '@vscode/test-cli';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.dirname(new URL(import.meta.url).pathname);
const seeds = path.join(root, 'seeds');

// a fresh workspace of report files for every run
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-vscode-'));
for (const name of fs.readdirSync(seeds).filter((file) => file.endsWith('.txt'))) fs.copyFileSync(path.join(seeds, name), path.join(workspace, name));
const slac = fs.readFileSync(path.join(seeds, 'slac-2011-rutland.txt'), 'utf8').split('\n');
const withLine91 = (text) => slac.map((line, index) => (index === 90 ? text : line)).join('\n');
fs.writeFileSync(path.join(workspace, 'broken.report.txt'), withLine91('Grade 2 (Good)'));
fs.writeFileSync(path.join(workspace, 'label.report.txt'), withLine91('Grade 3 (Good)'));
fs.writeFileSync(path.join(workspace, 'draft.report.txt'), 'Being healthy\n\nGrade 3\n');
fs.writeFileSync(path.join(workspace, 'notes.txt'), 'Shopping list\n\nGrade 5 pencils, good ones.\n');
fs.writeFileSync(
  path.join(workspace, 'no-record.report.txt'),
  ['Inspection of safeguarding and looked after children services', '', 'Safeguarding services', '', 'Overall effectiveness', '', 'Grade 3 (Adequate)', '',
    '1. The overall effectiveness of safeguarding services is adequate.', '', 'Partnership working', '', 'Grade 2 (Good)', '', '2. Partnership working arrangements are good.', ''].join('\n'),
);
fs.writeFileSync(path.join(workspace, '.inspection-lint.json'), '{\n  "rules": { "missing-grade": "loud" }\n}\n');

const desktop = process.env.VSCODE_TEST_DESKTOP === '1';
export default defineConfig({
  files: 'out/test/vscode/**/*.test.js',
  extensionDevelopmentPath: root,
  workspaceFolder: workspace,
  mocha: { ui: 'bdd', timeout: 60000, color: false },
  ...(desktop ? {} : { useInstallation: { fromPath: path.join(root, 'test', 'vscode-host', 'code-shim.js') } }),
});
