/**
 * Runs in a worker thread for test/core/line-shapes.test.ts: lints drafts made of whole lines of the shapes the
 * parser's blocks read, posting each draft before it is linted, so that the test can name the draft that never
 * finished (a parse that stops advancing cannot be interrupted in its own thread).
 */
import './property-seed';
import * as fc from 'fast-check';
import { parentPort, workerData } from 'worker_threads';
import { lint } from '../../server/src/lint/engine';

const SHAPES = [
  '',
  '',
  'The judgements on areas of the service that contribute to overall effectiveness are:',
  'Judgement\tGrade',
  'Judgement Grade',
  '| Judgement | Grade |',
  '| | Judgement | Grade |',
  '|---|---|',
  '1. Children who need help and protection\tRequires improvement',
  '1. Children who need help and protection\tRequires improvement\t',
  '2.1 Adoption performance\tOutstanding\t',
  '3. Leadership, management and governance Requires improvement',
  'Overall effectiveness\tGood',
  'Overall effectiveness\tGood\t',
  'Overall effectiveness   Adequate',
  'Overall effectiveness: Inadequate',
  'Safeguarding services\t',
  'Safeguarding services',
  'Services for looked after children   ',
  '\tInadequate',
  '\t',
  'Requires',
  'improvement to be good',
  '| Overall effectiveness | Good |',
  '| Overall effectiveness | Good |\t',
  '| 2.1 | Adoption performance | |',
  'Record of main findings',
  'Contents',
  'About this inspection\t1',
  'Service information 3',
  'Areas for improvement',
  'Immediately:',
  'Within three months:',
  '- ensure that plans are reviewed',
  '\u2022\tensure that plans are reviewed',
  'Council as part of planned improvements',
  '16. In order to improve services the council should take the following action.',
  '12. The council has a strong focus on placing children in foster care.',
  '12.\tThe council has a strong focus on placing children in foster care.',
  '2008. Current commissioning is being mapped',
  'Being healthy',
  'Being healthy Grade 3',
  'Being healthy**Grade 1 (Outstanding)**',
  'Grade 2 (Good)',
  'Grade 3',
  'Performs well (3)',
  "Children's services in Quillbrook are good.",
  'The experiences and progress of children who need help and protection require',
  'improvement to be good.',
  'The graded judgement for adoption performance is that it is outstanding',
  'The contribution of services to improving outcomes for children and young people in this aspect is good.',
  'Page 3 of 30',
  '- 3 -',
  '\u00a9 Crown copyright 2011',
  '## Being healthy',
  '=====',
  '-----',
  '<!-- inspection-lint-disable grade-out-of-scale -->',
  '<!--',
  '-->',
];

const { frameworks, runs } = workerData as { frameworks: string[]; runs: number };
const port = parentPort!;
try {
  fc.assert(
    fc.property(fc.constantFrom(...frameworks), fc.array(fc.constantFrom(...SHAPES), { minLength: 1, maxLength: 40 }), (framework, lines) => {
      const text = `<!-- framework: ${framework} -->\n${lines.join('\n')}`;
      port.postMessage({ started: text });
      lint(text);
    }),
    { numRuns: runs },
  );
  port.postMessage({ done: true });
} catch (error) {
  port.postMessage({ failed: (error as Error).message });
}
