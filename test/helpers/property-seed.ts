/**
 * Loaded by mocha before the tests: property tests run from a fixed seed, so that a run can be repeated and CI
 * tests what was tested here. PROPERTY_SEED=random explores new inputs (fast-check prints the seed of a failure);
 * PROPERTY_SEED=N repeats one run.
 */
import * as fc from 'fast-check';

const DEFAULT_SEED = 20261123;
const setting = process.env.PROPERTY_SEED;
if (setting !== 'random') {
  const seed = setting === undefined || setting === '' ? DEFAULT_SEED : Number(setting);
  if (!Number.isInteger(seed)) throw new Error(`PROPERTY_SEED must be an integer or "random", not ${JSON.stringify(setting)}`);
  fc.configureGlobal({ seed });
}
