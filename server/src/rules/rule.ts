import type { CompiledFramework } from '../core/frameworks/compiled';
import type { ParseResult } from '../core/parse/parse';
import type { Range } from '../core/text';
import type { RecordLinks } from '../core/analysis/record-links';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export interface RuleMeta {
  /** Stable id, used in configuration, directives, output and the docs page name. */
  id: string;
  /** One line, as a reviewer would say it. */
  description: string;
  defaultSeverity: Severity;
  /** Whether the rule offers edits that fix what it reports. */
  fixable: boolean;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix to apply when fixing all problems at once (only one per problem may say so). */
  preferred?: boolean;
}

export interface RelatedLocation {
  message: string;
  range: Range;
}

export interface Problem {
  message: string;
  range: Range;
  related?: RelatedLocation[];
  fixes?: Fix[];
  /** Lower the severity for this problem only (e.g. an outdated wording is only worth a note). */
  severity?: Severity;
}

export interface RuleContext {
  report: ParseResult;
  /** The framework in force, or null for a report of unknown framework. */
  framework: CompiledFramework | null;
  /** The document's lines, for rules whose fixes need the text around a range. */
  lines: readonly string[];
  /** The document's line ending, for fixes that insert lines. */
  eol: '\n' | '\r\n';
  links(): RecordLinks;
  /** The ids of every rule there is, for checking the rules a comment names. */
  ruleIds: readonly string[];
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): Problem[];
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
