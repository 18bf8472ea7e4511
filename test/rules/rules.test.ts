import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint } from '../../server/src/lint/engine';
import { allRules } from '../../server/src/rules';
import { fixAll } from '../../server/src/lint/fix';
import { applyEdits } from '../helpers/edits';
import { fixturesDir, readSeed } from '../helpers/paths';
import { reportsWithTables, rewriteTable, TABLE_STYLES, writeTable } from '../helpers/tables';
import { APA_SENTENCE, apaSection, SLAC_HEAD, slacSection, type RuleCase } from './cases';

const T = '\t';

/** "Overall effectiveness" graded in each of the two SLAC parts. */
const TWO_PARTS = [
  ...SLAC_HEAD,
  ...slacSection('Overall effectiveness', 'Grade 3 (Adequate)', 11, 'The overall effectiveness of safeguarding services is adequate.'),
  'Services for looked after children',
  '',
  ...slacSection('Overall effectiveness', 'Grade 2 (Good)', 59, 'The overall effectiveness of services for looked after children is good.'),
];

const CASES: Record<string, RuleCase[]> = {
  'unknown-rule-in-directive': [
    {
      name: 'a misspelt rule id in a disable-next-line comment',
      framework: 'apa-2007',
      lines: ['<!-- inspection-lint-disable-next-line grade-wording-mismach -->', ...apaSection('Being healthy', 'Grade 3', APA_SENTENCE('good'))],
      expect: [1],
    },
    {
      name: 'an unknown id among known ones, in a disable … enable pair',
      framework: 'apa-2007',
      lines: ['<!-- inspection-lint-disable paragraph-numbering, spelling -->', ...apaSection('Being healthy', 'Grade 3', APA_SENTENCE('good')), '<!-- inspection-lint-enable spelling -->'],
      expect: [1, 10],
    },
    {
      name: 'known rule ids, and comments naming no rule',
      framework: 'apa-2007',
      lines: ['<!-- inspection-lint-disable-next-line grade-wording-mismatch missing-grade -->', ...apaSection('Being healthy', 'Grade 3', APA_SENTENCE('good')), '<!-- inspection-lint-disable -->', '<!-- inspection-lint-enable -->'],
      expect: [],
    },
  ],
  'missing-grade': [
    {
      name: 'a judgement between two page footers, a grade above the first (inserting the same grade must not make the two grades a running header)',
      framework: 'slac-2011',
      lines: ['Grade 2 (Good)', 'Page 3 of 30', '## Being healthy', 'Page 3 of 30', ''],
      expect: [3],
    },
    {
      name: 'a SIF judgement between two page footers, the grade it would be given above the first (a label alone, not a running header)',
      framework: 'sif',
      lines: ['\tInadequate', 'Page 3 of 30', '<td>Overall effectiveness</td>', 'Page 3 of 30', ''],
      expect: [3],
    },
    { name: 'an APA outcome with no grade', framework: 'apa-2007', lines: apaSection('Staying safe', null, APA_SENTENCE('good')), expect: [1] },
    { name: 'a SLAC judgement with no grade', framework: 'slac-2011', lines: [...SLAC_HEAD, ...slacSection('Partnership working', null, 54, 'Partnership working arrangements are good.')], expect: [5] },
    { name: 'a graded APA outcome', framework: 'apa-2007', lines: apaSection('Staying safe', 'Grade 3', APA_SENTENCE('good')), expect: [] },
    { name: 'a grade fused with the heading', framework: 'apa-2007', lines: apaSection('Staying safe Grade 3', null, APA_SENTENCE('good')), expect: [] },
    { name: 'a grade written "3 (Adequate)"', framework: 'slac-2011', lines: [...SLAC_HEAD, ...slacSection('Partnership working', '3 (Adequate)', 54, 'Partnership working arrangements are adequate.')], expect: [] },
    { name: 'a grade written "Judgement: Adequate"', framework: 'slac-2011', lines: [...SLAC_HEAD, ...slacSection('Partnership working', 'Judgement: Adequate', 54, 'Partnership working arrangements are adequate.')], expect: [] },
    { name: 'a number in brackets that is no grade ("3 (see below)")', framework: 'slac-2011', lines: [...SLAC_HEAD, ...slacSection('Partnership working', '3 (see below)', 54, 'Partnership working arrangements are adequate.')], expect: [5] },
    { name: 'a grade that cannot be read (grade-out-of-scale reports it)', framework: 'apa-2007', lines: apaSection('Staying safe', 'Grade 2.5', APA_SENTENCE('good')), expect: [] },
    { name: 'a grade with a soft hyphen in its label ("Out\u00ADstanding")', framework: 'apa-2007', lines: apaSection('Staying safe', 'Grade 4 (Out\u00adstanding)', APA_SENTENCE('outstanding')), expect: [] },
    { name: 'an ungraded heading the framework does not grade', framework: 'apa-2007', lines: ['Summary of strengths and areas for development', '', APA_SENTENCE('good')], expect: [] },
  ],
  'grade-wording-mismatch': [
    {
      name: 'a grade whose number and label disagree, under a sentence that agrees with neither ("Performs well (2)", "… perform excellently")',
      framework: 'slac-2011',
      lines: [...SLAC_HEAD, 'Overall effectiveness', '', 'Grade 2 (Adequate)', '', '11. The overall effectiveness of safeguarding services is outstanding.'],
      // on the sentence (grade-label-mismatch reports the grade)
      expect: [9],
    },
    {
      name: 'a grade whose number and label disagree, under a sentence that agrees with one of them (grade-label-mismatch says so)',
      framework: 'slac-2011',
      lines: [...SLAC_HEAD, 'Overall effectiveness', '', 'Grade 2 (Adequate)', '', '11. The overall effectiveness of safeguarding services is adequate.'],
      expect: [],
    },
    {
      name: "someone else's view before the judgement: \"Partners say services are good.\"",
      framework: 'slac-2011',
      lines: [...SLAC_HEAD, 'Overall effectiveness', '', 'Grade 3 (Adequate)', '', '11. Partners say services are good. The overall effectiveness of safeguarding services is adequate.'],
      expect: [],
    },
    {
      name: "the council's view, then the inspectors' in the same sentence",
      framework: 'slac-2011',
      lines: [...SLAC_HEAD, 'Overall effectiveness', '', 'Grade 3 (Adequate)', '', '11. The council believes that its services are good; inspectors found that the overall effectiveness of safeguarding services is adequate.'],
      expect: [],
    },
    {
      name: 'what inspectors found, disagreeing with the grade',
      framework: 'slac-2011',
      lines: [...SLAC_HEAD, 'Overall effectiveness', '', 'Grade 3 (Adequate)', '', '11. Inspectors found that the overall effectiveness of safeguarding services is good.'],
      expect: [9],
    },
    {
      name: 'a paragraph that opens with the last inspection\'s level and gives today\'s in its third sentence',
      framework: 'slac-2011',
      lines: [
        ...SLAC_HEAD,
        'Overall effectiveness',
        '',
        'Grade 3 (Adequate)',
        '',
        '11. At the last inspection in 2009 the overall effectiveness of safeguarding services was judged inadequate. Since then the council has acted on every recommendation. The overall effectiveness of safeguarding services is adequate.',
      ],
      expect: [],
    },
    {
      name: 'the same paragraph whose third sentence disagrees with the grade',
      framework: 'slac-2011',
      lines: [
        ...SLAC_HEAD,
        'Overall effectiveness',
        '',
        'Grade 3 (Adequate)',
        '',
        '11. At the last inspection in 2009 the overall effectiveness of safeguarding services was judged inadequate. Since then the council has acted on every recommendation. The overall effectiveness of safeguarding services is good.',
      ],
      expect: [9],
    },
    {
      name: 'a graded row read as a heading over a graded subsection: the sentence under the subsection is the subsection\'s alone, reported once',
      framework: 'apa-2007',
      lines: ['| Being healthy | Grade 3 |', '## Being healthy', '| Being healthy | Grade 3 |', 'The graded judgement for adoption performance is that it is outstanding'],
      expect: [4],
    },
    { name: 'APA Grade 2 (adequate) said to be good', framework: 'apa-2007', lines: apaSection('Being healthy', 'Grade 2', APA_SENTENCE('good')), expect: [7] },
    { name: 'SLAC Grade 2 (good) said to be adequate', framework: 'slac-2011', lines: [...SLAC_HEAD, ...slacSection('Quality of provision', 'Grade 2 (Good)', 25, 'The quality of safeguarding provision is adequate.')], expect: [9] },
    { name: 'SLAC Grade 1 said to be inadequate (the scale runs the other way)', framework: 'slac-2011', lines: [...SLAC_HEAD, ...slacSection('Partnership working', 'Grade 1', 54, 'Partnership working arrangements are inadequate.')], expect: [9] },
    { name: '"Performs well (3)" said to perform poorly', framework: 'annual-rating-2009', lines: ["Children's services rating", '', 'Performs well (3)', '', "Children's services in Testshire perform poorly."], expect: [5] },
    { name: 'APA "Grade 2 out of 4" said to be good', framework: 'apa-2007', lines: apaSection('Being healthy', 'Grade 2 out of 4', APA_SENTENCE('good')), expect: [7] },
    { name: 'a soft hyphen in the grade and in the word that disagrees with it', framework: 'apa-2007', lines: apaSection('Being healthy', 'Grade 4 (Out\u00adstanding)', APA_SENTENCE('ade\u00adquate')), expect: [7] },
    { name: 'a soft hyphen in the word that agrees with the grade', framework: 'apa-2007', lines: apaSection('Being healthy', 'Grade 4', APA_SENTENCE('out\u00adstanding')), expect: [] },
    { name: 'APA Grade 3 said to be good', framework: 'apa-2007', lines: apaSection('Being healthy', 'Grade 3', APA_SENTENCE('good')), expect: [] },
    { name: 'SLAC Grade 2 (Good) said to be good', framework: 'slac-2011', lines: [...SLAC_HEAD, ...slacSection('Quality of provision', 'Grade 2 (Good)', 25, 'The quality of safeguarding provision is good.')], expect: [] },
    { name: '"adequate and improving" under Grade 2', framework: 'apa-2007', lines: apaSection('Making a positive contribution', 'Grade 2', APA_SENTENCE('adequate and improving')), expect: [] },
    { name: '"has continued to improve and is now outstanding" under Grade 4', framework: 'apa-2007', lines: apaSection('Making a positive contribution', 'Grade 4', 'The contribution of services in this aspect has continued to improve and is now outstanding.'), expect: [] },
    { name: '"no longer inadequate" under SLAC Grade 3', framework: 'slac-2011', lines: [...SLAC_HEAD, ...slacSection('Quality of provision', 'Grade 3 (Adequate)', 25, 'Provision is no longer inadequate and is now adequate.')], expect: [] },
    { name: '"not yet good" under APA Grade 2', framework: 'apa-2007', lines: apaSection('Staying safe', 'Grade 2', 'The contribution of services in this aspect is adequate but not yet good.'), expect: [] },
    { name: '"good or better" about other services under Grade 2', framework: 'apa-2007', lines: apaSection('Enjoying and achieving', 'Grade 2', 'Most schools are judged good or better, but the contribution of services in this aspect is adequate.'), expect: [] },
    { name: '"requires improvement to be good" under SLAC Grade 3', framework: 'slac-2011', lines: [...SLAC_HEAD, ...slacSection('Leadership and management', 'Grade 3 (Adequate)', 44, 'Leadership requires improvement to be good; overall it is adequate.')], expect: [] },
    {
      name: 'a concession before the main clause ("Although … is good, … is adequate") under Grade 3',
      framework: 'slac-2011',
      lines: [...SLAC_HEAD, ...slacSection('Overall effectiveness', 'Grade 3 (Adequate)', 11, 'Although the LSCB is effective and partnership working is good, the overall effectiveness of safeguarding services is adequate.')],
      expect: [],
    },
    {
      name: 'the main clause disagreeing with the grade after a concession',
      framework: 'slac-2011',
      lines: [...SLAC_HEAD, ...slacSection('Overall effectiveness', 'Grade 3 (Adequate)', 11, 'Although some services are adequate, the overall effectiveness of safeguarding services is good.')],
      expect: [9],
    },
    { name: '"Performs well (3)" with "perform well"', framework: 'annual-rating-2009', lines: ["Children's services rating", '', 'Performs well (3)', '', "Children's services in Testshire perform well."], expect: [] },
    {
      name: 'a sentence about a part of the service, before the judgement sentence',
      framework: 'apa-2007',
      lines: apaSection('Being healthy', 'Grade 2', `Health visiting is good. ${APA_SENTENCE('adequate')}`),
      expect: [],
    },
    {
      name: 'a past judgement, before the judgement sentence',
      framework: 'apa-2007',
      lines: apaSection('Being healthy', 'Grade 2', `The joint area review found that these services were good. ${APA_SENTENCE('adequate')}`),
      expect: [],
    },
    {
      name: '"which was good last year, is now adequate" under Grade 2',
      framework: 'apa-2007',
      lines: apaSection('Being healthy', 'Grade 2', 'The contribution of services in this aspect, which was good last year, is now adequate.'),
      expect: [],
    },
    {
      name: 'last year\'s rating before this year\'s, under Performs well (3)',
      framework: 'annual-rating-2009',
      lines: ["Children's services rating", '', 'Performs well (3)', '', "Last year children's services were judged to perform adequately. Children's services in Testshire perform well."],
      expect: [],
    },
    {
      name: 'a part of the service under a grade in the heading ("Some assessments are good")',
      framework: 'ilacs',
      lines: ['The experiences and progress of children who need help and protection: requires improvement to be good', '', '1. Some assessments are good, while others do not consider the family history. Plans are often generic.'],
      expect: [],
    },
    {
      name: 'a part of the service named first, then the judgement sentence disagreeing',
      framework: 'apa-2007',
      lines: apaSection('Being healthy', 'Grade 2', `Health visiting is adequate. ${APA_SENTENCE('good')}`),
      expect: [7],
    },
    { name: 'a "good" later in the section, not in the judgement sentence', framework: 'apa-2007', lines: [...apaSection('Being healthy', 'Grade 2', APA_SENTENCE('adequate')), 'Immunisation rates are good and the youth service is outstanding.', ''], expect: [] },
  ],
  'missing-record-entry': [
    {
      name: 'a table row above a list item, the record starting with it: the new row goes below it, where no line above reads as its heading',
      framework: 'lac-2013',
      lines: ['Being healthy Grade 3', '(a) ensure that plans are reviewed', '', '| Overall effectiveness | Good |', '## Being healthy', '| Overall effectiveness | Good |\t'],
      expect: [4],
    },
    {
      name: 'a graded SLAC section missing from the record',
      framework: 'slac-2011',
      lines: [...SLAC_HEAD, ...slacSection('Overall effectiveness', 'Grade 3 (Adequate)', 11, 'The overall effectiveness of safeguarding services is adequate.'), ...slacSection('Partnership working', 'Grade 2 (Good)', 12, 'Partnership working arrangements are good.'), 'Record of main findings', '', `Safeguarding services${T}`, `Overall effectiveness${T}Adequate`],
      // reported on the record, where the row is to be added
      expect: [17],
    },
    {
      name: 'every graded section in the record',
      framework: 'slac-2011',
      lines: [...SLAC_HEAD, ...slacSection('Overall effectiveness', 'Grade 3 (Adequate)', 11, 'The overall effectiveness of safeguarding services is adequate.'), 'Record of main findings', '', `Safeguarding services${T}`, `Overall effectiveness${T}Adequate`],
      expect: [],
    },
    {
      name: 'a heading with a dash left after its title ("Overall effectiveness –"), the judgement the record lists',
      framework: 'slac-2011',
      lines: [...SLAC_HEAD, ...slacSection('Overall effectiveness –', 'Grade 3 (Adequate)', 11, 'The overall effectiveness of safeguarding services is adequate.'), 'Record of main findings', '', `Safeguarding services${T}`, `Overall effectiveness${T}Adequate`],
      expect: [],
    },
    { name: 'a report with no record at all', framework: 'apa-2007', lines: apaSection('Being healthy', 'Grade 3', APA_SENTENCE('good')), expect: [] },
    {
      name: 'a judgement named in both parts, recorded for one part only',
      framework: 'slac-2011',
      lines: [...TWO_PARTS, 'Record of main findings', '', `Safeguarding services${T}`, `Overall effectiveness${T}Adequate`],
      expect: [19],
    },
  ],
  'record-entry-without-section': [
    {
      name: 'a table of judgements in a text that gives none itself (committee minutes quoting the inspection)',
      framework: 'ilacs',
      lines: ['Minutes of the scrutiny committee', '', '41. Members noted the inspection\'s judgements:', '', `Overall effectiveness${T}Requires improvement to be good`, `The experiences and progress of children in care${T}Good`, '', '42. The director thanked staff for their work.'],
      expect: [],
    },
    {
      name: 'a record row with no section',
      framework: 'slac-2011',
      lines: [...SLAC_HEAD, ...slacSection('Overall effectiveness', 'Grade 3 (Adequate)', 11, 'The overall effectiveness of safeguarding services is adequate.'), 'Record of main findings', '', `Safeguarding services${T}`, `Overall effectiveness${T}Adequate`, `Equality and diversity${T}Good`],
      expect: [15],
    },
    {
      name: 'a record row whose title is a slip of a section\'s ("Partnership workng"): the fix writes the framework\'s title in the row',
      framework: 'slac-2011',
      lines: [...SLAC_HEAD, ...slacSection('Partnership working', 'Grade 2 (Good)', 12, 'Partnership working arrangements are good.'), 'Record of main findings', '', `Safeguarding services${T}`, `Partnership workng${T}Good`],
      expect: [14],
    },
    {
      name: 'record rows that all have sections, in another order than the body',
      framework: 'slac-2011',
      lines: [...SLAC_HEAD, ...slacSection('Overall effectiveness', 'Grade 3 (Adequate)', 11, 'The overall effectiveness of safeguarding services is adequate.'), ...slacSection('Partnership working', 'Grade 2 (Good)', 12, 'Partnership working arrangements are good.'), 'Record of main findings', '', `Partnership working${T}Good`, `Overall effectiveness${T}Adequate`],
      expect: [],
    },
  ],
  'record-grade-mismatch': [
    {
      name: 'a record cell holding only a number that differs from its section',
      framework: 'slac-2011',
      lines: [...SLAC_HEAD, ...slacSection('Overall effectiveness', 'Grade 3 (Adequate)', 11, 'The overall effectiveness of safeguarding services is adequate.'), 'Record of main findings', '', `Overall effectiveness${T}2`],
      expect: [13],
    },
    {
      name: 'a record cell "Grade 2 out of 4" under a section graded 3',
      framework: 'slac-2011',
      lines: [...SLAC_HEAD, ...slacSection('Overall effectiveness', 'Grade 3 (Adequate)', 11, 'The overall effectiveness of safeguarding services is adequate.'), 'Record of main findings', '', `Overall effectiveness${T}Grade 2 out of 4`],
      expect: [13],
    },
    {
      name: 'a record row graded differently from its section',
      framework: 'slac-2011',
      lines: [...SLAC_HEAD, ...slacSection('Overall effectiveness', 'Grade 3 (Adequate)', 11, 'The overall effectiveness of safeguarding services is adequate.'), 'Record of main findings', '', `Overall effectiveness${T}Good`],
      expect: [13],
    },
    {
      name: 'a record printed "Inadequate Grade 4" agreeing with its section',
      framework: 'slac-2011',
      lines: [...SLAC_HEAD, ...slacSection('Overall effectiveness', 'Grade 4 (Inadequate)', 11, 'The overall effectiveness of safeguarding services is inadequate.'), 'Record of main findings', '', `Overall effectiveness${T}Inadequate Grade 4`],
      expect: [],
    },
  ],
  'record-group-mismatch': [
    {
      name: 'safeguarding rows printed under the looked after children group',
      framework: 'slac-2011',
      lines: [...SLAC_HEAD, ...slacSection('Partnership working', 'Grade 2 (Good)', 11, 'Partnership working arrangements are good.'), 'Record of main findings', '', `Services for looked after children${T}`, `Partnership working${T}Good`],
      expect: [13],
    },
    {
      name: 'rows under their own part',
      framework: 'slac-2011',
      lines: [...SLAC_HEAD, ...slacSection('Partnership working', 'Grade 2 (Good)', 11, 'Partnership working arrangements are good.'), 'Record of main findings', '', `Safeguarding services${T}`, `Partnership working${T}Good`],
      expect: [],
    },
  ],
  'grade-out-of-scale': [
    { name: 'APA Grade 5', framework: 'apa-2007', lines: apaSection('Being healthy', 'Grade 5', APA_SENTENCE('good')), expect: [3] },
    { name: 'SLAC Grade 0', framework: 'slac-2011', lines: [...SLAC_HEAD, ...slacSection('Quality of provision', 'Grade 0 (Good)', 25, 'The quality of provision is good.')], expect: [7] },
    { name: 'an unknown label', framework: 'slac-2011', lines: [...SLAC_HEAD, ...slacSection('Quality of provision', 'Grade 2 (Very good)', 25, 'The quality of provision is good.')], expect: [7] },
    {
      name: 'an ILACS heading with a label the scale does not have, as a Markdown heading ("## … care leavers: adequate")',
      framework: 'ilacs',
      lines: ['## The experiences and progress of care leavers: adequate', '', '1. Care leavers are supported well into adulthood.'],
      expect: [1],
    },
    { name: 'an unknown label in the record', framework: 'slac-2011', lines: ['Record of main findings', '', `Overall effectiveness${T}Satisfactory-ish`], expect: [3] },
    { name: 'a fraction of a grade', framework: 'apa-2007', lines: apaSection('Being healthy', 'Grade 3.5', APA_SENTENCE('good')), expect: [3] },
    { name: 'a grade in words', framework: 'apa-2007', lines: apaSection('Being healthy', 'Grade three', APA_SENTENCE('good')), expect: [3] },
    { name: 'a grade out of four', framework: 'slac-2011', lines: [...SLAC_HEAD, ...slacSection('Quality of provision', 'Grade 2/4', 25, 'The quality of provision is good.')], expect: [7] },
    { name: '"Grade 2 out of 5" on a scale of four', framework: 'slac-2011', lines: [...SLAC_HEAD, ...slacSection('Quality of provision', 'Grade 2 out of 5', 25, 'The quality of provision is good.')], expect: [7] },
    { name: '"Grade 3 of 6" fused to its heading', framework: 'apa-2007', lines: ['Being healthy Grade 3 of 6', '', 'Summary of strengths and areas for development', '', APA_SENTENCE('good'), ''], expect: [1] },
    { name: '"Grade 2 out of 4" on a scale of four', framework: 'slac-2011', lines: [...SLAC_HEAD, ...slacSection('Quality of provision', 'Grade 2 out of 4', 25, 'The quality of provision is good.')], expect: [] },
    { name: '"Grade 3 of 4 (Good)" in an APA letter', framework: 'apa-2007', lines: apaSection('Being healthy', 'Grade 3 of 4 (Good)', APA_SENTENCE('good')), expect: [] },
    {
      name: 'a record cell "Grade 2 out of 4"',
      framework: 'slac-2011',
      lines: [...SLAC_HEAD, ...slacSection('Quality of provision', 'Grade 2 (Good)', 25, 'The quality of provision is good.'), 'Record of main findings', '', `Safeguarding services${T}`, `Quality of provision${T}Grade 2 out of 4`],
      expect: [],
    },
    { name: 'a 2009 label the scale does not have', framework: 'annual-rating-2009', lines: ["Children's services rating", '', 'Performs brilliantly (3)', '', "Children's services in Testshire perform well."], expect: [3] },
    { name: 'every grade on the scale', framework: 'apa-2007', lines: [...apaSection('Being healthy', 'Grade 4', APA_SENTENCE('outstanding')), ...apaSection('Staying safe', 'Grade 1', APA_SENTENCE('inadequate'))], expect: [] },
    { name: '"Grade: 3", with a colon', framework: 'apa-2007', lines: apaSection('Being healthy', 'Grade: 3', APA_SENTENCE('good')), expect: [] },
    {
      name: 'a record cell holding only the number',
      framework: 'slac-2011',
      lines: [...SLAC_HEAD, ...slacSection('Quality of provision', 'Grade 3 (Adequate)', 25, 'The quality of provision is adequate.'), 'Record of main findings', '', `Safeguarding services${T}`, `Quality of provision${T}3`],
      expect: [],
    },
  ],
  'grade-label-mismatch': [
    { name: '"Grade 2 (Adequate)" in SLAC, where 2 is Good', framework: 'slac-2011', lines: [...SLAC_HEAD, ...slacSection('Quality of provision', 'Grade 2 (Adequate)', 25, 'The quality of provision is adequate.')], expect: [7] },
    { name: '"Performs excellently (3)"', framework: 'annual-rating-2009', lines: ["Children's services rating", '', 'Performs excellently (3)', '', "Children's services in Testshire perform well."], expect: [3] },
    { name: '"Grade 3 (Ade\u200Dquate)", a zero-width joiner inside the label', framework: 'apa-2007', lines: apaSection('Being healthy', 'Grade 3 (Ade\u200dquate)', APA_SENTENCE('good')), expect: [3] },
    { name: '"Grade 2 (Adequate)" in APA, where 2 is adequate', framework: 'apa-2007', lines: apaSection('Being healthy', 'Grade 2 (Adequate)', APA_SENTENCE('adequate')), expect: [] },
    { name: '"2 (Adequate)", the word "Grade" left out, in SLAC', framework: 'slac-2011', lines: [...SLAC_HEAD, ...slacSection('Quality of provision', '2 (Adequate)', 25, 'The quality of provision is adequate.')], expect: [7] },
    { name: '"3 (Adequate)" in SLAC', framework: 'slac-2011', lines: [...SLAC_HEAD, ...slacSection('Quality of provision', '3 (Adequate)', 25, 'The quality of provision is adequate.')], expect: [] },
    { name: '"Grade 1 (Outstanding)" in SLAC', framework: 'slac-2011', lines: [...SLAC_HEAD, ...slacSection('Quality of provision', 'Grade 1 (Outstanding)', 25, 'The quality of provision is outstanding.')], expect: [] },
  ],
  'outdated-grade-wording': [
    { name: '"Grade 3 (Satisfactory)", the older word for adequate', framework: 'slac-2011', lines: [...SLAC_HEAD, ...slacSection('Quality of provision', 'Grade 3 (Satisfactory)', 25, 'The quality of provision is adequate.')], expect: [7] },
    { name: 'a record row "satisfactory"', framework: 'slac-2011', lines: [...SLAC_HEAD, ...slacSection('Overall effectiveness', 'Grade 3 (Adequate)', 11, 'The overall effectiveness of safeguarding services is adequate.'), 'Record of main findings', '', `Overall effectiveness${T}satisfactory`], expect: [13] },
    { name: 'the current label', framework: 'slac-2011', lines: [...SLAC_HEAD, ...slacSection('Quality of provision', 'Grade 3 (Adequate)', 25, 'The quality of provision is adequate.')], expect: [] },
  ],
  'duplicate-section': [
    { name: 'the same judgement twice in one part', framework: 'slac-2011', lines: [...SLAC_HEAD, ...slacSection('Quality of provision', 'Grade 2 (Good)', 25, 'The quality of provision is good.'), ...slacSection('Quality of provision', 'Grade 2 (Good)', 26, 'The quality of provision is good.')], expect: [11] },
    { name: 'the same judgement twice in an APA letter', framework: 'apa-2007', lines: [...apaSection('Being healthy', 'Grade 3', APA_SENTENCE('good')), ...apaSection('Being healthy', 'Grade 3', APA_SENTENCE('good'))], expect: [9] },
    {
      name: 'the same judgement once in each part',
      framework: 'slac-2011',
      lines: [...SLAC_HEAD, ...slacSection('Quality of provision', 'Grade 2 (Good)', 25, 'The quality of provision is good.'), 'Services for looked after children', '', ...slacSection('Quality of provision', 'Grade 2 (Good)', 26, 'The quality of provision is good.')],
      expect: [],
    },
  ],
  'contents-mismatch': [
    {
      name: 'a judgement mistyped in the contents ("Partnership workng"): the fix writes it as the framework and the heading do',
      framework: 'apa-2007',
      lines: ['Contents', '', `Being helthy${T}1`, `Staying safe${T}2`, '', ...apaSection('Being healthy', 'Grade 3', APA_SENTENCE('good')), ...apaSection('Staying safe', 'Grade 3', APA_SENTENCE('good'))],
      expect: [3, 6],
    },
    {
      name: 'an entry with no heading, and a heading not in the contents',
      framework: 'slac-2011',
      lines: ['Contents', '', `About this inspection${T}1`, `Service information${T}2`, '', 'About this inspection', '', '1. The purpose of the inspection is to evaluate the contribution made by services in the local area.', '', 'Safeguarding services', '', ...slacSection('Quality of provision', 'Grade 2 (Good)', 2, 'The quality of provision is good.')],
      // the contents list the top level only, so the section inside the part need not be there
      expect: [4, 10],
    },
    {
      name: 'a section pasted twice in one part, listed once: the copy is a duplicate (duplicate-section), not missing from the contents',
      framework: 'slac-2011',
      lines: [
        'Contents',
        '',
        `Safeguarding services${T}1`,
        `Quality of provision${T}2`,
        '',
        'Safeguarding services',
        '',
        ...slacSection('Quality of provision', 'Grade 2 (Good)', 1, 'The quality of provision is good.'),
        ...slacSection('Quality of provision', 'Grade 2 (Good)', 2, 'The quality of provision is good.'),
      ],
      expect: [],
    },
    {
      name: 'contents matching the headings (areas for improvement need no entry)',
      framework: 'slac-2011',
      lines: ['Contents', '', `Safeguarding services${T}1`, `Quality of provision${T}2`, '', 'Safeguarding services', '', ...slacSection('Quality of provision', 'Grade 2 (Good)', 1, 'The quality of provision is good.'), 'Areas for improvement', '', 'Immediately:', '', '- ensure that case recording is timely'],
      expect: [],
    },
    {
      name: "a title page's heading above the contents (a contents page lists what follows it)",
      framework: 'slac-2011',
      lines: ['Tamsford', '', 'Inspection of safeguarding and looked after children services in the borough of Tamsford, October 2011', '', 'Contents', '', `Safeguarding services${T}1`, `Quality of provision${T}2`, '', 'Safeguarding services', '', ...slacSection('Quality of provision', 'Grade 2 (Good)', 1, 'The quality of provision is good.'), 'Service information', '', 'Tamsford is a small borough with a population of about 40,000 people.'],
      // "Service information", below the contents, must be listed; "Tamsford", above them, need not be
      expect: [18],
    },
  ],
  'paragraph-numbering': [
    {
      name: 'a list numbered from 1 inside the numbered paragraphs, after a line that introduces it',
      framework: 'slac-2011',
      lines: [
        ...SLAC_HEAD,
        ...slacSection('Quality of provision', 'Grade 2 (Good)', 24, 'The quality of provision is good.'),
        '25. Since the last inspection the partnership has consulted widely with children, families and staff, and it has agreed three priorities for the coming year:',
        '',
        '1. early help for families;',
        '2. the timeliness of assessments, which',
        'have been slow; and',
        '3. the quality of case recording.',
        '',
        '26. The next paragraph goes on from the one before the list, with enough words.',
      ],
      expect: [],
    },
    {
      name: 'a paragraph after such a list that skips a number',
      framework: 'slac-2011',
      lines: [
        ...SLAC_HEAD,
        ...slacSection('Quality of provision', 'Grade 2 (Good)', 24, 'The quality of provision is good.'),
        '25. Since the last inspection the partnership has consulted widely with children, families and staff, and it has agreed two priorities for the coming year:',
        '',
        '1. early help for families; and',
        '2. the timeliness of assessments.',
        '',
        '27. The next paragraph skips a number, with enough words to be prose.',
      ],
      expect: [16],
    },
    { name: 'a skipped number', framework: 'slac-2011', lines: [...SLAC_HEAD, ...slacSection('Quality of provision', 'Grade 2 (Good)', 1, 'The quality of provision is good.'), '2. Another paragraph of evidence with enough words to be prose.', '', '4. A paragraph whose number skips three, with enough words.'], expect: [13] },
    { name: 'a repeated number', framework: 'slac-2011', lines: [...SLAC_HEAD, ...slacSection('Quality of provision', 'Grade 2 (Good)', 1, 'The quality of provision is good.'), '1. Another paragraph with the same number, and enough words to be prose.'], expect: [11] },
    {
      name: 'one mistyped number, alone (not the paragraphs after it)',
      framework: 'slac-2011',
      lines: [...SLAC_HEAD, ...slacSection('Quality of provision', 'Grade 2 (Good)', 1, 'The quality of provision is good.'), '4. A paragraph numbered 4 where 2 belongs, with enough words to be prose.', '3. The third paragraph, in its place, with enough words to be prose.', '4. The fourth paragraph, in its place, with enough words to be prose.'],
      expect: [11],
    },
    {
      name: 'a number repeated on the line straight after a paragraph left without its full stop',
      framework: 'slac-2011',
      lines: [...SLAC_HEAD, ...slacSection('Quality of provision', 'Grade 2 (Good)', 1, 'The quality of provision is good.'), '2. A paragraph whose last sentence runs on without its stop, and', '2. The same number again, with enough words to be prose.'],
      expect: [12],
    },
    { name: 'numbers that follow on', framework: 'slac-2011', lines: [...SLAC_HEAD, ...slacSection('Quality of provision', 'Grade 2 (Good)', 1, 'The quality of provision is good.'), '2. Another paragraph of evidence with enough words to be prose.', '', '3. And a third paragraph, numbered in order, with enough words.'], expect: [] },
  ],
  'summary-contradiction': [
    {
      name: 'an overall section telling what another judgement was at the last inspection, or before',
      framework: 'apa-2007',
      lines: [
        ...apaSection(
          "Overall effectiveness of children's services",
          'Grade 3',
          'The council delivers good services. At the last assessment in 2006 the contribution to children and young people being healthy was judged inadequate. Previously, services to help children stay safe were adequate.',
        ),
        ...apaSection('Being healthy', 'Grade 3', APA_SENTENCE('good')),
        ...apaSection('Staying safe', 'Grade 3', APA_SENTENCE('good')),
      ],
      expect: [],
    },
    {
      name: 'an overall section telling what another judgement was, and giving it another level now',
      framework: 'apa-2007',
      lines: [
        ...apaSection("Overall effectiveness of children's services", 'Grade 3', 'The council delivers good services. Services to help children stay safe, which were good last year, are now adequate.'),
        ...apaSection('Staying safe', 'Grade 3', APA_SENTENCE('good')),
      ],
      expect: [7],
    },
    {
      name: 'an overall section giving another judgement a different level',
      framework: 'apa-2007',
      lines: [...apaSection("Overall effectiveness of children's services", 'Grade 3', 'The council delivers good services. The contribution to children and young people being healthy is outstanding.'), ...apaSection('Being healthy', 'Grade 3', APA_SENTENCE('good'))],
      expect: [7],
    },
    {
      name: 'an overall section naming an outcome by its verb ("help children stay safe")',
      framework: 'apa-2007',
      lines: [...apaSection("Overall effectiveness of children's services", 'Grade 3', 'The council delivers good services. Services to help children stay safe are good.'), ...apaSection('Staying safe', 'Grade 2', APA_SENTENCE('adequate'))],
      expect: [7],
    },
    {
      name: 'an overall section agreeing with the grades',
      framework: 'apa-2007',
      lines: [...apaSection("Overall effectiveness of children's services", 'Grade 3', 'The council delivers good services. The contribution to children and young people being healthy and to staying safe is good.'), ...apaSection('Being healthy', 'Grade 3', APA_SENTENCE('good')), ...apaSection('Staying safe', 'Grade 3', APA_SENTENCE('good'))],
      expect: [],
    },
    {
      name: 'one word for two judgements, one of them graded otherwise (reported, with no fix that would break the other)',
      framework: 'apa-2007',
      lines: [
        ...apaSection("Overall effectiveness of children's services", 'Grade 3', 'The council delivers good services. The council continues to make good contributions to being healthy and to staying safe.'),
        ...apaSection('Being healthy', 'Grade 3', APA_SENTENCE('good')),
        ...apaSection('Staying safe', 'Grade 1', APA_SENTENCE('inadequate')),
      ],
      expect: [7],
    },
    {
      name: 'a statement naming two judgements with two levels, left alone as ambiguous',
      framework: 'apa-2007',
      lines: [...apaSection("Overall effectiveness of children's services", 'Grade 3', 'The council delivers good services. Being healthy and staying safe range from adequate to outstanding.'), ...apaSection('Being healthy', 'Grade 3', APA_SENTENCE('good'))],
      expect: [],
    },
  ],
  'unknown-framework': [
    { name: 'a directive with a misspelt id', framework: 'apa-2007', lines: ['<!-- framework: slac-2012 -->', '', ...apaSection('Being healthy', 'Grade 3', APA_SENTENCE('good'))], expect: [1] },
    { name: 'a directive with a known id', framework: 'apa-2007', lines: ['<!-- framework: apa-2007 -->', '', ...apaSection('Being healthy', 'Grade 3', APA_SENTENCE('good'))], expect: [] },
  ],
};

