/** The pause a slow report waits for: as long as its last check took, within these bounds. */
const MIN_PAUSE_MS = 500;
const MAX_PAUSE_MS = 3000;

export interface PacingSources {
  /** How long the document's last check took (ms), if it has had one. */
  costOf(uri: string): number | undefined;
  /** When the document last changed (on the `now` clock), if it has. */
  lastChangeOf(uri: string): number | undefined;
  /** A check slower than this (ms) makes its document slow. */
  threshold(): number;
}

/** What a request's cancellation token offers (the LSP one has this shape). */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

/**
 * Paces the checks of slow reports. The whole report is checked at once, and the server answers nothing while it
 * checks, so a report whose check takes seconds would keep the server busy at every keystroke. Such a report is
 * checked again only once typing has paused for about as long as its last check took; quick reports are checked
 * at every change as before.
 */
export class Pacing {
  constructor(
    private readonly sources: PacingSources,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Whether the document's last check was slow enough for its next ones to wait for typing to pause. */
  isSlow(uri: string): boolean {
    return this.slowCost(uri) !== undefined;
  }

  /** How long the document's last check took, if that was slow. */
  private slowCost(uri: string): number | undefined {
    const cost = this.sources.costOf(uri);
    return cost !== undefined && cost > this.sources.threshold() ? cost : undefined;
  }

  /** How much longer (ms) a check of the document should wait: 0 for a quick report, or once typing has paused. */
  waitFor(uri: string): number {
    const cost = this.slowCost(uri);
    const lastChange = this.sources.lastChangeOf(uri);
    if (cost === undefined || lastChange === undefined) return 0;
    const pause = Math.min(MAX_PAUSE_MS, Math.max(MIN_PAUSE_MS, cost));
    return Math.max(0, lastChange + pause - this.now());
  }

  /** Resolves true once the document may be checked, or false if the request is cancelled first. */
  settled(uri: string, token?: Cancellation): Promise<boolean> {
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let subscription: { dispose(): void } | undefined;
      let done = false;
      const finish = (ready: boolean) => {
        if (done) return;
        done = true;
        if (timer) clearTimeout(timer);
        subscription?.dispose();
        resolve(ready);
      };
      const check = () => {
        if (token?.isCancellationRequested) return finish(false);
        const wait = this.waitFor(uri);
        if (wait <= 0) return finish(true);
        timer = setTimeout(check, wait);
      };
      subscription = token?.onCancellationRequested(() => finish(false));
      check();
    });
  }
}
