import * as v8 from 'v8';

/**
 * V8 settings for a run that reads the reports once and exits. Most of such a run happens before V8 has finished
 * optimising the parser: on a 2-core machine the optimising compiler's queue holds about twice as much work as the
 * first pass itself, so the parser runs unoptimised for much of it. Without inlining, the optimising compiles are about
 * half the work and arrive sooner; the code is slightly slower once warm, which a one-shot run never reaches.
 * A larger interrupt budget (V8's default is 67 584) lets a function run about four times longer before V8 considers
 * optimising it, so that only the functions that stay hot are compiled: over the benchmark's 200 reports a quarter less
 * CPU time, 2 000 fewer page faults (each compile's memory is fresh) and about a tenth off the whole run, a single
 * report and the 10 MB one as fast as before. And the young generation is not grown (a growth factor of 1): each growth
 * is fresh memory, which on the benchmark's VM costs 12-16 µs a page, while a run's garbage dies young at any size:
 * 1 400 fewer page faults over the 200 reports and about a tenth less time, the 10 MB report a sixth less.
 * And a regular expression is compiled to machine code at its first run (no runs in V8's regexp interpreter before
 * it tiers up): nearly all of the linter's expressions run many times, so compiling each to bytecode first is work
 * wasted: about 2 % fewer instructions over the 200 reports. Only expressions made after the flag is set are affected.
 * (`--no-regexp-tier-up` would do the same but, set at run time, crashes V8 11.3.)
 * Figures: `npm run bench`, README "Speed".
 */
export const ONE_SHOT_V8_FLAGS = ['--no-turbo-inlining', '--interrupt-budget=300000', '--semi-space-growth-factor=1', '--regexp-tier-up-ticks=0'] as const;

/** Applies ONE_SHOT_V8_FLAGS; call before any analysis runs (the flags are read when a function is optimised). */
export function tuneV8ForOneShotRun(): void {
  applyFlags(ONE_SHOT_V8_FLAGS);
}

/**
 * The language server starts with the same flag. Its first few hundred keystrokes run while V8 is still optimising,
 * with the compiler competing for the two cores with the editor: without inlining, the p95 over the first 200
 * keystrokes on seed 001 was 6.8–8.3 ms against 8.5–10.1 ms with V8's defaults (four interleaved pairs of runs), and
 * later keystrokes, and the 1 MB report's, were as fast either way.
 */
export const SERVER_V8_FLAGS = ['--no-turbo-inlining'] as const;

export function tuneV8ForServer(): void {
  applyFlags(SERVER_V8_FLAGS);
}

function applyFlags(flags: readonly string[]): void {
  for (const flag of flags) v8.setFlagsFromString(flag);
}
