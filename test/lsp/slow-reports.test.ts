import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CancellationTokenSource, type Diagnostic, type Hover } from 'vscode-languageserver-protocol/node';
import { lint } from '../../server/src/lint/engine';
import type { CheckInfo } from '../../server/src/lsp/protocol';
import { at, codesAndLines, LspClient, td } from '../helpers/lsp-client';
import { readSeed } from '../helpers/paths';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The server paces a report whose check is slow; `slowCheckMs: 0` makes any report slow, so a seed shows it quickly. */
describe('language server: a slow report is checked once typing pauses', function () {
  this.timeout(60000);
  let dir: string;
  let client: LspClient;
  const seed = readSeed('slac-2011-rutland');
  const lines = seed.split('\n');
  const gradeLine = lines.findIndex((line) => /^Grade \d \(/.test(line));
  /** The seed after `count` characters typed at the end of its first line. */
  const typed = (count: number) => [`${lines[0]}${'x'.repeat(count)}`, ...lines.slice(1)].join('\n');
  const typeAt = (uri: string, version: number) => client.change(uri, version, [{ range: { start: at(0, lines[0]!.length), end: at(0, lines[0]!.length) }, text: 'x' }]);

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-slow-'));
    assert.ok(gradeLine > 0, 'the seed has a grade line to hover');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(async () => {
    assert.strictEqual(await client.stop(), 0, `the server did not shut down cleanly: ${client.stderr}`);
  });

  it('publishes nothing while typing goes on, then the diagnostics of the last version; a hover waits for them', async () => {
    client = await LspClient.start({ settings: { slowCheckMs: 0 } });
    const uri = await client.open(path.join(dir, 'paced.txt'), seed);
    await client.diagnosticsForVersion(uri, 1);
    let hoveredAt = 0;
    let lastKeyAt = 0;
    let hover: Promise<Hover | null> | undefined;
    for (let version = 2; version <= 9; version++) {
      await typeAt(uri, version);
      lastKeyAt = performance.now();
      if (version === 3) hover = client.request<Hover | null>('textDocument/hover', { ...td(uri), position: at(gradeLine, 2) }).then((answer) => ((hoveredAt = performance.now()), answer));
      await sleep(60);
    }
    const final = await client.diagnosticsForVersion(uri, 9);
    const waited = performance.now() - lastKeyAt;
    assert.deepStrictEqual(client.published.get(uri)!.map((params) => params.version), [1, 9], 'one publication after the pause, none while typing');
    assert.ok(waited >= 480, `published ${Math.round(waited)} ms after the last key, before the pause of 500 ms`);
    assert.deepStrictEqual(codesAndLines(final.diagnostics), codesAndLines(lint(typed(8)).diagnostics));
    assert.ok(await hover, 'the hover is answered');
    assert.ok(hoveredAt > lastKeyAt, 'the hover was answered only once typing paused');
    const { check } = await client.request<{ check: CheckInfo }>('inspectionReport/documentInfo', td(uri));
    assert.deepStrictEqual([check.whenTypingPauses, check.slowCheckMs, typeof check.lastMs], [true, 0, 'number']);
  });

  it('checks a quick report at every change, as before (default setting)', async () => {
    client = await LspClient.start();
    const uri = await client.open(path.join(dir, 'quick.txt'), seed);
    await client.diagnosticsForVersion(uri, 1);
    for (let version = 2; version <= 6; version++) {
      await typeAt(uri, version);
      await sleep(80);
    }
    await client.diagnosticsForVersion(uri, 6);
    assert.deepStrictEqual(client.published.get(uri)!.map((params) => params.version), [1, 2, 3, 4, 5, 6]);
    const { check } = await client.request<{ check: CheckInfo }>('inspectionReport/documentInfo', td(uri));
    assert.deepStrictEqual([check.whenTypingPauses, check.slowCheckMs], [false, 200]);
    assert.ok(check.lastMs !== null && check.lastMs < 200, `the seed's check took ${check.lastMs} ms`);
  });

  it('answers a pull for a slow report after the pause, and a pull cancelled before then as cancelled', async () => {
    client = await LspClient.start({ pull: true, settings: { slowCheckMs: 0 } });
    const uri = await client.open(path.join(dir, 'pulled.txt'), seed);
    const first = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', td(uri));
    assert.deepStrictEqual(codesAndLines(first.items), codesAndLines(lint(seed).diagnostics));
    await typeAt(uri, 2);
    const changedAt = performance.now();
    const source = new CancellationTokenSource();
    const cancelled = client.connection.sendRequest('textDocument/diagnostic', td(uri), source.token);
    setTimeout(() => source.cancel(), 100);
    await assert.rejects(cancelled, (error: { code?: number }) => error.code === -32800);
    const report = await client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', td(uri));
    assert.ok(performance.now() - changedAt >= 480, 'answered after the pause');
    assert.strictEqual(report.kind, 'full');
    assert.deepStrictEqual(codesAndLines(report.items), codesAndLines(lint(typed(1)).diagnostics));
    // a pull that names no document is answered with nothing, not an error
    assert.deepStrictEqual(await client.request('textDocument/diagnostic', {}), { kind: 'full', items: [] });
  });
});
