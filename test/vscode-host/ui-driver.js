#!/usr/bin/env node
// Drives the real VS Code UI (code-server in headless Chromium, via playwright-core) the way a
// person would, for checks that the extension-host tests cannot make: what is drawn.
//
//   const { openWorkbench } = require('./test/vscode-host/ui-driver');
//   const ui = await openWorkbench({ workspace: 'fixtures/ws', extensionDevelopmentPath: '.',
//     settings: { /* user settings over DEFAULT_SETTINGS */ } });
//   try {
//     await ui.openFileFromExplorer('sample.report.txt');    // a click in the Explorer
//     await ui.waitForSquiggle('warning');                    // 'error' | 'warning' | 'info' | 'any'
//     const problems = await ui.openProblems();               // text of each Problems row
//     const outline = await ui.openOutline();                 // text of each Outline row
//     await ui.screenshot('test-results/report.png');
//   } finally { await ui.close(); }
//
// Or from the shell, the same steps with checks (exit 1 and a *-fail.png on failure):
//   node test/vscode-host/ui-driver.js --extension DIR --workspace DIR --file NAME \
//     --screenshot PATH [--expect-problem TEXT] [--expect-outline TEXT]
//
// Needs scripts/install-vscode-e2e.sh; uses code-shim.js for code-server and Chromium.
'use strict';
const fs = require('fs');
const path = require('path');
const shim = require('./code-shim');

const row = (scope) => `${scope} .monaco-list-row`;

// A calm, predictable window: no welcome page over the editor, one Explorer row per folder (no
// "a / b" compact rows), no gallery or telemetry lookups.
const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'explorer.compactFolders': false,
  'workbench.editor.enablePreview': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
};

async function openWorkbench({ workspace, extensionDevelopmentPath, settings = {}, viewport = { width: 1400, height: 900 }, timeoutMs = 60000 }) {
  shim.checkInstalled();
  const session = shim.createSession();
  let server;
  let context;
  const onExit = () => { if (server) server.killNow(); session.remove(); };
  process.once('exit', onExit); // if the caller dies without close()
  try {
    server = await shim.startCodeServer(session, { settings: { ...DEFAULT_SETTINGS, ...settings } });
    ({ context } = await shim.launchBrowser(session, { viewport }));
  } catch (err) {
    if (server) await server.stop();
    session.remove();
    process.removeListener('exit', onExit);
    throw err;
  }
  const page = context.pages()[0];
  page.setDefaultTimeout(timeoutMs);
  const devPaths = [].concat(extensionDevelopmentPath || []);
  const payload = devPaths.map((p) => ['extensionDevelopmentPath', server.remote(p)]);
  await page.goto(shim.workbenchUrl(server, workspace, payload));
  await page.locator('.monaco-workbench').waitFor();
  // The Explorer lists the folder once the remote file system is connected.
  await page.locator(row('.explorer-folders-view')).first().waitFor();

  const ui = {
    page,
    server,

    // Opens a workspace file by clicking it (and the folders above it) in the Explorer: Quick Open
    // proved flaky with a fresh profile. `relPath` uses '/' between folders.
    async openFileFromExplorer(relPath) {
      const parts = relPath.split('/');
      const explorerRow = (name) => page.locator(row('.explorer-folders-view')).filter({
        has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }),
      }).first();
      for (const folder of parts.slice(0, -1)) {
        // A click on a folder row that is still being drawn is sometimes lost: click until open.
        const item = explorerRow(folder);
        for (let tries = 0; (await item.getAttribute('aria-expanded')) !== 'true'; tries++) {
          if (tries === 5) throw new Error(`could not expand ${folder} in the Explorer`);
          await item.click();
          await page.waitForFunction((el) => el.getAttribute('aria-expanded') === 'true', await item.elementHandle(), { timeout: 2000 }).catch(() => {});
        }
      }
      const name = parts[parts.length - 1];
      await explorerRow(name).click();
      await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
      await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
    },

    // A diagnostic squiggle drawn in the visible editor.
    async waitForSquiggle(severity = 'any') {
      const cls = { error: '.squiggly-error', warning: '.squiggly-warning', info: '.squiggly-info' }[severity]
        || '.squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info';
      await page.locator(`.monaco-editor ${cls}`).first().waitFor();
    },

    // Shows the Problems panel; returns the text of its rows (file rows and diagnostic rows).
    async openProblems() {
      await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
      await page.locator(row('.markers-panel')).first().waitFor();
      return rowsText(page, '.markers-panel');
    },

    // Shows the Outline view in the Explorer; returns the text of its rows.
    async openOutline() {
      await runCommand(page, 'Explorer: Focus on Outline View');
      await page.locator(row('.outline-pane')).first().waitFor();
      return rowsText(page, '.outline-pane');
    },

    async runCommand(title) { await runCommand(page, title); },

    async screenshot(file) {
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      await page.screenshot({ path: file });
    },

    async close() {
      process.removeListener('exit', onExit);
      await context.close().catch(() => {});
      await server.stop();
      session.remove();
    },
  };
  return ui;
}

