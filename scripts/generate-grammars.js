#!/usr/bin/env node
// Writes the TextMate grammars in syntaxes/ (the report language and its Markdown injection).
// The grammars repeat the same label and heading alternations in many regexes, so they are generated
// from the lists below rather than edited by hand; test/grammar checks that the files match this output.
// Usage: node scripts/generate-grammars.js
'use strict';
const fs = require('fs');
const path = require('path');

const SUFFIX = 'inspection-report';
const APOS = "['\u2019]";

/**
 * The levels, best first. `theme` is the standard scope that default themes already colour, so that the
 * levels differ at a glance without a custom theme: markup.inserted (green in Dark+, Light+, Monokai,
 * Solarized), support.type (teal), markup.changed (blue in Dark+/Light+, yellow in Monokai), markup.deleted
 * (red). `string` is avoided for "good": Light+ colours it the same red as markup.deleted.
 */
const LEVELS = [
  {
    key: 'outstanding',
    theme: 'markup.inserted',
    labels: ['Performs excellently', 'Outstanding'],
    terms: ['outstanding', 'excellent'],
    performs: 'excellently',
  },
  { key: 'good', theme: 'support.type', labels: ['Performs well', 'Good'], terms: ['good'], performs: 'well' },
  {
    key: 'adequate',
    theme: 'markup.changed',
    labels: ['Requires improvement to be good', 'Requires improvement', 'Performs adequately', 'Adequate', 'Satisfactory'],
    terms: ['adequate', 'satisfactory'],
    performs: 'adequately',
  },
  {
    key: 'inadequate',
    theme: 'markup.deleted',
    labels: ['Performs poorly', 'Inadequate'],
    terms: ['inadequate', 'poor'],
    performs: 'poorly',
  },
];

/** Headings of the frameworks (judgements, parts, groups, fixed sections), as regex sources. */
const HEADINGS = [
  `Overall effectiveness(?: of (?:children${APOS}s services|services for children and young people))?`,
  'The overall judgement',
  'Capacity for improvement',
  `Capacity to improve(?:,? including the management of (?:children${APOS}s services|services for children and young people|services))?`,
  'Being healthy',
  'Staying safe',
  'Enjoying and achieving',
  'Making a positive contribution(?:,? including user engagement)?',
  '(?:Achieving )?economic well-?being',
  'Health',
  'Education and achievement',
  'Care leavers',
  'Quality of provision',
  'Leadership and management',
  'Leadership, management and governance',
  'Ambition and prioritisation',
  'Performance management and quality assurance',
  'Partnership working',
  'Equality and diversity',
  'Children and young people are safe and feel safe',
  'The contribution of health agencies to keeping children and young people safe',
  'Safeguarding services',
  'Services for looked after children(?: and young people)?',
  'Looked after children services',
  'Safeguarding outcomes for children and young people',
  '(?:How good are )?outcomes for looked after children and (?:care leavers|young people)\\??',
  'Adoption performance',
  '(?:The )?experiences and progress of (?:children who need help and protection|children in care(?: and care leavers)?|children looked after and achieving permanence|care leavers)',
  'Children who need help and protection',
  'Children looked after and achieving permanence',
  'The impact of leaders on social work practice with children and families',
  'The Local Safeguarding Children Board(?: \\(LSCB\\))?',
  'Record of main findings',
  'Contents',
  'Areas? for (?:development|improvement)',
  'Summary of strengths and areas for development',
  'Summary(?: of findings| for children and young people)?',
  'Executive summary',
  'Recommendations',
  'Inspection findings',
  'Inspection judgements about the local authority',
  'About this inspection',
  'The inspection judgements and what they mean',
  'Service information',
  'Information about this (?:inspection|local authority area)',
  'The local authority',
  `The local authority${APOS}s strengths`,
  'What needs to improve(?: in this local authority)?\\??',
  'What does the local authority need to improve\\?',
  `Children${APOS}s services (?:annual )?rating(?: (?:19|20)\\d\\d)?`,
];

