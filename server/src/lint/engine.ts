import { linkRecord } from '../core/analysis/record-links';
import { compileFramework } from '../core/frameworks/compiled';
import type { SearchText } from '../core/parse/lines';
import { parseLines, type ParseOptions, type ParseResult } from '../core/parse/parse';
import { detached, splitLines, type Position, type Range } from '../core/text';
import { allRules } from '../rules';
import type { Fix, Problem, RelatedLocation, Rule, RuleContext, Severity, SeveritySetting } from '../rules/rule';
import { suppressions } from './suppressions';

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  related: RelatedLocation[];
  fixes: Fix[];
}

export interface LintOptions extends ParseOptions {
  /** Severity per rule id; 'off' disables a rule. Rules not named keep their default. */
  rules?: Readonly<Record<string, SeveritySetting>>;
  /** The rules to run; all rules by default. */
  ruleset?: readonly Rule[];
  /** Called when a rule throws: the other rules still run. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** Keep only this many diagnostics (a whole number), the first in the document's order; all by default. */
  maxProblems?: number;
}

export interface LintResult {
  report: ParseResult;
  diagnostics: Diagnostic[];
  /** How many problems were found: more than `diagnostics` holds when maxProblems left some out. */
  problemCount: number;
  /** Where the first problem left out starts, when some were. */
  leftOutFrom?: Position;
}

const allRuleIds = allRules.map((rule) => rule.meta.id);

export function lint(text: string, options: LintOptions = {}): LintResult {
  return lintLines(splitLines(text), options, text, text.includes('\r\n') ? '\r\n' : '\n');
}

/** As lint, for a text already split into lines; `text`, when at hand, is the whole of it (or stands for it: SearchText). */
export function lintLines(lines: readonly string[], options: LintOptions = {}, text?: string | SearchText, eol: '\n' | '\r\n' = '\n'): LintResult {
  return lintReport(parseLines(lines, options, text), lines, options, eol);
}

/** Runs the rules over an already parsed report. */
export function lintReport(
  report: ParseResult,
  lines: readonly string[],
  options: LintOptions = {},
  eol: '\n' | '\r\n' = '\n',
): LintResult {
  const context: RuleContext = {
    report,
    eol,
    framework: report.framework ? compileFramework(report.framework.profile) : null,
    lines,
    links: () => linkRecord(report),
    ruleIds: allRuleIds,
  };
  const suppressed = suppressions(report.directives, lines.length);
  const found: Found[] = [];
  for (const rule of options.ruleset ?? allRules) {
    const setting = options.rules?.[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (setting === 'off') continue;
    let problems;
    try {
      problems = rule.check(context);
    } catch (error) {
      options.onRuleError?.(rule.meta.id, error);
      continue;
    }
    for (const problem of problems) {
      if (!suppressed(rule.meta.id, problem.range.start.line)) found.push({ ruleId: rule.meta.id, setting, problem });
    }
  }
  found.sort(
    (a, b) =>
      a.problem.range.start.line - b.problem.range.start.line ||
      a.problem.range.start.character - b.problem.range.start.character ||
      a.ruleId.localeCompare(b.ruleId),
  );
  // only the problems kept become diagnostics: a report with a million problems is not a million detached messages
  const kept = Math.min(found.length, options.maxProblems ?? Infinity);
  const diagnostics: Diagnostic[] = new Array(kept);
  const strings = new Interned();
  for (let index = 0; index < kept; index++) {
    const { ruleId, setting, problem } = found[index] as Found;
    // a message quoting the report is a slice of its text: detached, a kept diagnostic does not keep the report
    diagnostics[index] = {
      ruleId,
      severity: milder(setting, problem.severity),
      message: strings.detached(problem.message),
      range: problem.range,
      related: problem.related?.map((related) => ({ ...related, message: strings.detached(related.message) })) ?? [],
      fixes: problem.fixes?.map((fix) => detachedFix(fix, strings)) ?? [],
    };
  }
  const leftOut = found[kept];
  return { report, diagnostics, problemCount: found.length, ...(leftOut ? { leftOutFrom: { ...leftOut.problem.range.start } } : {}) };
}

interface Found {
  ruleId: string;
  setting: Severity;
  problem: Problem;
}

/**
 * Detached copies of strings, one per distinct text: a report that repeats a mistake ten thousand times repeats its
 * message as often, and each copy would be memory of its own.
 */
class Interned {
  private readonly copies = new Map<string, string>();

  detached(text: string): string {
    let copy = this.copies.get(text);
    if (copy === undefined) {
      copy = detached(text);
      this.copies.set(copy, copy);
    }
    return copy;
  }
}

function detachedFix(fix: Fix, strings: Interned): Fix {
  return { ...fix, title: strings.detached(fix.title), edits: fix.edits.map((edit) => ({ range: edit.range, newText: strings.detached(edit.newText) })) };
}

const ORDER: Record<Severity, number> = { error: 2, warning: 1, info: 0 };

/** A problem may ask for a milder severity than its rule's; it never gets a harsher one. */
function milder(setting: Severity, requested: Severity | undefined): Severity {
  return requested && ORDER[requested] < ORDER[setting] ? requested : setting;
}
