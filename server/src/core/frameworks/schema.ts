import { z } from 'zod';
import type { SchemaProblem } from './profile';

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens, e.g. "slac-2011"');
const phrase = z.string().trim().min(1, 'must not be empty');
const phrases = z.array(phrase).default([]);

export const gradeStyles = [
  'grade-number',
  'grade-number-label',
  'label-grade-number',
  'label-number',
  'label',
  'heading-colon-label',
  'sentence',
] as const;

export const GradeStyleSchema = z.enum(gradeStyles).describe(
  'How a grade is written: grade-number "Grade 3"; grade-number-label "Grade 3 (Adequate)"; ' +
    'label-grade-number "Adequate (Grade 3)" or "Inadequate Grade 4"; label-number "Performs well (3)"; ' +
    'label "Good" on its own line; heading-colon-label "Heading: good"; ' +
    'sentence "Children\'s services in X require improvement to be good" (a line of its own that states the judgement).',
);

export const LevelSchema = z
  .strictObject({
    key: id.describe('Stable key of the level, e.g. "good".'),
    number: z.number().int().min(0).max(99).optional().describe('The grade number, if the scale has numbers.'),
    label: phrase.describe('The label as the framework prints it, e.g. "Good" or "Performs well".'),
    aliases: phrases.describe('Other spellings accepted as this label.'),
    outdatedLabels: phrases.describe(
      'Older wordings still accepted as this level, with a note offering the current label ' +
        '(e.g. "Requires improvement" for "Requires improvement to be good").',
    ),
    labelSince: z
      .number()
      .int()
      .min(1900)
      .max(2100)
      .optional()
      .describe(
        'The year the framework first printed this label; a report dated earlier may use an outdated label without being told it is outdated ' +
          '(e.g. 2016 for "Requires improvement to be good").',
      ),
    descriptor: phrase.optional().describe('What the level means, e.g. "A service that exceeds minimum requirements".'),
    terms: z
      .array(phrase)
      .min(1, 'needs at least one word or phrase that expresses this level in prose')
      .describe('Words and phrases that express this level in a judgement sentence, e.g. "good".'),
  })
  .describe('One level of the grade scale.');

export const ScaleSchema = z
  .strictObject({
    direction: z
      .enum(['higher-is-better', 'lower-is-better', 'labels-only'])
      .describe('Which way the numbers run; "labels-only" for a scale without numbers.'),
    levels: z.array(LevelSchema).min(2, 'a grade scale needs at least two levels').describe('The levels, best first.'),
  })
  .superRefine((scale, ctx) => {
    const keys = new Set<string>();
    scale.levels.forEach((level, index) => {
      if (keys.has(level.key)) {
        ctx.addIssue({ code: 'custom', path: ['levels', index, 'key'], message: `duplicate level key "${level.key}"` });
      }
      keys.add(level.key);
      if (scale.direction === 'labels-only' && level.number !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['levels', index, 'number'],
          message: 'a "labels-only" scale has no numbers: remove it or set the direction',
        });
      }
      if (scale.direction !== 'labels-only' && level.number === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['levels', index, 'number'],
          message: `required: the scale's direction is "${scale.direction}"`,
        });
      }
    });
    if (scale.direction === 'labels-only') return;
    for (let index = 1; index < scale.levels.length; index++) {
      const better = scale.levels[index - 1]?.number;
      const worse = scale.levels[index]?.number;
      if (better === undefined || worse === undefined) continue;
      const ordered = scale.direction === 'higher-is-better' ? better > worse : better < worse;
      if (!ordered) {
        ctx.addIssue({
          code: 'custom',
          path: ['levels', index, 'number'],
          message:
            `levels are listed best first, so with direction "${scale.direction}" this number must be ` +
            `${scale.direction === 'higher-is-better' ? 'lower' : 'higher'} than ${better}`,
        });
      }
    }
  });

export const PartSchema = z.strictObject({
  id,
  title: phrase.describe('The part heading as printed, e.g. "Safeguarding services".'),
  aliases: phrases,
});

export const GroupSchema = z
  .strictObject({
    id,
    title: phrase,
    aliases: phrases,
    part: id.optional().describe('The part this group belongs to.'),
  })
  .describe('An ungraded heading that groups judgements, e.g. "How good are outcomes for looked after children?".');

export const JudgementSchema = z
  .strictObject({
    id,
    title: phrase.describe('The heading as the framework prints it.'),
    aliases: phrases.describe('Other headings and record-row titles that name this judgement.'),
    mentions: phrases.describe('Phrases that name this judgement in prose (for statements in an overall section).'),
    statements: phrases.describe(
      'Openings of a line of its own that states this judgement with its grade, when grades are written as sentences ' +
        '(e.g. "Children\'s services in" for "Children\'s services in X are good").',
    ),
    parts: z.array(id).optional().describe('Parts in which this judgement is given; omit when the framework has no parts.'),
    group: id.optional().describe('The group heading this judgement sits under.'),
    graded: z.boolean().default(true),
    overall: z
      .boolean()
      .default(false)
      .describe('The overall judgement: its section may state the level of other judgements.'),
    recorded: z
      .boolean()
      .default(true)
      .describe('Whether the record of findings (or summary table) lists this judgement; false for a headline it leaves out.'),
    from: z.number().int().optional().describe('First year in which reports give this judgement.'),
    until: z.number().int().optional().describe('Last year in which reports give this judgement.'),
  })
  .describe('A judgement the framework expects.');

