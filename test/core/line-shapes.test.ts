import * as assert from 'assert';
import * as path from 'path';
import { Worker } from 'worker_threads';

const FRAMEWORKS = ['annual-rating-2009', 'apa-2007', 'ilacs', 'lac-2013', 'sif', 'slac-2011'];
const RUNS = 1500;
/** Far more than the runs take (about a second here): only a parse that never ends reaches it. */
const LIMIT_MS = 60_000;

describe('drafts made of the lines tables, lists and headings are read from', function () {
  this.timeout(LIMIT_MS + 10_000);

  it('are linted to the end without an error, under every framework', async () => {
    // the drafts are linted in a worker, which can be stopped: a parse that stops advancing blocks its own thread
    const worker = new Worker(path.join(__dirname, '..', 'helpers', 'line-shapes-worker.js'), { workerData: { frameworks: FRAMEWORKS, runs: RUNS } });
    let last = '';
    const outcome = await new Promise<{ done?: true; failed?: string; timedOut?: true }>((resolve, reject) => {
      const timer = setTimeout(() => resolve({ timedOut: true }), LIMIT_MS);
      worker.on('message', (message: { started?: string; done?: true; failed?: string }) => {
        if (message.started !== undefined) last = message.started;
        else {
          clearTimeout(timer);
          resolve(message);
        }
      });
      worker.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    await worker.terminate();
    assert.ok(!outcome.timedOut, `linting this draft did not end within ${LIMIT_MS / 1000} s:\n${JSON.stringify(last)}`);
    assert.strictEqual(outcome.failed, undefined);
    assert.ok(outcome.done);
  });
});
