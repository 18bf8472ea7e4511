import * as v8 from 'v8';

/**
 * V8 settings for a run that reads the reports once and exits. Most of such a run happens before V8 has finished
 * optimising the parser: on a 2-core machine the optimising compiler's queue holds about twice as much work as the
 * first pass itself, so the parser runs unoptimised for much of it. Without inlining, the optimising compiles are about
 * half the work and arrive sooner; the code is slightly slower once warm, which a one-shot run never reaches.
 * The language server, which runs for hours, keeps V8's defaults. Figures: `npm run bench`, README "Speed".
 */
export const ONE_SHOT_V8_FLAGS = ['--no-turbo-inlining'] as const;

/** Applies ONE_SHOT_V8_FLAGS; call before any analysis runs (the flags are read when a function is optimised). */
export function tuneV8ForOneShotRun(): void {
  for (const flag of ONE_SHOT_V8_FLAGS) v8.setFlagsFromString(flag);
}
