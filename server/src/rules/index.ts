import contentsMismatch from './contents-mismatch';
import duplicateSection from './duplicate-section';
import gradeLabelMismatch from './grade-label-mismatch';
import gradeOutOfScale from './grade-out-of-scale';
import gradeWordingMismatch from './grade-wording-mismatch';
import missingGrade from './missing-grade';
import missingRecordEntry from './missing-record-entry';
import outdatedGradeWording from './outdated-grade-wording';
import paragraphNumbering from './paragraph-numbering';
import recordEntryWithoutSection from './record-entry-without-section';
import recordGradeMismatch from './record-grade-mismatch';
import recordGroupMismatch from './record-group-mismatch';
import summaryContradiction from './summary-contradiction';
import unknownFramework from './unknown-framework';
import unknownRuleInDirective from './unknown-rule-in-directive';
import type { Rule } from './rule';

export const allRules: readonly Rule[] = [
  missingGrade,
  gradeWordingMismatch,
  missingRecordEntry,
  recordEntryWithoutSection,
  recordGradeMismatch,
  recordGroupMismatch,
  gradeOutOfScale,
  gradeLabelMismatch,
  outdatedGradeWording,
  duplicateSection,
  contentsMismatch,
  paragraphNumbering,
  summaryContradiction,
  unknownFramework,
  unknownRuleInDirective,
];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.meta.id === id);
}

export type { Rule, RuleMeta, Severity, SeveritySetting, Problem, Fix, TextEdit, RelatedLocation } from './rule';
