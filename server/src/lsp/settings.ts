import type { SeveritySetting } from '../rules/rule';

/** Editor settings under "inspectionReport" (VS Code settings, or any client's workspace/configuration). */
export interface Settings {
  /** Lint reports at all. */
  enable: boolean;
  /** Read every report as this framework ("auto": detect; a directive in a file still wins). */
  framework: string;
  /** Severity per rule id; wins over .inspection-lint.json. */
  rules: Record<string, SeveritySetting>;
  /** Lint on every change (true) or only when a report is opened or saved. */
  lintAsYouType: boolean;
  /** Larger documents are not analysed: one informational diagnostic says so. */
  maxFileSize: number;
  /** At most this many problems a document are shown, the first in its order; one informational diagnostic tells of the rest. */
  maxNumberOfProblems: number;
  /** A report whose last check took longer than this (ms) is checked again only once typing pauses. */
  slowCheckMs: number;
  /** Also lint plain-text and Markdown files that are recognised as reports. */
  lintPlainTextReports: boolean;
  /** Use frameworks defined in .inspection-lint.json (off in untrusted workspaces). */
  allowCustomFrameworks: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  framework: 'auto',
  rules: {},
  lintAsYouType: true,
  maxFileSize: 16 * 1024 * 1024,
  maxNumberOfProblems: 1000,
  slowCheckMs: 200,
  lintPlainTextReports: true,
  allowCustomFrameworks: true,
};

const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);

/** Settings from whatever a client sends: unknown or ill-typed values fall back to the defaults. */
export function readSettings(value: unknown, base: Settings = DEFAULT_SETTINGS): Settings {
  if (typeof value !== 'object' || value === null) return base;
  const input = value as Record<string, unknown>;
  // rules given (even none: every override removed) replace the old ones; rules missing or not an object keep them
  let rules = base.rules;
  if (typeof input.rules === 'object' && input.rules !== null && !Array.isArray(input.rules)) {
    rules = {};
    for (const [id, severity] of Object.entries(input.rules)) if (typeof severity === 'string' && SEVERITIES.has(severity)) rules[id] = severity as SeveritySetting;
  }
  const bool = (key: keyof Settings, fallback: boolean) => (typeof input[key] === 'boolean' ? (input[key] as boolean) : fallback);
  return {
    enable: bool('enable', base.enable),
    framework: typeof input.framework === 'string' && input.framework.trim() ? input.framework.trim() : base.framework,
    rules,
    lintAsYouType: bool('lintAsYouType', base.lintAsYouType),
    maxFileSize: typeof input.maxFileSize === 'number' && input.maxFileSize > 0 ? input.maxFileSize : base.maxFileSize,
    maxNumberOfProblems:
      typeof input.maxNumberOfProblems === 'number' && Number.isInteger(input.maxNumberOfProblems) && input.maxNumberOfProblems > 0
        ? input.maxNumberOfProblems
        : base.maxNumberOfProblems,
    slowCheckMs: typeof input.slowCheckMs === 'number' && input.slowCheckMs >= 0 ? input.slowCheckMs : base.slowCheckMs,
    lintPlainTextReports: bool('lintPlainTextReports', base.lintPlainTextReports),
    allowCustomFrameworks: bool('allowCustomFrameworks', base.allowCustomFrameworks),
  };
}
