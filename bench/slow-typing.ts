import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { LspClient } from '../test/helpers/lsp-client';

export type SlowTyping = {
  /** From didOpen to the first diagnostics (ms). */
  firstCheck: number;
  /** Checks made for the keys typed: diagnostics published after the first. */
  checks: number;
  /** From the last key to its diagnostics (ms). */
  lastKeyToDiagnostics: number;
  /** How long the hovers asked while typing waited for their answers (ms, median). */
  hoverWait: number;
};

/** A report dense with graded sections: one every six lines, each with its grade and sentence. */
export function denseReport(sections: number): string {
  return "Being healthy\n\nGrade 3\n\nThe council's work in this aspect is good.\n\n".repeat(sections);
}

/**
 * Typing into a report whose check is slow, over a real connection: `keys` characters `gapMs` apart, with a hover
 * after every fifth, as a person types and rests the mouse. `settings` decides whether the server paces it.
 */
export async function typeIntoSlowReport(text: string, keys: number, gapMs: number, settings: Record<string, unknown>, serverScript?: string): Promise<SlowTyping> {
  const client = await LspClient.start({ settings, ...(serverScript ? { serverScript } : {}) });
  try {
    const opened = performance.now();
    const uri = await client.open(path.join(os.tmpdir(), 'slow-typing.txt'), text);
    await client.diagnosticsForVersion(uri, 1);
    const firstCheck = performance.now() - opened;
    const hovers: Promise<number>[] = [];
    let lastKey = 0;
    for (let key = 0; key < keys; key++) {
      await client.change(uri, key + 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
      lastKey = performance.now();
      if (key % 5 === 0) {
        const asked = performance.now();
        hovers.push(client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 2 } }).then(() => performance.now() - asked));
      }
      await new Promise((resolve) => setTimeout(resolve, gapMs));
    }
    await client.diagnosticsForVersion(uri, keys + 1);
    const lastKeyToDiagnostics = performance.now() - lastKey;
    const checks = (client.published.get(uri) ?? []).filter((params) => params.version !== undefined && params.version > 1).length;
    const waits = (await Promise.all(hovers)).sort((a, b) => a - b);
    return { firstCheck, checks, lastKeyToDiagnostics, hoverWait: waits[Math.floor(waits.length / 2)] ?? 0 };
  } finally {
    await client.stop();
  }
}

/** From spawning the server to its answer to `initialize` (ms). */
export async function serverStart(serverScript?: string): Promise<number> {
  const started = performance.now();
  const client = await LspClient.start(serverScript ? { serverScript } : {});
  const answered = performance.now() - started;
  await client.stop();
  return answered;
}