const TIMESCALES = [
  'Immediately',
  'Within (?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four) (?:days?|weeks?|months?|years?)',
  'For immediate action',
  'For action (?:in|over) the (?:next (?:\\S+ )?(?:days?|weeks?|months?|years?)|(?:longer|medium|short) term)',
  '(?:In|Over) the (?:longer|medium|short) term',
];

const BE_VERBS = 'is|are|was|were|remains?|remained|becomes?|became|been';
const QUALIFIERS = [
  'now', 'still', 'currently', 'overall', 'also', 'again', 'therefore', 'thus', 'all', 'both',
  'consistently', 'generally', 'broadly', 'mostly', 'largely', 'mainly', 'clearly', 'securely', 'increasingly',
  'very', 'highly', 'reliably', 'predominantly', 'typically', 'uniformly', 'overwhelmingly',
  '(?:judged|rated|graded|considered|deemed|found|seen|regarded)(?: to be| as)?',
].join('|');
/** After a predicative term: the clause goes on or ends. A noun ("is good practice") means the word is attributive. */
const CLAUSE_GOES_ON =
  'and|but|with|in|for|at|overall|because|although|though|while|whilst|whereas|when|where|since|so|throughout|' +
  'across|on|by|from|given|under|now|too|also|however|compared|despite|including|particularly|especially|' +
  'against|within|among|amongst|between|through|during|after|before|following|if|which|who|this|that|there|it|they';
const ALL_TERMS = LEVELS.flatMap((level) => level.terms).join('|');

const ws = (source) => source.replace(/ /g, '[ \\t]+');
/**
 * White space that gives nothing back ("possessive"). Where two runs of optional white space meet ("[ \t]*(:)?[ \t]*$"),
 * a plain run would let Oniguruma try every way of sharing a long run of spaces or tabs between them before failing
 * (cubic in the run: 4 000 tabs after a title took 33 s); a possessive run takes all of it at once. Used only where
 * what follows cannot begin with white space.
 */
const WS = '[ \\t]*+';
/** Spaces, then the tabs that separate two cells (a run of white space holding at least one tab). */
const TAB_GAP = '[ ]*+(\\t++)' + WS;
const alt = (items) => items.map(ws).join('|');
const gradeScope = (level) => `${level.theme}.grade.${level.key}.${SUFFIX} markup.grade.level.${level.key}.${SUFFIX}`;
const evaluationScope = (level) => `keyword.other.evaluation.${level.key}.${SUFFIX} ${level.theme}.evaluation.${level.key}.${SUFFIX}`;

/** Any label, one group per level (four groups). */
const LABEL_GROUPS = `(?:${LEVELS.map((level) => `(${alt(level.labels)})`).join('|')})`;
/** Any label, no group. */
const LABEL = `(?:${alt(LEVELS.flatMap((level) => level.labels))})`;
const GRADE_NUMBER = '\\d{1,2}';
/** "Grade 2 out of 4", "Grade 2 of 4": the size of the scale after the number (possessive: nothing to give back). */
const OUT_OF = `(?:[ \\t]++(?:out[ \\t]++of|of)[ \\t]*+\\d{1,2})?`;
const OPEN_BOLD = '(?:<(?:b|strong)>|\\*\\*|__)';
const CLOSE_BOLD = '(?:</(?:b|strong)>|\\*\\*|__)';
/** A grade notation, for lookaheads: "Grade 2 (Good)", "Grade 2 Good", "Outstanding (Grade 1)", "Performs well (3)", "Grade 3", "Good". */
const NOTATION_OR_LABEL = `(?:Grade${WS}${GRADE_NUMBER}${OUT_OF}(?:${WS}\\(${WS}${LABEL}${WS}\\)|(?:${WS}[:\\-\u2013\u2014]${WS}|[ \\t]++)${LABEL})?|${LABEL}(?:${WS}[(\\[]${WS}(?:Grade${WS})?${GRADE_NUMBER}${WS}[)\\]]|${WS}[:\\-\u2013\u2014]?${WS}Grade${WS}${GRADE_NUMBER}|(?:${WS}[:\\-\u2013\u2014]${WS}|[ \\t]++)${GRADE_NUMBER})?|${GRADE_NUMBER}${WS}(?:\\(${WS}${LABEL}${WS}\\)|[:\\-\u2013\u2014]${WS}${LABEL}))`;
/** A cell that holds only a grade: the value of a record row. */
const VALUE_CELL = `${OPEN_BOLD}?${WS}${NOTATION_OR_LABEL}${WS}${CLOSE_BOLD}?`;
/** What can follow a judgement title on its own line: a grade, plain, in bold or in brackets, or ": label" (ILACS). */
const GRADE_AFTER_TITLE = `(?=${WS}(?:[:,\\-\u2013\u2014]${WS})?[(\\[]?${OPEN_BOLD}?${WS}(?:Grade${WS}${GRADE_NUMBER}|${LABEL}${WS}(?:\\(${WS}(?:Grade${WS})?${GRADE_NUMBER}|[:\\-\u2013\u2014]?${WS}Grade${WS}${GRADE_NUMBER}))|${WS}:${WS}${LABEL}${WS}\\.?${WS}$)`;
/**
 * A cell naming a row: the text up to the next tab or pipe without its trailing spaces, holding a character that is
 * not a space, a digit or a dot. Read without backtracking: each space is taken only with the text after it.
 */
