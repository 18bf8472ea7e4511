import { shortNameOf } from '../../core/frameworks/profile';
import type { Grade, Section } from '../../core/model';

/** "Grade 3 · Adequate", "Good", "no grade": a grade as the outline shows it. */
export function gradeDetail(grade: Grade | null | undefined): string {
  if (!grade) return 'no grade';
  const label = grade.level?.label ?? grade.label?.text ?? null;
  if (grade.number) return label ? `Grade ${grade.number.value} · ${label}` : `Grade ${grade.number.value}`;
  return label ?? grade.text;
}

export function sectionDetail(section: Section): string {
  switch (section.kind) {
    case 'judgement':
      return gradeDetail(section.judgement?.grade);
    case 'part':
      return 'part';
    case 'group':
      return 'group';
    default:
      return '';
  }
}

export { shortNameOf };
