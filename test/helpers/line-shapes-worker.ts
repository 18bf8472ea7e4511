/**
 * Runs in a worker thread for test/core/line-shapes.test.ts: lints drafts made of whole lines of the shapes the
 * parser's blocks read, posting each draft before it is linted, so that the test can name the draft that never
 * finished (a parse that stops advancing cannot be interrupted in its own thread).
 */
import './property-seed';
import * as fc from 'fast-check';
import { parentPort, workerData } from 'worker_threads';
import { lint } from '../../server/src/lint/engine';
import { LINE_SHAPES } from './line-shapes';

const { frameworks, runs } = workerData as { frameworks: string[]; runs: number };
const port = parentPort!;
try {
  fc.assert(
    fc.property(fc.constantFrom(...frameworks), fc.array(fc.constantFrom(...LINE_SHAPES), { minLength: 1, maxLength: 40 }), (framework, lines) => {
      const text = `<!-- framework: ${framework} -->\n${lines.join('\n')}`;
      port.postMessage({ started: text });
      lint(text);
    }),
    { numRuns: runs },
  );
  port.postMessage({ done: true });
} catch (error) {
  port.postMessage({ failed: (error as Error).message });
}
