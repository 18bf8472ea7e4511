/** A small report and what a rule must say about it: the 1-based lines it reports, or none. */
export interface RuleCase {
  name: string;
  framework: string;
  lines: string[];
  /** 1-based lines where the rule reports; [] means it must stay silent. */
  expect: number[];
}

export const APA_SENTENCE = (term: string) =>
  `The contribution of services to improving outcomes for children and young people in this aspect is ${term}.`;

/** An APA letter section: heading, grade, summary heading, judgement sentence. */
export function apaSection(title: string, grade: string | null, sentence: string): string[] {
  return [title, '', ...(grade ? [grade, ''] : []), 'Summary of strengths and areas for development', '', sentence, ''];
}

/** A SLAC section: heading, grade, numbered first paragraph. */
export function slacSection(title: string, grade: string | null, number: number, sentence: string): string[] {
  return [title, '', ...(grade ? [grade, ''] : []), `${number}. ${sentence} Further evidence follows in this paragraph.`, ''];
}

export const SLAC_HEAD = ['Inspection of safeguarding and looked after children services', '', 'Safeguarding services', ''];