export const HeadingSchema = z.strictObject({
  title: phrase,
  aliases: phrases,
  kind: z.enum(['section', 'actions', 'contents', 'record']),
  within: z
    .enum(['report', 'judgement'])
    .default('report')
    .describe('Whether the heading starts a section of the report, or a subsection of the judgement before it.'),
  summary: z
    .boolean()
    .default(false)
    .describe('The section sums up the judgements (an executive summary): what it says of each is checked against its grade.'),
});

export const NotationSchema = z
  .strictObject({
    styles: z.array(GradeStyleSchema).min(1, 'name at least one way grades are written'),
    preferred: GradeStyleSchema.describe('The style used when the linter writes a grade.'),
    labelCase: z.enum(['as-listed', 'lower']).default('as-listed'),
  })
  .refine((notation) => notation.styles.includes(notation.preferred), {
    path: ['preferred'],
    message: 'must be one of the styles listed in "styles"',
  });

export const FrameworkProfileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id,
    name: phrase,
    shortName: phrase.optional().describe('A short name for messages, e.g. "SLAC 2011" (default: the name).'),
    description: phrase.optional(),
    years: z.strictObject({ from: z.number().int(), to: z.number().int().optional() }),
    scale: ScaleSchema,
    parts: z.array(PartSchema).default([]),
    groups: z.array(GroupSchema).default([]),
    judgements: z.array(JudgementSchema).min(1, 'a framework needs at least one judgement'),
    headings: z.array(HeadingSchema).default([]).describe('Other headings this framework uses.'),
    notation: NotationSchema,
    record: z
      .strictObject({
        expected: z.boolean().describe('Whether reports end (or start) with a table repeating every judgement.'),
        titles: phrases.describe('Headings of that table, e.g. "Record of main findings".'),
        style: GradeStyleSchema.optional().describe('How grades are written in the table (default: label).'),
      })
      .default({ expected: false, titles: [] }),
    detection: z
      .strictObject({
        titles: phrases.describe('Phrases of the report title that identify the framework.'),
        phrases: phrases.describe('Phrases anywhere in the report that point to the framework.'),
      })
      .default({ titles: [], phrases: [] }),
    paragraphs: z.enum(['numbered', 'unnumbered']).default('unnumbered'),
  })
  .superRefine((profile, ctx) => {
    const partIds = new Set(profile.parts.map((part) => part.id));
    const groupIds = new Set(profile.groups.map((group) => group.id));
    const known = (set: Set<string>) => (set.size ? [...set].join(', ') : 'none');
    const seen = new Set<string>();
    profile.judgements.forEach((judgement, index) => {
      const key = `${judgement.id}`;
      if (seen.has(key)) {
        ctx.addIssue({ code: 'custom', path: ['judgements', index, 'id'], message: `duplicate judgement id "${key}"` });
      }
      seen.add(key);
      judgement.parts?.forEach((part, partIndex) => {
        if (!partIds.has(part)) {
          ctx.addIssue({
            code: 'custom',
            path: ['judgements', index, 'parts', partIndex],
            message: `unknown part "${part}" (defined parts: ${known(partIds)})`,
          });
        }
      });
      if (judgement.group !== undefined && !groupIds.has(judgement.group)) {
        ctx.addIssue({
          code: 'custom',
          path: ['judgements', index, 'group'],
          message: `unknown group "${judgement.group}" (defined groups: ${known(groupIds)})`,
        });
      }
    });
    profile.groups.forEach((group, index) => {
      if (group.part !== undefined && !partIds.has(group.part)) {
        ctx.addIssue({
          code: 'custom',
          path: ['groups', index, 'part'],
          message: `unknown part "${group.part}" (defined parts: ${known(partIds)})`,
        });
      }
    });
  })
  .describe('An inspection framework: its grade scale, judgements and how its reports are written.');

export type FrameworkProfile = z.output<typeof FrameworkProfileSchema>;
export type FrameworkProfileInput = z.input<typeof FrameworkProfileSchema>;

export type FrameworkValidation =
  | { ok: true; profile: FrameworkProfile }
  | { ok: false; problems: SchemaProblem[] };

export function validateFramework(input: unknown): FrameworkValidation {
  const result = FrameworkProfileSchema.safeParse(input);
  if (result.success) return { ok: true, profile: result.data };
  return { ok: false, problems: result.error.issues.map(toProblem) };
}

export function toProblem(issue: z.core.$ZodIssue): SchemaProblem {
  const path = issue.path.map((key) => (typeof key === 'number' ? key : String(key)));
  if (issue.code === 'unrecognized_keys') {
    return { path, message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}` };
  }
  return { path, message: issue.message };
}

export * from './profile';