describe('rules: fixtures that must and must not trigger each rule', () => {
  it('has fixtures for every rule, including ones that must stay silent', () => {
    for (const rule of allRules) {
      const cases = CASES[rule.meta.id] ?? [];
      assert.ok(cases.some((c) => c.expect.length === 0), `${rule.meta.id}: no fixture that must not trigger`);
      assert.ok(cases.some((c) => c.expect.length > 0), `${rule.meta.id}: no fixture that must trigger`);
    }
  });

  for (const [ruleId, cases] of Object.entries(CASES)) {
    describe(ruleId, () => {
      for (const c of cases) {
        it(`${c.expect.length ? 'reports' : 'does not report'} ${c.name}`, () => {
          const text = c.lines.join('\n');
          const { diagnostics } = lint(text, { framework: c.framework });
          const lines = diagnostics.filter((d) => d.ruleId === ruleId).map((d) => d.range.start.line + 1);
          assert.deepStrictEqual(lines, c.expect, diagnostics.map((d) => `${d.range.start.line + 1} ${d.ruleId}: ${d.message}`).join('\n'));
        });
        if (!c.expect.length) continue;
        it(`every fix for ${c.name} removes the problem and changes nothing else`, () => {
          const text = c.lines.join('\n');
          const { diagnostics } = lint(text, { framework: c.framework });
          for (const diagnostic of diagnostics.filter((d) => d.ruleId === ruleId)) {
            for (const fix of diagnostic.fixes) {
              const fixed = applyEdits(text, fix.edits);
              assert.notStrictEqual(fixed, text, `fix "${fix.title}" changed nothing`);
              const after = lint(fixed, { framework: c.framework }).diagnostics.filter(
                (d) => d.ruleId === ruleId && d.message === diagnostic.message,
              );
              assert.deepStrictEqual(after.map((d) => d.message), [], `fix "${fix.title}" left the problem`);
              assertOnlyEditedRanges(text, fixed, fix.edits);
            }
          }
        });
      }
    });
  }
});

