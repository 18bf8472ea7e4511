#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron / @vscode/test-cli:
//
//   // .vscode-test.mjs
//   export default defineConfig({ files: ..., workspaceFolder: ...,
//     useInstallation: { fromPath: 'test/vscode-host/code-shim.js' } });
//
// Desktop VS Code cannot be downloaded on our machines, so this runs the requested
// --extensionTestsPath inside code-server (VS Code 1.100.3, whose extension host is plain Node),
// with headless Debian Chromium as the window. The extension host inherits this process's
// environment, so test-cli's VSCODE_TEST_OPTIONS reaches its runner. Exits with the tests' exit
// code; code-server (its own process group) and Chromium are always stopped.
// Required as a module, it lends ui-driver.js the code-server and Chromium start-up.
//
// Install the pieces first: scripts/install-vscode-e2e.sh. See NOTES.md beside this file.
//
// Environment:
//   VSCODE_E2E_DIR        where code-server and playwright-core are (default <repo>/.vscode-e2e)
//   CHROMIUM_BIN          default /usr/bin/chromium
//   CODE_SHIM_TIMEOUT_MS  whole-run limit, default 300000
//   CODE_SHIM_VERBOSE=1   also relay the workbench's own log lines and code-server's output
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const util = require('util');

const E2E_DIR = path.resolve(process.env.VSCODE_E2E_DIR || path.join(__dirname, '..', '..', '.vscode-e2e'));
const CODE_SERVER = path.join(E2E_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const PLAYWRIGHT = path.join(E2E_DIR, 'node_modules', 'playwright-core');
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const VERBOSE = process.env.CODE_SHIM_VERBOSE === '1';
// Without the background-networking flags Chromium keeps trying hosts this machine cannot reach.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

const log = (msg) => process.stderr.write(`code-shim: ${msg}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

class SetupError extends Error {}

function checkInstalled() {
  if (!fs.existsSync(CODE_SERVER) || !fs.existsSync(PLAYWRIGHT)) {
    throw new SetupError(`code-server is not installed in ${E2E_DIR}; run scripts/install-vscode-e2e.sh first`);
  }
  if (!fs.existsSync(CHROMIUM)) throw new SetupError(`${CHROMIUM} not found; run scripts/install-vscode-e2e.sh first`);
}

// A temporary folder for everything one run writes, and an environment that points there.
// code-server, the extension host and Chromium otherwise write logs, a device id, crash-report
// folders and sockets into ~/.local, ~/.cache, ~/.config and /tmp.
function createSession() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'code-shim-'));
  const env = { ...process.env };
  for (const [name, sub] of [['XDG_DATA_HOME', 'data'], ['XDG_CONFIG_HOME', 'config'], ['XDG_CACHE_HOME', 'cache'], ['TMPDIR', 'tmp']]) {
    env[name] = path.join(dir, sub);
    fs.mkdirSync(env[name]);
  }
  // As when desktop VS Code is started from a terminal: the extension host gets this environment
  // as it is, instead of one read from a login shell (`bash -ilc`, which runs ~/.bashrc).
  env.VSCODE_CLI = '1';
  return { dir, env, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().on('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// Starts code-server on a free loopback port in its own process group and waits until it answers.
// `settings`, if given, become the user settings (userDataDir/User/settings.json).
// Returns { base, userDataDir, remote(path), exited, output(), stop(), killNow() }.
async function startCodeServer(session, { userDataDir, extensionsDir, settings } = {}) {
  userDataDir = path.resolve(userDataDir || path.join(session.dir, 'user-data'));
  extensionsDir = path.resolve(extensionsDir || path.join(session.dir, 'extensions'));
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  if (settings) fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const config = path.join(session.dir, 'config.yaml'); // without --config it writes ~/.config/code-server
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  const port = await freePort();
  const cs = spawn(process.execPath, [CODE_SERVER, '--config', config, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir], {
    env: session.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group: killing -pid reaches the server and the extension host
  });
  let tail = '';
  for (const s of [cs.stdout, cs.stderr]) {
    s.on('data', (d) => { tail = (tail + d).slice(-64 * 1024); if (VERBOSE) process.stderr.write(d); });
  }
  const alive = () => cs.exitCode === null && cs.signalCode === null;
  const killNow = (signal = 'SIGKILL') => { try { process.kill(-cs.pid, signal); } catch { /* already gone */ } };
  const server = {
    base: `http://127.0.0.1:${port}`,
    userDataDir,
    remote: (p) => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`,
    exited: new Promise((resolve) => cs.on('exit', (code, signal) => resolve(code ?? signal))),
    output: () => tail,
    killNow,
    async stop() {
      if (!alive()) return;
      killNow('SIGTERM');
      for (let i = 0; i < 30 && alive(); i++) await sleep(100);
      killNow('SIGKILL'); // the leader may be gone while others in the group are not
    },
  };
  const deadline = Date.now() + 60000;
  for (;;) {
    if (!alive()) throw new Error(`code-server exited (${cs.exitCode ?? cs.signalCode}) before it was ready:\n${tail}`);
    try { if ((await fetch(`${server.base}/healthz`)).ok) return server; } catch { /* not listening yet */ }
    if (Date.now() > deadline) { killNow(); throw new Error(`code-server did not answer within 60 s:\n${tail}`); }
    await sleep(100);
  }
}

// Headless Debian Chromium with a fresh profile in the session folder.
async function launchBrowser(session, options = {}) {
  const { chromium } = require(PLAYWRIGHT);
  const context = await chromium.launchPersistentContext(path.join(session.dir, 'chromium-profile'), {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, env: session.env, ...options,
  });
  const page = context.pages()[0] || (await context.newPage());
  return { context, page };
}

// The workbench URL: `folder=` or `workspace=` (a .code-workspace file), or an empty window, and a
// payload such as [['extensionDevelopmentPath', remote(dir)], ...].
function workbenchUrl(server, target, payload) {
  let query = 'ew=true';
  if (target) {
    const abs = path.resolve(target);
    query = `${abs.endsWith('.code-workspace') ? 'workspace' : 'folder'}=${encodeURIComponent(abs)}`;
  }
  return `${server.base}/?${query}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

// Parses what test-electron passes: flags, --name=value or --name value, and positional paths
// (the workspace folder from test-cli's workspaceFolder/launchArgs). Desktop-only flags
// (--no-sandbox, --disable-updates, ...) are ignored.
function parseArgs(argv) {
  const withValue = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir', 'locale', 'logsPath']);
  const opts = { extensionDevelopmentPath: [], extensionTestsPath: [], 'user-data-dir': [], 'extensions-dir': [], positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([^=]+)(?:=(.*))?$/s.exec(argv[i]);
    if (!m) { opts.positional.push(argv[i]); continue; }
    const [, name, inline] = m;
    if (!withValue.has(name)) continue;
    const value = inline !== undefined ? inline : argv[++i];
    if (opts[name]) opts[name].push(value);
  }
  return opts;
}

// The workbench sends its own log lines and the extension host's console output (the tests'
// output) the same way, as printf-style argument lists. Drop the workbench's routine chatter
// and the lookups of hosts this machine cannot reach; CODE_SHIM_VERBOSE=1 shows everything.
const CHATTER = [
  /^Resolv(?:ing|ed) connection token \(/,
  /^Creating a socket \(renderer-/,
  /^Updating additional builtin extensions cache$/,
  /^\[Service Worker\] registered$/,
  /^ChatSessionStore: /,
  /^\[driver\] /,
  /ENOTFOUND (?:open-vsx\.org|[\w.-]*(?:telemetry|vscode-cdn|visualstudio|microsoft)[\w.-]*)/,
];
function relay(level, message) {
  const text = Array.isArray(message) ? util.format(...message) : String(message);
  if (!VERBOSE && CHATTER.some((re) => re.test(text))) return;
  (level === 'error' ? process.stderr : process.stdout).write(text.endsWith('\n') ? text : `${text}\n`);
}

async function runTests(argv) {
  const args = parseArgs(argv);
  const [testsPath] = args.extensionTestsPath;
  if (!testsPath) throw new SetupError('only test runs are supported (no --extensionTestsPath given)');
  checkInstalled();
  const timeoutMs = Number(process.env.CODE_SHIM_TIMEOUT_MS || 300000);

  const session = createSession();
  let server;
  let keepSession = false; // a failed run's logs may be in it
  process.on('exit', () => {
    if (server) server.killNow(); // last resort on errors and signals; a no-op after stop()
    if (!keepSession) session.remove();
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => { log(`got ${sig}, stopping`); process.exit(128 + os.constants.signals[sig]); });
  }

  server = await startCodeServer(session, { userDataDir: args['user-data-dir'][0], extensionsDir: args['extensions-dir'][0] });
  const { context, page } = await launchBrowser(session);
  // The workbench calls these when the URL payload asks for an extension test run.
  let resolveExit;
  const testsExited = new Promise((r) => { resolveExit = r; });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
  await page.exposeFunction('codeAutomationLog', relay);
  page.on('crash', () => resolveExit('the page crashed'));

  const payload = [
    ...args.extensionDevelopmentPath.map((p) => ['extensionDevelopmentPath', server.remote(p)]),
    ['extensionTestsPath', server.remote(testsPath)],
  ];
  await page.goto(workbenchUrl(server, args.positional[0], payload));
  let timer;
  const outcome = await Promise.race([
    testsExited,
    server.exited.then((c) => `code-server exited (${c})`),
    new Promise((r) => { timer = setTimeout(() => r(`timed out after ${timeoutMs} ms`), timeoutMs); }),
  ]);
  clearTimeout(timer);
  await context.close().catch(() => {});
  await server.stop();

  if (outcome === 0) return 0;
  keepSession = server.userDataDir.startsWith(session.dir + path.sep);
  const logs = path.join(server.userDataDir, 'logs');
  if (typeof outcome === 'number') {
    log(`tests failed (exit ${outcome}); server logs: ${logs}`);
    return outcome;
  }
  log(`extension tests did not finish: ${outcome}`);
  log(`code-server output (tail):\n${server.output()}`);
  log(`server logs: ${logs}`);
  return 1;
}

module.exports = { E2E_DIR, SetupError, checkInstalled, createSession, startCodeServer, launchBrowser, workbenchUrl };

if (require.main === module) {
  runTests(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      log(err instanceof SetupError ? err.message : err && err.stack ? err.stack : String(err));
      process.exit(err instanceof SetupError ? 3 : 1);
    },
  );
}