const TITLE_CELL = '(?=[^\\t|]*?[^\\t|\\s\\d.])(?:[^\\t| ]|[ ]++(?=[^\\t| ]))*+';

/** Captures for LABEL_GROUPS starting at group `first`. */
function labelCaptures(first) {
  const out = {};
  LEVELS.forEach((level, index) => {
    out[String(first + index)] = { name: gradeScope(level) };
  });
  return out;
}

const keyword = { name: `keyword.other.grade.${SUFFIX}` };
const number = { name: `constant.numeric.grade.${SUFFIX}` };
const paren = (side) => ({ name: `punctuation.definition.grade.${side}.${SUFFIX}` });
const separator = { name: `punctuation.separator.grade.${SUFFIX}` };
/** A record row's cells: its title, the separators between cells, and its grade. */
const recordTitle = { name: `entity.name.section.record.${SUFFIX}`, patterns: [{ include: '#html-bold' }, { include: '#bold' }] };
const cellSeparator = { name: `punctuation.separator.cell.${SUFFIX}` };
const gradeValue = { patterns: [{ include: '#grade-value' }] };
/** "| Title | Good |": a Markdown row's bars, title and grade. */
const pipeRowCaptures = { 1: cellSeparator, 2: recordTitle, 3: cellSeparator, 4: gradeValue, 5: cellSeparator };

/** "Grade awarded: 3", "Grade - 3": a template's words or a mark between the keyword and the number, part of the keyword. */
const AWARDED = '(?:[ \\t]+(?:awarded|given))?[ \\t]*+[:\\-\u2013]?';