describe('missing-grade: a heading wrapped over two lines takes its grade after its last line', () => {
  const fixedLines = (framework: string, lines: string[]) => {
    const text = lines.join('\n');
    const diagnostic = lint(text, { framework }).diagnostics.find((d) => d.ruleId === 'missing-grade');
    assert.ok(diagnostic?.fixes[0], 'no fix offered');
    const fixed = applyEdits(text, diagnostic.fixes[0].edits);
    // the fixed heading still reads as the judgement, now graded
    const graded = lint(fixed, { framework }).report.judgementSections.map((section) => [section.title, section.judgement?.grade?.level?.label ?? null]);
    return { lines: fixed.split('\n'), graded };
  };

  it('on the line below the heading, in a framework that writes the grade on its own line', () => {
    const head = [...SLAC_HEAD, 'The contribution of health agencies to keeping', 'children and young people safe', ''];
    const { lines, graded } = fixedLines('slac-2011', [...head, '30. The contribution of health agencies to keeping children and young people safe is good. More follows.']);
    assert.deepStrictEqual(lines.slice(4, 9), ['The contribution of health agencies to keeping', 'children and young people safe', '', 'Grade 2 (Good)', '']);
    assert.deepStrictEqual(graded, [['The contribution of health agencies to keeping children and young people safe', 'Good']]);
  });

  it('after the title, in a framework that writes "title: grade"', () => {
    const lines = ['Local authority children\u2019s services inspection', '', 'The impact of leaders on social work practice with', 'children and families', '', 'Leaders are effective. They know their services well.'];
    const fixed = fixedLines('ilacs', lines);
    assert.deepStrictEqual(fixed.lines.slice(2, 4), ['The impact of leaders on social work practice with', 'children and families: outstanding']);
    assert.deepStrictEqual(fixed.graded, [['The impact of leaders on social work practice with children and families', 'Outstanding']]);
  });
});

