import type { FrameworkProfileInput } from '../../server/src/core';

/** A small framework a team might define for itself: three levels, best last, one judgement. A fresh copy each time. */
export function fosteringReview(): FrameworkProfileInput {
  return {
    id: 'fostering-review',
    name: 'Fostering review',
    years: { from: 2024 },
    scale: {
      direction: 'higher-is-better',
      levels: [
        { key: 'strong', number: 3, label: 'Strong', terms: ['strong'] },
        { key: 'sound', number: 2, label: 'Sound', terms: ['sound'] },
        { key: 'weak', number: 1, label: 'Weak', terms: ['weak'] },
      ],
    },
    judgements: [{ id: 'placements', title: 'Placements' }],
    notation: { styles: ['grade-number-label'], preferred: 'grade-number-label' },
    detection: { titles: ['fostering review'], phrases: [] },
  };
}