const repository = {
  'grade-notation': {
    patterns: [
      {
        comment: 'Grade 2 (Good), Grade awarded: 2 (Good)',
        name: `meta.grade.notation.${SUFFIX}`,
        match: `(?i)\\b(Grade${AWARDED})[ \\t]*(${GRADE_NUMBER})${OUT_OF}[ \\t]*(\\()[ \\t]*${LABEL_GROUPS}[ \\t]*(\\))`,
        captures: { 1: keyword, 2: number, 3: paren('begin'), ...labelCaptures(4), 8: paren('end') },
      },
      {
        comment: 'Grade 2: good, Grade 2 - Good',
        name: `meta.grade.notation.${SUFFIX}`,
        match: `(?i)\\b(Grade${AWARDED})[ \\t]*(${GRADE_NUMBER})${OUT_OF}[ \\t]*([:\\-\u2013\u2014])[ \\t]*${LABEL_GROUPS}\\b`,
        captures: { 1: keyword, 2: number, 3: separator, ...labelCaptures(4) },
      },
      {
        comment: 'Grade 3 Adequate: a label straight after the number, ending the line or its cell',
        name: `meta.grade.notation.${SUFFIX}`,
        match: `(?i)\\b(Grade${AWARDED})[ \\t]*(${GRADE_NUMBER})${OUT_OF}[ \\t]++${LABEL_GROUPS}(?=${WS}\\.?${WS}(?:${CLOSE_BOLD}${WS})?(?:$|[\\t|]))`,
        captures: { 1: keyword, 2: number, ...labelCaptures(3) },
      },
      {
        comment: 'Outstanding (Grade 1), Performs well (3), Performs well [3]',
        name: `meta.grade.notation.${SUFFIX}`,
        match: `(?i)\\b${LABEL_GROUPS}[ \\t]*([(\\[])[ \\t]*(?:(Grade)[ \\t]*)?(${GRADE_NUMBER})[ \\t]*([)\\]])`,
        captures: { ...labelCaptures(1), 5: paren('begin'), 6: keyword, 7: number, 8: paren('end') },
      },
      {
        comment: 'Performs well - 3, Performs well 3: a number after the label, ending the line or its cell',
        name: `meta.grade.notation.${SUFFIX}`,
        match: `(?i)\\b${LABEL_GROUPS}(?:[ \\t]*([:\\-\u2013\u2014])[ \\t]*|[ \\t]++)(${GRADE_NUMBER})(?=${WS}\\.?${WS}(?:${CLOSE_BOLD}${WS})?(?:$|[\\t|]))`,
        captures: { ...labelCaptures(1), 5: separator, 6: number },
      },
      {
        comment: '3 (Adequate), 3 - Performs well: a number before the label, ending the line or its cell',
        name: `meta.grade.notation.${SUFFIX}`,
        match: `(?i)(?<![\\w.,])(${GRADE_NUMBER})[ \\t]*(?:(\\()[ \\t]*${LABEL_GROUPS}[ \\t]*(\\))|([:\\-\u2013\u2014])[ \\t]*${LABEL_GROUPS})(?=${WS}\\.?${WS}(?:${CLOSE_BOLD}${WS})?(?:$|[\\t|]))`,
        captures: { 1: number, 2: paren('begin'), ...labelCaptures(3), 7: paren('end'), 8: separator, ...labelCaptures(9) },
      },
      {
        comment: 'Inadequate Grade 4, Good - Grade 2',
        name: `meta.grade.notation.${SUFFIX}`,
        match: `(?i)\\b${LABEL_GROUPS}[ \\t]*(?:([:\\-\u2013\u2014])[ \\t]*)?(Grade)[ \\t]*(${GRADE_NUMBER})\\b`,
        captures: { ...labelCaptures(1), 5: separator, 6: keyword, 7: number },
      },
      {
        comment: 'a heading or table cell ending ": good" (ILACS)',
        name: `meta.grade.notation.${SUFFIX}`,
        match: `(?i)(?<=\\S)${WS}(:)${WS}${LABEL_GROUPS}(?=${WS}\\.?${WS}(?:${CLOSE_BOLD}${WS})?$)`,
        captures: { 1: separator, ...labelCaptures(2) },
      },
      {
        comment: 'Grade 3, Grade 3 out of 4: the number alone means different levels in different frameworks',
        name: `meta.grade.notation.${SUFFIX}`,
        match: `(?i)\\b(Grade)[ \\t]*(${GRADE_NUMBER})${OUT_OF}\\b`,
        captures: { 1: keyword, 2: number },
      },
    ],
  },
  'grade-line': {
    comment: 'a grade the parser reads only as a line (or cell) of its own, where it cannot be a number or a word in a sentence',
    patterns: [
      {
        comment: '3 (Adequate): a number before a label of the scale',
        name: `meta.grade.notation.${SUFFIX}`,
        match: `(?i)^${WS}(${GRADE_NUMBER})${WS}(\\()${WS}${LABEL_GROUPS}${WS}(\\))${WS}\\.?${WS}$`,
        captures: { 1: number, 2: paren('begin'), ...labelCaptures(3), 7: paren('end') },
      },
      {
        comment: 'Judgement: Adequate, Overall rating: 3: a label or a number after a template\'s word',
        name: `meta.grade.notation.${SUFFIX}`,
        match: `(?i)^${WS}((?:(?:overall|inspection)[ \\t]++)?(?:judgement|rating)${WS}:)${WS}(?:(${GRADE_NUMBER})|${LABEL_GROUPS})${WS}\\.?${WS}$`,
        captures: { 1: keyword, 2: number, ...labelCaptures(3) },
      },
    ],
  },
  'grade-label': {
    comment: 'a label on its own, where only a grade can stand (a record row, a scale table)',
    match: `(?i)\\b${LABEL_GROUPS}\\b`,
    captures: labelCaptures(1),
  },
  'grade-value': {
    patterns: [{ include: '#html-bold' }, { include: '#bold' }, { include: '#grade-notation' }, { include: '#grade-label' }],
  },
  evaluation: {
    patterns: [
      {
        comment: '"require improvement to be good" states one level: the word good in it is not "good"',
        name: evaluationScope(LEVELS[2]),
        match: '(?i)\\b(?:requires?|required|requiring|needs?)[ \\t]+improvement[ \\t]+to[ \\t]+be[ \\t]+good\\b',
      },
      ...LEVELS.map((level) => ({
        comment: `"performs ${level.performs}" (not a quoted label)`,
        name: evaluationScope(level),
        match: `(?i)(?<![\u2018'"\u201c])\\bperform(?:s|ed|ing)?[ \\t]+(?:(?:very|consistently|generally|now|still|particularly|exceptionally|extremely)[ \\t]+)?${level.performs}\\b(?![\u2019'"\u201d])`,
      })),
      ...LEVELS.map((level) => ({
        comment: `"is ${level.terms[0]}": a verb, then the term as what the clause says, not "good or better", "as good as", "good practice"`,
        name: evaluationScope(level),
        match:
          `(?i)\\b(?:${BE_VERBS})[ \\t]+(?:(?:${ws(QUALIFIERS)})[ \\t]+){0,3}(?:${level.terms.join('|')})\\b` +
          `(?!,?[ \\t]+(?:(?:or|and|and/or|to)[ \\t]+(?:better|worse|above|below|higher|lower|more|less|${ALL_TERMS})|as)\\b)` +
          `(?=[ \\t]*(?:$|[.,;:!?)\\]"\u201d\u2019'\u2013\u2014*<-]|(?:${CLAUSE_GOES_ON})\\b))`,
      })),
    ],
  },
  'record-row': {
    patterns: [
      {
        comment: 'Title<TAB>Good: a row of the record of main findings, or of a summary table',
        name: `meta.record-row.${SUFFIX}`,
        match: `(?i)^${WS}(${TITLE_CELL})${TAB_GAP}(${VALUE_CELL})${WS}$`,
        captures: {
          1: recordTitle,
          2: cellSeparator,
          3: gradeValue,
        },
      },
      {
        comment: '| Title | Good |: the same row in a Markdown table',
        name: `meta.record-row.${SUFFIX}`,
        match: `(?i)^${WS}(\\|)?${WS}(${TITLE_CELL})${WS}(\\|)${WS}(${VALUE_CELL})${WS}(\\|)?${WS}$`,
        captures: pipeRowCaptures,
      },
      {
        comment: 'Title<TAB>Good<TAB>see above: a row with a column of notes after its grade',
        name: `meta.record-row.${SUFFIX}`,
        // (the value cell's trailing white space takes the tab before the notes, and keeps it: the look-behind checks it)
        match: `(?i)^${WS}(${TITLE_CELL})${TAB_GAP}(${VALUE_CELL})(?<=\\t)([^\\t]+?)${WS}$`,
        captures: {
          1: recordTitle,
          2: cellSeparator,
          3: gradeValue,
          4: { name: `comment.line.notes.${SUFFIX}` },
        },
      },
      {
        comment: '| Title | Good | see above |: the same row in a Markdown table',
        name: `meta.record-row.${SUFFIX}`,
        match: `(?i)^${WS}(\\|)?${WS}(${TITLE_CELL})${WS}(\\|)${WS}(${VALUE_CELL})${WS}(\\|)${WS}([^|]*?)${WS}(\\|)?${WS}$`,
        captures: { ...pipeRowCaptures, 6: { name: `comment.line.notes.${SUFFIX}` }, 7: cellSeparator },
      },
      {
        comment: '<TAB>Good: the value of a row whose title a PDF wrapped onto the line above',
        name: `meta.record-row.${SUFFIX}`,
        match: `(?i)^[ ]*+(\\t)${WS}(${VALUE_CELL})${WS}$`,
        captures: {
          1: cellSeparator,
          2: gradeValue,
        },
      },
      {
        comment: 'Title<TAB> and nothing: a group row of the record',
        name: `meta.record-row.${SUFFIX}`,
        match: `^${WS}(${TITLE_CELL})[ ]*+(\\t)${WS}$`,
        captures: {
          1: { name: `entity.name.section.record-group.${SUFFIX}` },
          2: cellSeparator,
        },
      },
      {
        comment: '4<TAB>Performs excellently<TAB>…: a row of the scale table',
        name: `meta.scale-row.${SUFFIX}`,
        match: `(?i)^${WS}(${GRADE_NUMBER})${TAB_GAP}${LABEL_GROUPS}(?=[ \\t]*(?:\\t|$))`,
        captures: { 1: number, 2: cellSeparator, ...labelCaptures(3) },
      },
    ],
  },
  'contents-entry': {
    comment: 'Title<TAB>5: an entry of the contents',
    name: `meta.contents-entry.${SUFFIX}`,
    match: `^${WS}(${TITLE_CELL})${TAB_GAP}(\\d{1,4})${WS}$`,
    captures: {
      1: { name: `entity.name.section.contents.${SUFFIX}` },
      2: { name: `punctuation.separator.cell.${SUFFIX}` },
      3: { name: `constant.numeric.page.${SUFFIX}` },
    },
  },
  timescale: {
    comment: 'Immediately:, Within three months:, For action over the longer term',
    name: `markup.bold.timescale.${SUFFIX}`,
    match: `(?i)^${WS}(?:(\\*\\*|__)${WS})?(${alt(TIMESCALES)})${WS}(:)?${WS}(\\*\\*|__)?${WS}(:)?${WS}$`,
    captures: {
      1: { name: `punctuation.definition.bold.${SUFFIX}` },
      2: { name: `keyword.control.timescale.${SUFFIX}` },
      3: { name: `punctuation.separator.timescale.${SUFFIX}` },
      4: { name: `punctuation.definition.bold.${SUFFIX}` },
      5: { name: `punctuation.separator.timescale.${SUFFIX}` },
    },
  },
  directive: {
    patterns: [
      {
        comment: '<!-- framework: slac-2011 -->',
        name: `comment.block.directive.${SUFFIX}`,
        match: '(?i)(<!--)[ \\t]*((?:inspection-)?framework)[ \\t]*(:)[ \\t]*([^\\s>]*)[ \\t]*(-->)',
        captures: {
          1: { name: `punctuation.definition.comment.begin.${SUFFIX}` },
          2: { name: `keyword.other.directive.${SUFFIX}` },
          3: { name: `punctuation.separator.key-value.${SUFFIX}` },
          4: { name: `entity.name.tag.framework.${SUFFIX}` },
          5: { name: `punctuation.definition.comment.end.${SUFFIX}` },
        },
      },
      {
        comment: '<!-- inspection-lint-disable-next-line rule-a, rule-b -->',
        name: `comment.block.directive.${SUFFIX}`,
        match: '(?i)(<!--)[ \\t]*(inspection-lint-(?:disable-next-line|disable-line|disable-file|disable|enable))\\b([^>]*?)(-->)',
        captures: {
          1: { name: `punctuation.definition.comment.begin.${SUFFIX}` },
          2: { name: `keyword.other.directive.${SUFFIX}` },
          3: {
            patterns: [
              { match: '[A-Za-z][\\w-]*', name: `entity.name.tag.rule.${SUFFIX}` },
              { match: ',', name: `punctuation.separator.comma.${SUFFIX}` },
            ],
          },
          4: { name: `punctuation.definition.comment.end.${SUFFIX}` },
        },
      },
    ],
  },
  'html-comment': {
    name: `comment.block.${SUFFIX}`,
    begin: '<!--',
    beginCaptures: { 0: { name: `punctuation.definition.comment.begin.${SUFFIX}` } },
    end: '-->',
    endCaptures: { 0: { name: `punctuation.definition.comment.end.${SUFFIX}` } },
  },
  'fenced-code': {
    name: `markup.fenced_code.block.${SUFFIX}`,
    begin: '^[ \\t]{0,3}(`{3,}|~{3,})[ \\t]*([^`\\s]*).*$',
    beginCaptures: {
      1: { name: `punctuation.definition.raw.begin.${SUFFIX}` },
      2: { name: `fenced_code.block.language.${SUFFIX}` },
    },
    end: '^[ \\t]{0,3}(\\1[`~]*)[ \\t]*$',
    endCaptures: { 1: { name: `punctuation.definition.raw.end.${SUFFIX}` } },
  },
  'markdown-heading': {
    comment: '# Heading, and "## Title: good"',
    name: `markup.heading.${SUFFIX}`,
    // the title's white space is taken run by run, each run only if closing hashes and the line's end do not follow it
    match: '^[ \\t]{0,3}(#{1,6})[ \\t]+((?:[^ \\t]|[ \\t]++(?!#*+[ \\t]*+$))*+)(?:[ \\t]+#+)?[ \\t]*$',
    captures: {
      1: { name: `punctuation.definition.heading.${SUFFIX}` },
      2: { name: `entity.name.section.${SUFFIX}`, patterns: [{ include: '#inline' }] },
    },
  },
  heading: {
    patterns: [
      {
        comment: 'a known heading alone on its line (a trailing colon is allowed: "Record of main findings:")',
        name: `markup.heading.${SUFFIX}`,
        match: `(?i)^${WS}(${OPEN_BOLD})?${WS}(${alt(HEADINGS)})${WS}(:)?${WS}(${CLOSE_BOLD})?${WS}$`,
        captures: {
          1: { name: `punctuation.definition.bold.${SUFFIX}` },
          2: { name: `entity.name.section.${SUFFIX}` },
          3: { name: `punctuation.separator.heading.${SUFFIX}` },
          4: { name: `punctuation.definition.bold.${SUFFIX}` },
        },
      },
      {
        comment: 'a known heading fused with its grade: "Being healthy Grade 3", "Being healthy**Grade 1 (Outstanding)**"',
        name: `markup.heading.${SUFFIX}`,
        begin: `(?i)^${WS}(${alt(HEADINGS)})${GRADE_AFTER_TITLE}`,
        beginCaptures: { 1: { name: `entity.name.section.${SUFFIX}` } },
        end: '$',
        patterns: [{ include: '#html-bold' }, { include: '#bold' }, { include: '#grade-notation' }],
      },
      {
        comment: 'any other title that ends ": good" (ILACS): "The experiences and progress of children in care: good"',
        name: `markup.heading.${SUFFIX}`,
        begin: `(?i)^[ \\t]*(?![-\u2022*][ \\t])((?-i:[A-Z])(?:(?!\\.[ \\t])[^\\t:|]){2,200}?)(?=${WS}:${WS}${LABEL}${WS}\\.?${WS}$)`,
        beginCaptures: { 1: { name: `entity.name.section.${SUFFIX}` } },
        end: '$',
        patterns: [{ include: '#grade-notation' }],
      },
      {
        comment: 'any other title that ends "(good)" (ILACS): "Children in care (good)"',
        name: `markup.heading.${SUFFIX}`,
        // (not "Grade 3 (Adequate)"; and without a full stop after it: a sentence may end "… were (good).")
        match: `(?i)^[ \\t]*(?![-\u2022*][ \\t])(?!grade\\b)((?-i:[A-Z])(?:(?!\\.[ \\t])[^\\t:|()]){2,200}?(?<=[a-z]))${WS}(\\()${WS}${LABEL_GROUPS}${WS}(\\))${WS}$`,
        captures: {
          1: { name: `entity.name.section.${SUFFIX}` },
          2: paren('begin'),
          ...labelCaptures(3),
          [String(3 + LEVELS.length)]: paren('end'),
        },
      },
    ],
  },
  'numbered-paragraph': {
    comment: '11. at the start of a paragraph',
    name: `markup.list.numbered.${SUFFIX}`,
    match: '^[ \\t]*(\\d{1,3})(\\.)(?=[ \\t])',
    captures: {
      1: { name: `constant.numeric.paragraph.${SUFFIX}` },
      2: { name: `punctuation.definition.list.numbered.${SUFFIX}` },
    },
  },
  'list-item': {
    name: `markup.list.unnumbered.${SUFFIX}`,
    begin: '^[ \\t]*([-\u2022*\u2013])(?=[ \\t])',
    beginCaptures: { 1: { name: `punctuation.definition.list.begin.${SUFFIX}` } },
    end: '$',
    patterns: [{ include: '#inline' }],
  },
  bold: {
    name: `markup.bold.${SUFFIX}`,
    begin: '(\\*\\*|__)(?=\\S)',
    beginCaptures: { 1: { name: `punctuation.definition.bold.${SUFFIX}` } },
    end: '(\\1)|$',
    endCaptures: { 1: { name: `punctuation.definition.bold.${SUFFIX}` } },
    patterns: [{ include: '#grade-notation' }, { include: '#evaluation' }],
  },
  'html-bold': {
    name: `markup.bold.${SUFFIX}`,
    begin: '(?i)(<)(b|strong)(>)',
    beginCaptures: {
      1: { name: `punctuation.definition.tag.begin.${SUFFIX}` },
      2: { name: `entity.name.tag.${SUFFIX}` },
      3: { name: `punctuation.definition.tag.end.${SUFFIX}` },
    },
    end: '(?i)(</)(\\2)(>)|$',
    endCaptures: {
      1: { name: `punctuation.definition.tag.begin.${SUFFIX}` },
      2: { name: `entity.name.tag.${SUFFIX}` },
      3: { name: `punctuation.definition.tag.end.${SUFFIX}` },
    },
    patterns: [{ include: '#grade-notation' }, { include: '#evaluation' }],
  },
  'inline-code': {
    name: `markup.inline.raw.string.${SUFFIX}`,
    match: '(`+)[^`]+?\\1',
  },
  inline: {
    patterns: [
      { include: '#inline-code' },
      { include: '#bold' },
      { include: '#html-bold' },
      { include: '#grade-notation' },
      { include: '#evaluation' },
    ],
  },
};