describe('grade-out-of-scale: a placeholder where a label goes ("TBC") is called one', () => {
  it('in a record cell and after an ILACS heading', () => {
    const record = [...SLAC_HEAD, ...slacSection('Overall effectiveness', 'Grade 3 (Adequate)', 11, 'The overall effectiveness of safeguarding services is adequate.'), 'Record of main findings', '', `Safeguarding services${T}`, `Overall effectiveness${T}TBC`];
    const ilacs = ['## The experiences and progress of children in care: TBC', '', '1. Children in care live in stable homes.'];
    // a record cell still to be filled for a section still to be graded: missing-grade reports the section, once
    const both = [...SLAC_HEAD, ...slacSection('Overall effectiveness', 'Grade TBC', 11, 'The overall effectiveness of safeguarding services is adequate.'), 'Record of main findings', '', `Safeguarding services${T}`, `Overall effectiveness${T}TBC`];
    assert.deepStrictEqual(lint(both.join('\n'), { framework: 'slac-2011' }).diagnostics.map((d) => `${d.ruleId}@${d.range.start.line}`), ['missing-grade@4']);
    for (const [lines, framework] of [[record, 'slac-2011'], [ilacs, 'ilacs']] as const) {
      const problems = lint(lines.join('\n'), { framework }).diagnostics;
      assert.deepStrictEqual(problems.map((d) => d.ruleId), ['grade-out-of-scale']);
      assert.match(problems[0]!.message, /^"TBC" holds the place of a grade still to be given: the .* scale is Outstanding, Good, /);
    }
  });
});

