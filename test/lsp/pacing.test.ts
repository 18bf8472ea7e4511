import * as assert from 'assert';
import { Pacing, type Cancellation } from '../../server/src/lsp/pacing';
import { DEFAULT_SETTINGS, readSettings } from '../../server/src/lsp/settings';

/** A pacing over a document whose last check cost `cost` ms and which last changed at `changed`, on a clock the test moves. */
function pacingOf(cost: number | undefined, changed: number | undefined, threshold = 200) {
  const clock = { now: 0 };
  const pacing = new Pacing({ costOf: () => cost, lastChangeOf: () => changed, threshold: () => threshold }, () => clock.now);
  return { pacing, clock };
}

class TestToken implements Cancellation {
  isCancellationRequested = false;
  private listeners: (() => void)[] = [];
  onCancellationRequested(listener: () => void) {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((candidate) => candidate !== listener)) };
  }
  cancel() {
    this.isCancellationRequested = true;
    for (const listener of this.listeners) listener();
  }
  get listening() {
    return this.listeners.length;
  }
}

describe('pacing the checks of slow reports', () => {
  it('never holds back a report that has not been checked, is quick, or has not changed', () => {
    assert.strictEqual(pacingOf(undefined, 0).pacing.waitFor('a'), 0);
    assert.strictEqual(pacingOf(150, 0).pacing.waitFor('a'), 0);
    assert.strictEqual(pacingOf(200, 0).pacing.waitFor('a'), 0, 'a check exactly at the threshold is quick');
    assert.strictEqual(pacingOf(5000, undefined).pacing.waitFor('a'), 0);
  });

  it('holds a slow report until typing has paused as long as its check took, at least 500 ms and at most 3 s', () => {
    const { pacing, clock } = pacingOf(1200, 1000);
    clock.now = 1000;
    assert.strictEqual(pacing.waitFor('a'), 1200);
    clock.now = 1700;
    assert.strictEqual(pacing.waitFor('a'), 500);
    clock.now = 2200;
    assert.strictEqual(pacing.waitFor('a'), 0);
    clock.now = 9000;
    assert.strictEqual(pacing.waitFor('a'), 0);
    assert.strictEqual(pacingOf(250, 0).pacing.waitFor('a'), 500, 'a little over the threshold still waits half a second');
    assert.strictEqual(pacingOf(12000, 0).pacing.waitFor('a'), 3000, 'a very slow check waits no more than 3 s');
  });

  it('counts the threshold from the setting: 0 paces every report that has been checked', () => {
    assert.strictEqual(pacingOf(3, 0, 0).pacing.waitFor('a'), 500);
    assert.strictEqual(pacingOf(0, 0, 0).pacing.waitFor('a'), 0);
  });

  it('settles at once for a quick report, and after the pause for a slow one', async () => {
    assert.strictEqual(await pacingOf(10, 0).pacing.settled('a'), true);
    const changed = performance.now();
    const pacing = new Pacing({ costOf: () => 600, lastChangeOf: () => changed, threshold: () => 200 });
    assert.strictEqual(await pacing.settled('a'), true);
    assert.ok(performance.now() - changed >= 599, `settled after ${performance.now() - changed} ms`);
  });

  it('waits again when the report changes while it waits', async () => {
    let changed = performance.now();
    const pacing = new Pacing({ costOf: () => 500, lastChangeOf: () => changed, threshold: () => 200 });
    setTimeout(() => (changed = performance.now()), 300);
    const started = performance.now();
    assert.strictEqual(await pacing.settled('a'), true);
    assert.ok(performance.now() - started >= 799, `settled after ${performance.now() - started} ms`);
  });

  it('gives up when the request is cancelled, before or while it waits, and lets go of the token', async () => {
    const { pacing } = pacingOf(5000, 0);
    const before = new TestToken();
    before.cancel();
    assert.strictEqual(await pacing.settled('a', before), false);
    const during = new TestToken();
    const waiting = pacing.settled('a', during);
    assert.strictEqual(during.listening, 1);
    setTimeout(() => during.cancel(), 20);
    assert.strictEqual(await waiting, false);
    assert.strictEqual(during.listening, 0);
  });
});

describe('the slowCheckMs setting', () => {
  it('takes a number of milliseconds, 0 or more, and keeps the default for anything else', () => {
    assert.strictEqual(DEFAULT_SETTINGS.slowCheckMs, 200);
    assert.strictEqual(readSettings({ slowCheckMs: 0 }).slowCheckMs, 0);
    assert.strictEqual(readSettings({ slowCheckMs: 1500 }).slowCheckMs, 1500);
    for (const wrong of [-1, '300', null, Number.NaN]) assert.strictEqual(readSettings({ slowCheckMs: wrong }).slowCheckMs, 200, String(wrong));
  });
});