// Runs a command through the Command Palette, by its full title as the palette lists it.
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator(row('.quick-input-list'), { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

async function rowsText(page, scope) {
  // Rows are added as the view fills in; give it a moment to settle.
  let prev;
  for (let i = 0; i < 20; i++) {
    const now = (await page.locator(row(scope)).allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    if (prev && now.length === prev.length && now.every((t, j) => t === prev[j])) return now;
    prev = now;
    await page.waitForTimeout(100);
  }
  return prev;
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function cli(argv) {
  const opt = (name) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : undefined; };
  const extension = opt('extension');
  const workspace = opt('workspace');
  const file = opt('file');
  const shot = path.resolve(opt('screenshot') || 'ui-driver.png');
  if (!extension || !workspace || !file) {
    console.error('usage: ui-driver.js --extension DIR --workspace DIR --file NAME --screenshot PATH [--expect-problem TEXT] [--expect-outline TEXT]');
    return 2;
  }
  const t0 = Date.now();
  const lap = (what) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)} s] ${what}`);
  const ui = await openWorkbench({ workspace, extensionDevelopmentPath: extension });
  lap('workbench loaded, Explorer filled');
  try {
    await ui.openFileFromExplorer(file);
    lap(`opened ${file} from the Explorer`);
    await ui.waitForSquiggle();
    lap('squiggle drawn');
    const problems = await ui.openProblems();
    lap(`Problems: ${JSON.stringify(problems)}`);
    const outline = await ui.openOutline();
    lap(`Outline: ${JSON.stringify(outline)}`);
    const expectProblem = opt('expect-problem');
    if (expectProblem && !problems.some((t) => t.includes(expectProblem))) throw new Error(`no Problems row contains ${JSON.stringify(expectProblem)}`);
    const expectOutline = opt('expect-outline');
    if (expectOutline && !outline.some((t) => t.includes(expectOutline))) throw new Error(`no Outline row contains ${JSON.stringify(expectOutline)}`);
    await ui.screenshot(shot);
    lap(`screenshot: ${shot}`);
    console.log('ui-driver: PASS');
    return 0;
  } catch (err) {
    const failShot = shot.replace(/(\.png)?$/, '-fail.png');
    await ui.screenshot(failShot).catch(() => {});
    console.error(`ui-driver: FAIL: ${err.message}\nscreenshot: ${failShot}`);
    return 1;
  } finally {
    await ui.close();
  }
}

module.exports = { openWorkbench, runCommand, DEFAULT_SETTINGS };

if (require.main === module) {
  cli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(`ui-driver: ${err instanceof shim.SetupError ? err.message : err.stack || err}`);
      process.exit(err instanceof shim.SetupError ? 3 : 1);
    },
  );
}