describe('missing-grade: a placeholder for the grade ("Grade TBC") is replaced, not left below the new grade', () => {
  for (const placeholder of ['Grade TBC', 'Grade: [TBC]', 'Grade ?', 'Grade: to be agreed']) {
    it(placeholder, () => {
      const text = [...SLAC_HEAD, ...slacSection('Overall effectiveness', placeholder, 11, 'The overall effectiveness of safeguarding services is adequate.')].join('\n');
      const problem = lint(text, { framework: 'slac-2011' }).diagnostics.find((d) => d.ruleId === 'missing-grade');
      assert.ok(problem?.fixes[0], 'no fix offered');
      assert.match(problem.message, new RegExp(`^"Overall effectiveness" is a graded judgement in SLAC 2011; its grade is still to be given \\("${placeholder.replace(/[[\]?]/g, '\\$&')}"\\)\\.`));
      assert.strictEqual(problem.fixes[0].title, `Replace "${placeholder}" with "Grade 3 (Adequate)", as the judgement sentence says`);
      const fixed = applyEdits(text, problem.fixes[0].edits);
      assert.deepStrictEqual(fixed.split('\n').slice(4, 8), ['Overall effectiveness', '', 'Grade 3 (Adequate)', '']);
      assert.deepStrictEqual(lint(fixed, { framework: 'slac-2011' }).diagnostics, []);
    });
  }

  it('leaves a line that is no placeholder where it is', () => {
    const text = [...SLAC_HEAD, 'Overall effectiveness', '', '11. The overall effectiveness of safeguarding services is adequate.'].join('\n');
    const problem = lint(text, { framework: 'slac-2011' }).diagnostics.find((d) => d.ruleId === 'missing-grade');
    assert.match(problem?.fixes[0]?.title ?? '', /^Insert "Grade 3 \(Adequate\)"/);
  });
});

describe("missing-grade: the grade offered is written as the report's other grades are", () => {
  const offered = (otherGrade: string) => {
    const lines = [
      ...SLAC_HEAD,
      ...slacSection('Overall effectiveness', otherGrade, 11, 'The overall effectiveness of safeguarding services is adequate.'),
      ...slacSection('Partnership working', null, 12, 'Partnership working arrangements are good.'),
    ];
    const text = lines.join('\n');
    const problem = lint(text, { framework: 'slac-2011' }).diagnostics.find((d) => d.ruleId === 'missing-grade');
    assert.ok(problem?.fixes[0], 'no fix offered');
    // the sentence's level first; applied, the grade reads back and the problem is gone
    const fixed = applyEdits(text, problem.fixes[0].edits);
    const after = lint(fixed, { framework: 'slac-2011' });
    assert.deepStrictEqual(after.diagnostics.map((d) => d.ruleId), []);
    assert.deepStrictEqual(after.report.judgementSections.map((section) => section.judgement?.grade?.level?.key), ['adequate', 'good']);
    return problem.fixes.map((fix) => fix.title);
  };

  it('"Grade 2 (Good)" where the others are written so (the framework\'s own way)', () => {
    assert.strictEqual(offered('Grade 3 (Adequate)')[0], 'Insert "Grade 2 (Good)", as the judgement sentence says');
  });

  it('"Good (Grade 2)" where the others are written "Adequate (Grade 3)"', () => {
    assert.strictEqual(offered('Adequate (Grade 3)')[0], 'Insert "Good (Grade 2)", as the judgement sentence says');
  });

  it('"2 (Good)" where the others are written "3 (Adequate)"', () => {
    assert.strictEqual(offered('3 (Adequate)')[0], 'Insert "2 (Good)", as the judgement sentence says');
  });

  it('in lower case where the others\' labels are', () => {
    assert.deepStrictEqual(offered('Grade 3 (adequate)').slice(0, 2), ['Insert "Grade 2 (good)", as the judgement sentence says', 'Insert "Grade 1 (outstanding)"']);
  });
});

describe('missing-record-entry: where the fix puts the row', () => {
  const fixedText = (lines: string[]) => {
    const text = lines.join('\n');
    const diagnostic = lint(text, { framework: 'slac-2011' }).diagnostics.find((d) => d.ruleId === 'missing-record-entry');
    assert.ok(diagnostic?.fixes[0], 'no fix offered');
    return applyEdits(text, diagnostic.fixes[0].edits).split('\n').slice(-4);
  };

  it("adds the part's group row when the record lists nothing of that part and the title is ambiguous", () => {
    assert.deepStrictEqual(fixedText([...TWO_PARTS, 'Record of main findings', '', `Safeguarding services${T}`, `Overall effectiveness${T}Adequate`]), [
      `Safeguarding services${T}`,
      `Overall effectiveness${T}Adequate`,
      `Services for looked after children${T}`,
      `Overall effectiveness${T}Good`,
    ]);
  });

  it("puts the row under the part's group row when the record has one", () => {
    const lines = [...TWO_PARTS, 'Record of main findings', '', `Services for looked after children${T}`, `Safeguarding services${T}`, `Overall effectiveness${T}Adequate`];
    const text = lines.join('\n');
    const diagnostic = lint(text, { framework: 'slac-2011' }).diagnostics.find((d) => d.ruleId === 'missing-record-entry');
    assert.ok(diagnostic?.fixes[0]);
    assert.deepStrictEqual(applyEdits(text, diagnostic.fixes[0].edits).split('\n').slice(-4), [
      `Services for looked after children${T}`,
      `Overall effectiveness${T}Good`,
      `Safeguarding services${T}`,
      `Overall effectiveness${T}Adequate`,
    ]);
  });
});

describe('paragraph-numbering: numbers a Markdown converter escaped', () => {
  it('reads "12\\. The …" as paragraph 12 and keeps the escape in its fixes', () => {
    const lines = [...SLAC_HEAD, ...slacSection('Overall effectiveness', 'Grade 3 (Adequate)', 11, 'The overall effectiveness of safeguarding services is adequate.')];
    const text = [...lines, '', '13\\. The LSCB is effective.', '', '14\\. The council has retained the Trust.'].join('\n').replace(/^11\. /m, '11\\. ');
    const problems = lint(text, { framework: 'slac-2011' }).diagnostics.filter((d) => d.ruleId === 'paragraph-numbering');
    assert.strictEqual(problems.length, 1);
    assert.deepStrictEqual(problems[0]!.fixes[0]!.edits.map((edit) => edit.newText), ['12\\.', '13\\.']);
  });
});

describe('paragraph-numbering: numbers in Word\'s other list styles', () => {
  for (const [style, written] of [['12)', (n: number) => `${n})`], ['(12)', (n: number) => `(${n})`]] as const) {
    it(`reads "${style} The …" as paragraph 12 and renumbers in that style`, () => {
      const lines = [...SLAC_HEAD, ...slacSection('Overall effectiveness', 'Grade 3 (Adequate)', 11, 'The overall effectiveness of safeguarding services is adequate.')];
      const text = [...lines, '', `${written(13)} The LSCB is effective.`, '', `${written(14)} The council has retained the Trust.`].join('\n').replace(/^11\. /m, `${written(11)} `);
      const problems = lint(text, { framework: 'slac-2011' }).diagnostics.filter((d) => d.ruleId === 'paragraph-numbering');
      assert.strictEqual(problems.length, 1);
      assert.deepStrictEqual(problems[0]!.fixes[0]!.edits.map((edit) => edit.newText), [written(12), written(13)]);
    });
  }
});

describe('paragraph-numbering: a number on the line after a sentence left open', () => {
  it('offers no renumbering that would make that number start a paragraph of its own', () => {
    const lines = [
      ...SLAC_HEAD,
      ...slacSection('Quality of provision', 'Grade 2 (Good)', 1, 'The quality of provision is good.'),
      '5. A paragraph numbered five where two belongs, whose last sentence runs on and',
      '3. goes on here, with a number that begins the line only because the text is wrapped.',
      '',
      '6. The next paragraph, numbered on from five, with enough words to be prose.',
    ];
    const text = lines.join('\n');
    const report = lint(text, { framework: 'slac-2011' });
    const read = (result: typeof report) => result.report.paragraphs.map((paragraph) => paragraph.range.start.line + 1);
    const problems = report.diagnostics.filter((d) => d.ruleId === 'paragraph-numbering');
    assert.deepStrictEqual(problems.map((problem) => problem.range.start.line + 1), [11]);
    assert.deepStrictEqual(read(report), [9, 11, 14]);
    for (const fix of problems.flatMap((problem) => problem.fixes)) {
      assert.deepStrictEqual(read(lint(applyEdits(text, fix.edits), { framework: 'slac-2011' })), [9, 11, 14], fix.title);
    }
  });
});

/** A SLAC report grading "Overall effectiveness" and "Partnership working" (their headings numbered so), with `record` as its record's rows. */
function recordWithoutPartnership(overallNumber: string, partnershipNumber: string, record: string[]): string {
  return [
    ...SLAC_HEAD,
    ...slacSection(`${overallNumber}Overall effectiveness`, 'Grade 3 (Adequate)', 11, 'The overall effectiveness of safeguarding services is adequate.'),
    ...slacSection(`${partnershipNumber}Partnership working`, 'Grade 2 (Good)', 12, 'Partnership working arrangements are good.'),
    'Record of main findings',
    '',
    `Safeguarding services${T}`,
    ...record,
  ].join('\n');
}

