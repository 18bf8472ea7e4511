import { linkRecord } from '../core/analysis/record-links';
import { compileFramework } from '../core/frameworks/compiled';
import type { SearchText } from '../core/parse/lines';
import { parseLines, type ParseOptions, type ParseResult } from '../core/parse/parse';
import { detached, splitLines, type Range } from '../core/text';
import { allRules } from '../rules';
import type { Fix, RelatedLocation, Rule, RuleContext, Severity, SeveritySetting } from '../rules/rule';
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
}

export interface LintResult {
  report: ParseResult;
  diagnostics: Diagnostic[];
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
  const diagnostics: Diagnostic[] = [];
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
      if (suppressed(rule.meta.id, problem.range.start.line)) continue;
      // a message quoting the report is a slice of its text: detached, a kept diagnostic does not keep the report
      diagnostics.push({
        ruleId: rule.meta.id,
        severity: milder(setting, problem.severity),
        message: detached(problem.message),
        range: problem.range,
        related: problem.related?.map((related) => ({ ...related, message: detached(related.message) })) ?? [],
        fixes: problem.fixes?.map(detachedFix) ?? [],
      });
    }
  }
  diagnostics.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId),
  );
  return { report, diagnostics };
}

function detachedFix(fix: Fix): Fix {
  return { ...fix, title: detached(fix.title), edits: fix.edits.map((edit) => ({ range: edit.range, newText: detached(edit.newText) })) };
}

const ORDER: Record<Severity, number> = { error: 2, warning: 1, info: 0 };

/** A problem may ask for a milder severity than its rule's; it never gets a harsher one. */
function milder(setting: Severity, requested: Severity | undefined): Severity {
  return requested && ORDER[requested] < ORDER[setting] ? requested : setting;
}
