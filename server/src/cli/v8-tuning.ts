import * as v8 from 'v8';

/**
 * V8 settings for a run that reads the reports once and exits. Most of such a run happens before V8 has finished
 * optimising the parser: on a 2-core machine the optimising compiler's queue holds about twice as much work as the
 * first pass itself, so the parser runs unoptimised for much of it. Without inlining, the optimising compiles are about
 * half the work and arrive sooner; the code is slightly slower once warm, which a one-shot run never reaches.
 * A larger interrupt budget (V8's default is 67 584) lets a function run longer before V8 considers optimising it, so
 * that only the functions that stay hot are compiled; about twice the default did best over the benchmark's 200
 * reports in the twenty-fifth session's interleaved runs (150 000: 293 ms, 200 000: 309 ms, 300 000: 307 ms, medians of
 * 30), a single report and the 10 MB one as fast either way.
 * And a regular expression is compiled to machine code at its first run (no runs in V8's regexp interpreter before
 * it tiers up): nearly all of the linter's expressions run many times, so compiling each to bytecode first is work
 * wasted: about 2 % fewer instructions over the 200 reports. Only expressions made after the flag is set are affected.
 * (`--no-regexp-tier-up` would do the same but, set at run time, crashes V8 11.3.)
 * The young generation grows as V8 sees fit. Until the twenty-fifth session it was held at its first size
 * (`--semi-space-growth-factor=1`), since each growth is fresh memory and a fresh page then cost the benchmark's VM
 * 12–16 µs; on the machines of that session it costs about 2 µs, and holding the young generation small made the 200
 * reports slower (317 against 307 ms, medians of 30 interleaved runs) through more collections. docs/speed.md has both.
 * Figures: `npm run bench`, README "Speed".
 */
export const ONE_SHOT_V8_FLAGS = ['--no-turbo-inlining', '--interrupt-budget=150000', '--regexp-tier-up-ticks=0'] as const;

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