describe('missing-record-entry: a heading the document numbered ("2.2 Partnership working")', () => {
  it('names the judgement and adds its row without the heading\'s number', () => {
    const text = recordWithoutPartnership('2.1 ', '2.2 ', [`Overall effectiveness${T}Adequate`]);
    const problems = lint(text, { framework: 'slac-2011' }).diagnostics;
    assert.deepStrictEqual(problems.map((d) => d.ruleId), ['missing-record-entry']);
    assert.match(problems[0]!.message, /^"Partnership working" in Safeguarding services is graded/);
    assert.strictEqual(problems[0]!.fixes[0]?.title, 'Add "Partnership working" to the record');
    assert.deepStrictEqual(applyEdits(text, problems[0]!.fixes[0]!.edits).split('\n').slice(-2), [`Overall effectiveness${T}Adequate`, `Partnership working${T}Good`]);
  });
});

describe('missing-record-entry: the new row writes its grade as the rows beside it do', () => {
  const fixedRows = (record: string[]) => {
    const text = recordWithoutPartnership('', '', record);
    const problem = lint(text, { framework: 'slac-2011' }).diagnostics.find((d) => d.ruleId === 'missing-record-entry');
    assert.ok(problem?.fixes[0], 'no fix offered');
    return applyEdits(text, problem.fixes[0].edits).split('\n').slice(-record.length - 1);
  };

  it('"Grade 2 (Good)" beside "Grade 3 (Adequate)", though SLAC records write labels', () => {
    assert.deepStrictEqual(fixedRows([`Overall effectiveness${T}Grade 3 (Adequate)`]), [`Overall effectiveness${T}Grade 3 (Adequate)`, `Partnership working${T}Grade 2 (Good)`]);
  });

  it('"Good (Grade 2)" beside "Adequate (Grade 3)"', () => {
    assert.deepStrictEqual(fixedRows([`Overall effectiveness${T}Adequate (Grade 3)`]), [`Overall effectiveness${T}Adequate (Grade 3)`, `Partnership working${T}Good (Grade 2)`]);
  });

  it('the label alone, as the framework writes it, beside a label', () => {
    assert.deepStrictEqual(fixedRows([`Overall effectiveness${T}Adequate`]), [`Overall effectiveness${T}Adequate`, `Partnership working${T}Good`]);
  });

  it('a LAC 2013 record of labels gets a label, though the framework writes "Good (Grade 2)"', () => {
    const text = fs.readFileSync(path.join(fixturesDir, 'frameworks', 'lac-2013', 'clean.txt'), 'utf8');
    const lines = text.split('\n');
    lines.splice(lines.lastIndexOf(`Quality of provision${T}Adequate`), 1);
    const problem = lint(lines.join('\n')).diagnostics.find((d) => d.ruleId === 'missing-record-entry');
    assert.deepStrictEqual(problem?.fixes[0]?.edits.map((edit) => edit.newText), [`\nQuality of provision${T}Adequate`]);
  });
});

describe('missing-record-entry: a title with a pipe in it', () => {
  it('escapes the pipe in the row it adds to a pipe table, so that the row keeps its two cells', () => {
    const lines = [
      ...SLAC_HEAD,
      ...slacSection('Overall effectiveness', 'Grade 3 (Adequate)', 11, 'The overall effectiveness of safeguarding services is adequate.'),
      ...slacSection('Partnership working | locality', 'Grade 2 (Good)', 12, 'Partnership working is good.'),
      'Record of main findings', '', '| Judgement | Grade |', '|---|---|', '| Overall effectiveness | Adequate |',
    ];
    const text = lines.join('\n');
    const problem = lint(text, { framework: 'slac-2011' }).diagnostics.find((d) => d.ruleId === 'missing-record-entry');
    assert.ok(problem?.fixes[0]);
    const fixed = applyEdits(text, problem.fixes[0].edits);
    assert.match(fixed, /\| Partnership working \\\| locality \| Good +\|$/);
    assert.ok(!lint(fixed, { framework: 'slac-2011' }).diagnostics.some((d) => d.ruleId === 'missing-record-entry'));
  });
});

describe('missing-record-entry: a record with a column of notes after its grades', () => {
  const lines = (record: string[]) => [
    ...SLAC_HEAD,
    ...slacSection('Overall effectiveness', 'Grade 3 (Adequate)', 11, 'The overall effectiveness of safeguarding services is adequate.'),
    ...slacSection('Capacity for improvement', 'Grade 2 (Good)', 12, 'The capacity for improvement of safeguarding services is good.'),
    'Record of main findings',
    '',
    ...record,
  ];
  const fixed = (record: string[]) => {
    const text = lines(record).join('\n');
    const problems = lint(text, { framework: 'slac-2011' }).diagnostics;
    // the grades are read from their column, not from the notes
    assert.deepStrictEqual(problems.map((d) => d.ruleId), ['missing-record-entry']);
    const after = applyEdits(text, problems[0]!.fixes[0]!.edits);
    assert.deepStrictEqual(lint(after, { framework: 'slac-2011' }).diagnostics, []);
    return after.split('\n').slice(-2);
  };

  it("adds a row whose notes are empty, not the next row's (tabs)", () => {
    assert.deepStrictEqual(fixed([`Judgement${T}Grade${T}Notes`, `Overall effectiveness${T}Adequate${T}see paragraph 11`]), [
      `Overall effectiveness${T}Adequate${T}see paragraph 11`,
      `Capacity for improvement${T}Good${T}`,
    ]);
  });

  it("adds a row whose notes are empty, not the next row's (a pipe table)", () => {
    const [, added] = fixed(['| Judgement | Grade | Notes |', '|---|---|---|', '| Overall effectiveness | Adequate | see paragraph 11 |']);
    assert.match(added!, /^\| Capacity for improvement \| Good +\| +\|$/);
  });
});

describe('missing-record-entry: a judgement under a group heading', () => {
  it('puts the row of the first judgement of a group straight under the group\'s row in the record (seed 001)', () => {
    const seed = readSeed('slac-2011-rutland');
    const row = `Children and young people are safe and feel safe${T}Good\n`;
    const text = seed.replace(row, '');
    assert.notStrictEqual(text, seed);
    const problem = lint(text).diagnostics.find((d) => d.ruleId === 'missing-record-entry');
    assert.ok(problem?.fixes[0]);
    assert.strictEqual(applyEdits(text, problem.fixes[0].edits), seed);
  });
});

/** The text outside the edited ranges is unchanged. */
function assertOnlyEditedRanges(before: string, after: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): void {
  const marker = '\u0000';
  const masked = applyEdits(before, edits.map((edit) => ({ ...edit, newText: marker })));
  const [head, ...rest] = masked.split(marker);
  let cursor = 0;
  assert.ok(after.startsWith(head ?? ''), 'text before the first edit changed');
  cursor = (head ?? '').length;
  for (const piece of rest) {
    const found = after.indexOf(piece, cursor);
    assert.ok(found >= cursor, 'text between or after edits changed');
    cursor = found + piece.length;
  }
}

describe('record-grade-mismatch: the fix keeps how the record writes grades', () => {
  it('rewrites a bare number as a bare number', () => {
    const lines = [...SLAC_HEAD, ...slacSection('Overall effectiveness', 'Grade 3 (Adequate)', 11, 'The overall effectiveness of safeguarding services is adequate.'), 'Record of main findings', '', `Overall effectiveness${T}2`];
    const text = lines.join('\n');
    const diagnostic = lint(text, { framework: 'slac-2011' }).diagnostics.find((d) => d.ruleId === 'record-grade-mismatch');
    assert.ok(diagnostic?.fixes[0], 'no fix offered');
    assert.strictEqual(applyEdits(text, diagnostic.fixes[0].edits).split('\n').at(-1), `Overall effectiveness${T}3`);
  });
});

describe('grade-wording-mismatch and record-grade-mismatch: a grade out of the scale\'s size keeps it', () => {
  const fixTexts = (lines: string[], framework: string, ruleId: string) =>
    lint(lines.join('\n'), { framework }).diagnostics.filter((d) => d.ruleId === ruleId).flatMap((d) => d.fixes.flatMap((fix) => fix.edits.map((edit) => edit.newText)));

  it('rewrites "Grade 2 out of 4" as "Grade 3 out of 4", and "Grade 2 of 4 (Adequate)" as "Grade 3 of 4 (Good)"', () => {
    assert.ok(fixTexts(apaSection('Being healthy', 'Grade 2 out of 4', APA_SENTENCE('good')), 'apa-2007', 'grade-wording-mismatch').includes('Grade 3 out of 4'));
    assert.ok(fixTexts(apaSection('Being healthy', 'Grade 2 of 4 (Adequate)', APA_SENTENCE('good')), 'apa-2007', 'grade-wording-mismatch').includes('Grade 3 of 4 (Good)'));
  });

  it('rewrites a record cell "Grade 2 out of 4" keeping its "out of 4"', () => {
    const lines = [...SLAC_HEAD, ...slacSection('Overall effectiveness', 'Grade 3 (Adequate)', 11, 'The overall effectiveness of safeguarding services is adequate.'), 'Record of main findings', '', `Overall effectiveness${T}Grade 2 out of 4`];
    assert.deepStrictEqual(fixTexts(lines, 'slac-2011', 'record-grade-mismatch'), ['Grade 3 out of 4']);
  });
});

describe('contents-mismatch: a line that is no entry, between two entries of the contents', () => {
  // (a fuzz find: the list had ended at the mangled line, so that correcting the slip above it made every later
  // heading of the entry's depth "missing from the contents")
  const seed = readSeed('slac-2011-rutland')
    .replace('Overall effectiveness\t5', 'Overall eff#ectiveness\t5')
    .replace('Capacity for improvement\t6', `Capacity for improvement\t6${' good'.repeat(200)}`);

  it('leaves the list going on below it', () => {
    const entries = lint(seed).report.contents?.entries.map((entry) => entry.title.text) ?? [];
    assert.ok(entries.includes('Record of main findings'), entries.join(', '));
  });

  it('so that correcting a slip above it adds no problem', () => {
    const problems = lint(seed).diagnostics.filter((d) => d.ruleId === 'contents-mismatch');
    const slip = problems.find((d) => d.message.startsWith('The contents list "Overall eff#ectiveness"'));
    assert.ok(slip?.fixes[0], problems.map((d) => d.message).join('\n'));
    const after = lint(applyEdits(seed, slip.fixes[0].edits)).diagnostics.filter((d) => d.ruleId === 'contents-mismatch');
    assert.ok(after.length < problems.length, after.map((d) => d.message).join('\n'));
  });
});

