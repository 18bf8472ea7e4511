// What the rest of the code needs of a framework profile, without loading zod (which costs start-up time):
// the types, and helpers that are plain functions. Validation lives in schema.ts.
import type { FrameworkProfile } from './schema';

export type { FrameworkProfile, FrameworkProfileInput, FrameworkValidation } from './schema';
export type Level = FrameworkProfile['scale']['levels'][number];
export type JudgementDefinition = FrameworkProfile['judgements'][number];
export type PartDefinition = FrameworkProfile['parts'][number];
export type GroupDefinition = FrameworkProfile['groups'][number];
export type HeadingDefinition = FrameworkProfile['headings'][number];
export type GradeStyleName = FrameworkProfile['notation']['preferred'];

export interface SchemaProblem {
  /** Where the problem is, e.g. ["scale", "levels", 2, "number"]. */
  path: (string | number)[];
  message: string;
}

/** "scale.levels[2].number" */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : key;
  return out || '(top level)';
}

export function describeProblems(problems: readonly SchemaProblem[]): string[] {
  return problems.map((problem) => `${formatPath(problem.path)}: ${problem.message}`);
}

export function shortNameOf(profile: FrameworkProfile): string {
  return profile.shortName ?? profile.name;
}