function reportGrammar() {
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    information_for_contributors: ['Generated by scripts/generate-grammars.js: edit that file, then run it.'],
    name: 'Inspection report',
    scopeName: 'text.inspection-report',
    fileTypes: ['report.txt', 'report.md'],
    patterns: [
      { include: '#fenced-code' },
      { include: '#directive' },
      { include: '#html-comment' },
      { include: '#markdown-heading' },
      { include: '#record-row' },
      { include: '#contents-entry' },
      { include: '#timescale' },
      { include: '#grade-line' },
      { include: '#heading' },
      { include: '#numbered-paragraph' },
      { include: '#list-item' },
      { include: '#inline' },
    ],
    repository,
  };
}

/** The rules the injection needs: no headings, lists or comments (Markdown has its own). */
function injectionGrammar() {
  const names = ['directive', 'record-row', 'timescale', 'grade-line', 'grade-notation', 'grade-label', 'grade-value', 'evaluation', 'html-bold', 'bold'];
  const own = {};
  for (const name of names) own[name] = repository[name];
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    information_for_contributors: ['Generated by scripts/generate-grammars.js: edit that file, then run it.'],
    name: 'Inspection report highlights in Markdown',
    scopeName: 'text.inspection-report.injection',
    injectionSelector: 'L:text.html.markdown -comment -markup.fenced_code -markup.raw -markup.inline.raw -meta.embedded -meta.record-row.inspection-report',
    patterns: [
      { include: '#directive' },
      { include: '#record-row' },
      { include: '#timescale' },
      { include: '#grade-line' },
      { include: '#grade-notation' },
      { include: '#evaluation' },
    ],
    repository: own,
  };
}

function grammars() {
  return {
    'inspection-report.tmLanguage.json': reportGrammar(),
    'inspection-report.injection.json': injectionGrammar(),
  };
}

const serialise = (grammar) => JSON.stringify(grammar, null, 2) + '\n';

module.exports = { grammars, serialise, LEVELS };

if (require.main === module) {
  const dir = path.join(__dirname, '..', 'syntaxes');
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, grammar] of Object.entries(grammars())) fs.writeFileSync(path.join(dir, file), serialise(grammar));
}