describe('contents-mismatch: a title listed once in each part', () => {
  it('reports the heading whose entry was deleted, in its own part, not the same title in the other part', () => {
    const seed = readSeed('slac-2011-rutland');
    const text = seed.replace('Safeguarding services\t5\nOverall effectiveness\t5\n', 'Safeguarding services\t5\n');
    assert.notStrictEqual(text, seed);
    const problems = lint(text).diagnostics.filter((d) => d.ruleId === 'contents-mismatch');
    const lines = text.split('\n');
    const safeguarding = lines.indexOf('Safeguarding services', lines.indexOf('Safeguarding services\t5') + 1);
    const firstOverall = lines.indexOf('Overall effectiveness', safeguarding);
    assert.ok(safeguarding > 0 && firstOverall > safeguarding);
    assert.deepStrictEqual(problems.map((d) => [d.range.start.line, d.message]), [
      [firstOverall, '"Overall effectiveness" is a heading of the report but is missing from the contents.'],
    ]);
  });
});

describe('summary-contradiction: a word that speaks of several judgements', () => {
  it('offers no fix that would make the word wrong for another judgement', () => {
    const lines = [
      ...apaSection("Overall effectiveness of children's services", 'Grade 3', 'The council delivers good services. The council continues to make good contributions to being healthy and to staying safe.'),
      ...apaSection('Being healthy', 'Grade 3', APA_SENTENCE('good')),
      ...apaSection('Staying safe', 'Grade 1', APA_SENTENCE('inadequate')),
    ];
    const [problem, ...others] = lint(lines.join('\n'), { framework: 'apa-2007' }).diagnostics.filter((d) => d.ruleId === 'summary-contradiction');
    assert.deepStrictEqual(others, []);
    assert.deepStrictEqual(problem?.fixes, []);
    assert.match(problem?.message ?? '', /"Staying safe" is graded "Grade 1" \(inadequate\).*reword the sentence/);
  });
});

describe('missing-record-entry: a summary table right under a heading', () => {
  it('adds the row below the table\'s first row, where the heading cannot take it for its grade', () => {
    // found by the quick-fix property test: the table under "Being healthy", whose grade comes further down
    const text = ['Being healthy', `Overall effectiveness${T}Good`, '-----', '16. In order to improve services the council should take the following action.', 'Being healthy**Grade 1 (Outstanding)**', `Overall effectiveness${T}Good${T}`, ''].join('\n');
    const problem = lint(text, { framework: 'apa-2007' }).diagnostics.find((d) => d.ruleId === 'missing-record-entry');
    assert.ok(problem?.fixes[0], 'reported with a fix');
    const fixed = applyEdits(text, problem.fixes[0].edits);
    assert.deepStrictEqual(fixed.split('\n').slice(0, 3), ['Being healthy', `Overall effectiveness${T}Good`, `Being healthy${T}Inadequate`]);
    assert.ok(!lint(fixed, { framework: 'apa-2007' }).diagnostics.some((d) => d.ruleId === 'missing-record-entry' && d.message === problem.message));
  });
});

describe('missing-record-entry: a heading too long to be a row', () => {
  it('is reported, with no fix that would add a row the record cannot read', () => {
    const long = `Overall thoughts ${'and more words run into the heading '.repeat(8)}`.trim();
    const lines = [...SLAC_HEAD, `## ${long}`, '', 'Grade 2 (Good)', '', 'Record of main findings', '', `Safeguarding services${T}`, `Overall effectiveness${T}Good`];
    const problem = lint(lines.join('\n'), { framework: 'slac-2011' }).diagnostics.find((d) => d.ruleId === 'missing-record-entry');
    assert.ok(problem, 'reported');
    assert.ok(long.length > 200);
    assert.deepStrictEqual(problem.fixes, []);
    assert.match(problem.message, /has no row in the record of main findings\.$/);
  });
});

describe('missing-record-entry: two sections of one name', () => {
  it('says which section each problem is about: both are reported on the record', () => {
    const lines = [...SLAC_HEAD, ...slacSection('Quality of provision', 'Grade 2 (Good)', 25, 'The quality of provision is good.'), ...slacSection('Quality of provision', 'Grade 3 (Adequate)', 26, 'The quality of provision is adequate.'), 'Record of main findings', '', `Safeguarding services${T}`, `Overall effectiveness${T}Good`];
    const problems = lint(lines.join('\n'), { framework: 'slac-2011' }).diagnostics.filter((d) => d.ruleId === 'missing-record-entry');
    assert.deepStrictEqual(problems.map((problem) => problem.message.replace(/ is graded.*/, '')), [
      '"Quality of provision" in Safeguarding services (line 5)',
      '"Quality of provision" in Safeguarding services (line 11)',
    ]);
  });
});

describe("grade-out-of-scale: the message gives the framework's scale", () => {
  const messages = (lines: string[], framework: string) =>
    lint(lines.join('\n'), { framework }).diagnostics.filter((d) => d.ruleId === 'grade-out-of-scale').map((d) => d.message);

  it('names the best and worst grades for a number off the scale, in the direction the framework runs', () => {
    assert.deepStrictEqual(messages(apaSection('Being healthy', 'Grade 5', APA_SENTENCE('good')), 'apa-2007'), [
      'Grade 5 is not on the APA 2007 scale: Grade 4 (Outstanding) is best, Grade 1 (Inadequate) is worst.',
    ]);
    assert.deepStrictEqual(messages([...SLAC_HEAD, ...slacSection('Quality of provision', 'Grade 0 (Good)', 25, 'The quality of provision is good.')], 'slac-2011'), [
      'Grade 0 is not on the SLAC 2011 scale: Grade 1 (Outstanding) is best, Grade 4 (Inadequate) is worst.',
    ]);
  });

  it('lists the labels for a label off the scale, and gives the scale for a grade it cannot read', () => {
    assert.deepStrictEqual(messages([...SLAC_HEAD, ...slacSection('Quality of provision', 'Grade 2 (Very good)', 25, 'The quality of provision is good.')], 'slac-2011'), [
      '"Very good" is not a grade of the SLAC 2011 scale (Outstanding, Good, Adequate, Inadequate).',
    ]);
    assert.deepStrictEqual(messages(apaSection('Being healthy', 'Grade 3.5', APA_SENTENCE('good')), 'apa-2007'), [
      'Grade 3.5 is written as a grade but gives no grade of the APA 2007 scale: Grade 4 (Outstanding) is best, Grade 1 (Inadequate) is worst.',
    ]);
  });

  it('gives the size of the scale for a grade out of another size', () => {
    assert.deepStrictEqual(messages([...SLAC_HEAD, ...slacSection('Quality of provision', 'Grade 2 out of 5', 25, 'The quality of provision is good.')], 'slac-2011'), [
      '"Grade 2 out of 5" counts grades out of 5, but the SLAC 2011 scale has 4: Grade 1 (Outstanding) is best, Grade 4 (Inadequate) is worst.',
    ]);
  });

  it('lists the labels for a number, in a framework whose grades are labels only', () => {
    const lines = ["Inspection of children's social care services", '', '## The impact of leaders on social work practice with children and families', '', 'Grade 2', '', 'Leaders are good.'];
    assert.deepStrictEqual(messages(lines, 'ilacs'), [
      'ILACS grades have no numbers (Outstanding, Good, Requires improvement to be good, Inadequate), but this grade is written Grade 2.',
    ]);
  });
});

describe('missing-record-entry: a table left half edited', () => {
  /** Seed 001 with its record as a grid table whose cells wrap, one row's first line deleted and a word typed into a border. */
  const wrecked = () => {
    const { text, table } = reportsWithTables().find((report) => report.name.includes('slac'))!;
    const lines = rewriteTable(text.split('\n'), table, writeTable(table, TABLE_STYLES["pandoc's grid table, titles wrapped in their cells"]!)).split('\n');
    const row = lines.indexOf('| Children and young       | Good        |');
    const border = lines.findIndex((line, index) => index > lines.indexOf('| Overall effectiveness    | Adequate    |') && line.startsWith('+---'));
    assert.ok(row > 0 && border > 0, 'the record is not laid out as expected');
    lines[border] = `${lines[border]!.slice(0, 21)}good${lines[border]!.slice(21)}`;
    lines.splice(row, 1);
    return lines.join('\n');
  };

  it('offers no row that would read as part of another row', () => {
    const text = wrecked();
    const { diagnostics } = lint(text);
    const missing = diagnostics.find((d) => d.ruleId === 'missing-record-entry' && d.message.includes('Children and young people are safe and feel safe'));
    assert.ok(missing, 'the deleted row is not reported');
    // in the grid's next row, a row in the shape of the one above the broken border would join that row's cells
    assert.deepStrictEqual(missing.fixes, []);
  });

  it("reads a multiline table whose closing dashes were moved above its first row without a rule failing, and offers only fixes that work", () => {
    const { text, table } = reportsWithTables().find((report) => report.name.includes('ilacs'))!;
    const lines = rewriteTable(text.split('\n'), table, writeTable(table, TABLE_STYLES["pandoc's multiline table, titles wrapped in their columns"]!)).split('\n');
    const header = lines.findIndex((line) => line.trim() === 'Judgement                      Grade');
    const closing = lines.findIndex((line, index) => index > header + 1 && /^ *-{20,} *$/.test(line));
    assert.ok(header > 0 && closing > header, 'the table is not laid out as expected');
    // the dashes that close the table swapped with its first row's first line, as a cut and paste leaves them
    [lines[header + 2], lines[closing]] = [lines[closing]!, lines[header + 2]!];
    const moved = lines.join('\n');
    const failures: string[] = [];
    const { diagnostics } = lint(moved, { onRuleError: (id, error) => failures.push(`${id}: ${(error as Error).message}`) });
    assert.deepStrictEqual(failures, []);
    for (const problem of diagnostics.filter((d) => d.ruleId === 'missing-record-entry')) {
      for (const fix of problem.fixes) {
        const after = lint(applyEdits(moved, fix.edits)).diagnostics;
        assert.ok(!after.some((d) => d.ruleId === problem.ruleId && d.message === problem.message), `"${fix.title}" left its problem`);
      }
    }
  });

  it('offers only a row the record reads back, in a draft of pieces (a second record heading wrapped over an open comment)', () => {
    const draft = ['<!-- framework: lac-2013 -->', 'Record of main findings', '', '  agencies to keeping children', '| Overall effectiveness | Good     |', '+-----------------------+----------+', 'Record of main findings', '<!--'].join('\n');
    const missing = lint(draft).diagnostics.filter((d) => d.ruleId === 'missing-record-entry');
    assert.strictEqual(missing.length, 1);
    // the row it once offered went where the record, read from the heading's first line, did not read it (a second
    // section of the same judgement); a row offered now is one the record reads back
    for (const fix of missing[0]!.fixes) assert.deepStrictEqual(lint(applyEdits(draft, fix.edits)).diagnostics.map((d) => d.ruleId), []);
  });

  it('still offers rows that read back as added, in tables whose rows it can read', () => {
    const { text, table } = reportsWithTables().find((report) => report.name.includes('slac'))!;
    const lines = rewriteTable(text.split('\n'), table, writeTable(table, TABLE_STYLES["pandoc's grid table, titles wrapped in their cells"]!)).split('\n');
    lines.splice(lines.indexOf('| Children and young       | Good        |'), 1);
    const written = lines.join('\n');
    const missing = lint(written).diagnostics.find((d) => d.ruleId === 'missing-record-entry');
    assert.ok(missing?.fixes[0], 'no fix offered');
    const fixed = applyEdits(written, missing.fixes[0].edits);
    assert.ok(!lint(fixed).diagnostics.some((d) => d.ruleId === 'missing-record-entry' && d.message === missing.message));
  });
});

