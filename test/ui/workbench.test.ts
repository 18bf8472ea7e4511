import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readSeed, repoRoot } from '../helpers/paths';

// What a writer sees in a real VS Code window (code-server in headless Chromium): the squiggle,
// the Problems panel and the Outline, with a screenshot kept in test-results/ as a CI artefact.
interface Workbench {
  openFileFromExplorer(name: string): Promise<void>;
  waitForSquiggle(kind: 'error' | 'warning' | 'info' | 'any'): Promise<void>;
  runCommand(title: string): Promise<void>;
  openProblems(): Promise<string[]>;
  openOutline(): Promise<string[]>;
  screenshot(file: string): Promise<void>;
  close(): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { openWorkbench } = require(path.join(repoRoot, 'test', 'vscode-host', 'ui-driver.js')) as {
  openWorkbench(options: { workspace: string; extensionDevelopmentPath: string }): Promise<Workbench>;
};

describe('the extension in the VS Code window (browser UI)', function () {
  this.timeout(180000);
  let workspace: string;
  let ui: Workbench | undefined;
  const shots = path.join(repoRoot, 'test-results', 'ui');

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-ui-'));
    fs.writeFileSync(path.join(workspace, 'rutland-2011.report.txt'), readSeed('slac-2011-rutland'));
    fs.mkdirSync(shots, { recursive: true });
    ui = await openWorkbench({ workspace, extensionDevelopmentPath: repoRoot });
  });
  after(async () => {
    await ui?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('shows the squiggle, the Problems panel and the Outline for a seed report', async () => {
    await ui!.openFileFromExplorer('rutland-2011.report.txt');
    const problems = await ui!.openProblems();
    assert.ok(problems.some((row) => /Equality and diversity/.test(row)), `Problems rows: ${problems.join(' | ')}`);
    assert.ok(problems.some((row) => /record-group-mismatch/.test(row)), 'the rule id is shown');
    // the first problem is at line 379: go there as a writer would, so that the editor draws its squiggle
    await ui!.runCommand('Go to Next Problem (Error, Warning, Info)');
    await ui!.waitForSquiggle('warning');
    const outline = await ui!.openOutline();
    assert.ok(outline.some((row) => /Safeguarding services/.test(row)), `Outline rows: ${outline.join(' | ')}`);
    assert.ok(outline.some((row) => /Overall effectiveness.*Grade 3 · Adequate/.test(row)), 'a judgement shows its grade');
    await ui!.screenshot(path.join(shots, 'seed-001-problems-outline.png'));
    assert.ok(fs.statSync(path.join(shots, 'seed-001-problems-outline.png')).size > 10000);
  });
});