describe('grade-label-mismatch: the default fix keeps the half the judgement agrees with', () => {
  const section = (grade: string, sentence: string) => [...SLAC_HEAD, ...slacSection('Quality of provision', grade, 25, sentence)];
  const preferred = (lines: string[]) => {
    const text = lines.join('\n');
    const problem = lint(text, { framework: 'slac-2011' }).diagnostics.find((d) => d.ruleId === 'grade-label-mismatch');
    assert.ok(problem, 'the mismatch is not reported');
    const fix = problem.fixes.find((candidate) => candidate.preferred);
    assert.ok(fix && problem.fixes.filter((candidate) => candidate.preferred).length === 1);
    const fixed = applyEdits(text, fix.edits);
    return { title: fix.title, fixed, after: lint(fixed, { framework: 'slac-2011' }).diagnostics.map((d) => `${d.ruleId}: ${d.message}`) };
  };

  it('the number, when the judgement sentence says what the label says (a number changed, the label left)', () => {
    const { title, fixed, after } = preferred(section('Grade 2 (Adequate)', 'The quality of provision is adequate.'));
    assert.strictEqual(title, 'Make the grade Grade 3 (Adequate), as the label and the judgement sentence say');
    assert.match(fixed, /^Grade 3 \(Adequate\)$/m);
    // nothing left to fix: the label's fix would have left the wording disagreeing with "Good"
    assert.deepStrictEqual(after, []);
  });

  it('the number, written as the writer wrote the grade: "2 (Adequate)" becomes "3 (Adequate)"', () => {
    const { title, fixed, after } = preferred(section('2 (Adequate)', 'The quality of provision is adequate.'));
    assert.strictEqual(title, 'Make the grade 3 (Adequate), as the label and the judgement sentence say');
    assert.match(fixed, /^3 \(Adequate\)$/m);
    assert.deepStrictEqual(after, []);
  });

  it('the number in its place, keeping how the writer set it off: "Performs excellently - 3" becomes "Performs excellently - 4"', () => {
    const text = ["Children's services rating", '', 'Performs excellently - 3', '', "Children's services in Testshire perform excellently."].join('\n');
    const problem = lint(text, { framework: 'annual-rating-2009' }).diagnostics.find((d) => d.ruleId === 'grade-label-mismatch');
    assert.ok(problem);
    const fixed = problem.fixes.map((fix) => applyEdits(text, fix.edits).split('\n')[2]);
    assert.deepStrictEqual(fixed, ['Performs excellently - 4', 'Performs well - 3']);
  });

  it('the label, when the judgement sentence says what the number means', () => {
    const { title, after } = preferred(section('Grade 2 (Adequate)', 'The quality of provision is good.'));
    assert.strictEqual(title, 'Make the label Good, as grade 2 means and the judgement sentence says');
    assert.deepStrictEqual(after, []);
  });

  it("the record's copy of the grade, when the section has no judgement sentence", () => {
    const lines = [...SLAC_HEAD, 'Quality of provision', '', 'Grade 2 (Adequate)', '', 'Record of main findings', '', 'Safeguarding services\t', 'Quality of provision\tAdequate'];
    const { title, after } = preferred(lines);
    assert.strictEqual(title, 'Make the grade Grade 3 (Adequate), as the label and the record say');
    assert.deepStrictEqual(after, []);
  });

  it('the label, as before, when nothing else says which was meant', () => {
    const { title } = preferred([...SLAC_HEAD, 'Quality of provision', '', 'Grade 2 (Adequate)', '']);
    assert.strictEqual(title, 'Make the label Good, as grade 2 means');
  });
});

describe('record-grade-mismatch: a grade its own judgement sentence disagrees with is not copied into the record by default', () => {
  const report = (grade: string, sentence: string, recorded: string) =>
    [...SLAC_HEAD, ...slacSection('Quality of provision', grade, 25, sentence), 'Record of main findings', '', 'Safeguarding services\t', `Quality of provision\t${recorded}`].join('\n');
  const mismatch = (text: string) => lint(text, { framework: 'slac-2011' }).diagnostics.find((d) => d.ruleId === 'record-grade-mismatch');

  it('copies the grade when the sentence agrees with it (the record is the copy left behind)', () => {
    const problem = mismatch(report('Grade 2 (Good)', 'The quality of provision is good.', 'Adequate'));
    assert.deepStrictEqual(problem?.fixes.map((fix) => [fix.title, Boolean(fix.preferred)]), [['Change the record row to Good, as in the section', true]]);
  });

  it('offers both copies, and applies neither by default, when the sentence says what the record says', () => {
    const text = report('Grade 2 (Good)', 'The quality of provision is adequate.', 'Adequate');
    const problem = mismatch(text);
    assert.deepStrictEqual(problem?.fixes.map((fix) => [fix.title, Boolean(fix.preferred)]), [
      ['Change the record row to Good, as in the section', false],
      ["Change the section's grade to Grade 3 (Adequate), as the record and the judgement sentence say", false],
    ]);
    // the second puts the report right in one edit
    assert.deepStrictEqual(lint(applyEdits(text, problem!.fixes[1]!.edits), { framework: 'slac-2011' }).diagnostics.map((d) => d.ruleId), []);
  });
});

describe('a judgement\'s title mistyped in the body or in the record', () => {
  const report = (heading: string, row: string) =>
    [...SLAC_HEAD, ...slacSection(heading, 'Grade 2 (Good)', 12, 'Partnership working arrangements are good.'), ...slacSection('Overall effectiveness', 'Grade 3 (Adequate)', 13, 'The overall effectiveness of safeguarding services is adequate.'), 'Record of main findings', '', `Safeguarding services${T}`, `Overall effectiveness${T}Adequate`, `${row}${T}Good`].join('\n');

  it('is one judgement: both problems name the other side, and fix all corrects the mistyped heading instead of adding a second row', () => {
    const text = report('Partnership workng', 'Partnership working');
    const problems = lint(text, { framework: 'slac-2011' }).diagnostics;
    assert.deepStrictEqual(problems.map((d) => d.ruleId).sort(), ['missing-record-entry', 'record-entry-without-section']);
    assert.match(problems.find((d) => d.ruleId === 'missing-record-entry')!.message, /The record lists "Partnership working" \(line 21\), a few letters apart/);
    assert.match(problems.find((d) => d.ruleId === 'record-entry-without-section')!.message, /The report has "Partnership workng" \(line 5\), a few letters apart/);
    const fixed = fixAll(text, (fixing) => lint(fixing, { framework: 'slac-2011' }).diagnostics, problems).text;
    assert.deepStrictEqual(fixed.split('\n').filter((line, index) => line !== text.split('\n')[index]), ['Partnership working']);
    assert.deepStrictEqual(lint(fixed, { framework: 'slac-2011' }).diagnostics, []);
  });

  it('corrects the row when it is the record that is mistyped', () => {
    const text = report('Partnership working', 'Partnershp working');
    const problems = lint(text, { framework: 'slac-2011' }).diagnostics;
    const fixed = fixAll(text, (fixing) => lint(fixing, { framework: 'slac-2011' }).diagnostics, problems).text;
    assert.strictEqual(fixed.split('\n').at(-1), `Partnership working${T}Good`);
    assert.deepStrictEqual(lint(fixed, { framework: 'slac-2011' }).diagnostics, []);
  });

  it('in the contents, names the other side for any title, but writes only the title the framework knows', () => {
    const contents = (entry: string, heading: string) =>
      ['Contents', '', `${entry}${T}1`, `Safeguarding services${T}2`, '', heading, '', '1. The purpose of the inspection is to evaluate the contribution made by services.', '', 'Safeguarding services', '', ...slacSection('Partnership working', 'Grade 2 (Good)', 2, 'Partnership working arrangements are good.')].join('\n');
    const generic = lint(contents('Local context', 'Local contxt'), { framework: 'slac-2011' }).diagnostics.filter((d) => d.ruleId === 'contents-mismatch');
    assert.deepStrictEqual(generic.map((d) => /a few letters apart/.test(d.message)), [true, true]);
    // which of two titles the framework does not know is right, nothing says
    assert.deepStrictEqual(generic.flatMap((d) => d.fixes), []);
  });

  it('does not pair titles neither of which the framework knows, nor titles more than a slip apart', () => {
    // which of "Local partnerships" and "Local partnership" is right, nothing in the report says
    const unknown = lint(report('Local partnerships', 'Local partnership'), { framework: 'slac-2011' }).diagnostics;
    assert.ok(unknown.some((d) => d.ruleId === 'record-entry-without-section'));
    assert.deepStrictEqual(unknown.filter((d) => /a few letters apart/.test(d.message)), []);
    const far = lint(report('Partnrship wrkng', 'Partnership working'), { framework: 'slac-2011' }).diagnostics;
    assert.ok(far.some((d) => d.ruleId === 'missing-record-entry' && d.fixes[0]?.title.startsWith('Add ')), 'three letters apart is not a slip');
  });
});
