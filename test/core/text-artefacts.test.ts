import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { decodeEntities } from '../../server/src/core/text';
import { flattenSections } from '../../server/src/core/model';
import { lint } from '../../server/src/lint/engine';
import { fixturesDir, frameworkFixtures, readSeed, seedNames } from '../helpers/paths';
import { reportsWithTables, rewriteTable, TABLE_STYLES, writeTable } from '../helpers/tables';

/** A short line of words ending in a letter, as a heading is (not a sentence, a row or a title with its grade). */
const SHORT_LINE = /^([A-Z][^\t\n.|:]{2,100}[a-z])$/gm;
/** A row of a record or summary table: its title, a tab, and its grade. */
const RECORD_ROW = /^([A-Z][^\t\n]{3,200})\t(Outstanding|Good|Adequate|Inadequate|Requires improvement[^\n]*|Performs[^\n]*)$/gm;

/**
 * What copying a report out of Word, a PDF, a web page or a chat leaves in its text. Each must read as the clean
 * report does: the same judgements, grades and problems (a clean real report has no false alarms).
 */
const ARTEFACTS: Record<string, (text: string) => string> = {
  'no-break spaces for every space': (text) => text.replace(/ /g, '\u00a0'),
  'no-break spaces for some spaces': (text) => text.replace(/(\S) (\S)/g, (all, before: string, after: string, at: number) => (at % 3 ? all : `${before}\u00a0${after}`)),
  'PDF ligatures (fi, fl, ff, ffi)': (text) => text.replace(/ffi/g, '\ufb03').replace(/ff/g, '\ufb00').replace(/fi/g, '\ufb01').replace(/fl/g, '\ufb02'),
  'zero-width spaces before words': (text) => text.replace(/ (\w)/g, ' \u200b$1'),
  'word joiners before words': (text) => text.replace(/ (\w)/g, ' \u2060$1'),
  'zero-width joiners inside words': (text) => text.replace(/ss/g, 's\u200ds'),
  'soft hyphens inside words': (text) => text.replace(/tion/g, 'ti\u00adon'),
  // in the words that grade: labels, judgement sentences, the record's cells
  'soft hyphens inside grade words': (text) => text.replace(/\b(out|inade|ade|satis|go|perfor|we)(standing|quate|factory|od|ms|ll)\b/gi, '$1\u00ad$2'),
  'zero-width joiners inside grade words': (text) => text.replace(/\b(out|inade|ade|satis|go|perfor|we)(standing|quate|factory|od|ms|ll)\b/gi, '$1\u200d$2'),
  // inside words ("well‑being"): a list's "- " bullet is not typed as one
  'non-breaking hyphens': (text) => text.replace(/(\w)-(\w)/g, '$1\u2011$2'),
  'double spaces': (text) => text.replace(/ /g, '  '),
  'trailing spaces': (text) => text.replace(/\n/g, '  \n'),
  'CRLF line ends': (text) => text.replace(/\n/g, '\r\n'),
  'CR line ends': (text) => text.replace(/\n/g, '\r'),
  'form feeds between pages': (text) => text.replace(/\n\n/g, '\n\f\n'),
  // Word, saving a numbered or bulleted list as text, puts a tab after the number or the bullet
  'Word numbered paragraphs ("12.<TAB>The …")': (text) => text.replace(/^(\d{1,3})\. /gm, '$1.\t'),
  'Word bullets ("•<TAB>ensure …")': (text) => text.replace(/^(\s*)[-\u2022] /gm, '$1\u2022\t'),
  // Word's other styles of numbered list
  'numbered paragraphs as "12) The …"': (text) => text.replace(/^(\d{1,3})\. /gm, '$1) '),
  'numbered paragraphs as "(12) The …"': (text) => text.replace(/^(\d{1,3})\. /gm, '($1) '),
  // an editor that types spaces for the Tab key, or a table copied as aligned columns (a Markdown simple table)
  'every tab typed as four spaces': (text) => text.replace(/\t/g, '    '),
  // a table pasted from a spreadsheet or a web page with an empty last column
  'a tab after the last cell of every table row': (text) => text.replace(/^(.*\t.*[^\t\n])$/gm, '$1\t'),
  'a tab after every Markdown table row': (text) => text.replace(/^(\s*\|.*\|)$/gm, '$1\t'),
  // Word, saving as text, can leave a tab at the end of a line that is no table's row
  'a tab after every short line ("Being healthy<TAB>", "Contents<TAB>")': (text) => text.replace(SHORT_LINE, '$1\t'),
  'a tab after every line without one': (text) => text.replace(/^([^\t\n]+)$/gm, '$1\t'),
  // the anchors a converter leaves for a Word document's bookmarks, on the short lines that headings are
  'pandoc attributes after short lines ("Being healthy {#_Toc1234 .unnumbered}")': (text) => text.replace(SHORT_LINE, '$1 {#_Toc1234 .unnumbered}'),
  'pandoc attributes after Markdown headings ("## Being healthy {#being-healthy}")': (text) => text.replace(/^(#{1,6} [^\n]*[a-z)])$/gm, '$1 {#being-healthy}'),
  'pandoc empty spans before short lines ("[]{#_Toc1234 .anchor}Being healthy")': (text) => text.replace(SHORT_LINE, '[]{#_Toc1234 .anchor}$1'),
  'HTML anchors before short lines (\'<a name="_Toc1234"></a>Being healthy\')': (text) => text.replace(SHORT_LINE, '<a name="_Toc1234"></a>$1'),
  'HTML links around short lines': (text) => text.replace(SHORT_LINE, '<a href="https://www.example.org/reports/2011/rutland#section">$1</a>'),
  // an ILACS headline set as a heading: a Markdown heading, or a line without its full stop
  'headline statements as Markdown headings ("## Children\'s services in X are good.")': (text) => text.replace(/^(Children's services in [^\n]+ (?:are|is|require)[^\n]*\.)$/gm, '## $1'),
  'headline statements without their full stop': (text) => text.replace(/^(Children's services in [^\n]+ (?:are|is|require)[^\n]*)\.$/gm, '$1'),
  // SIF's statements of a judgement with a colon before the level ("The overall judgement is: good")
  'statements with a colon before the level ("The overall judgement is: requires improvement")': (text) =>
    text
      .replace(/^(The overall judgement is) (requires improvement|good|outstanding|inadequate)$/gm, '$1: $2')
      .replace(/^(The graded judgement [^\n]+?) is that (?:it|they) (?:is|are) (outstanding|good|inadequate|requires improvement(?: to be good)?)$/gm, '$1 is: $2'),
  // the rating's one-row table under its heading, typed as a line with a colon or a dash
  'a heading\'s table row typed "Children\'s services rating: Performs well (3)"': (text) => text.replace(/^<b>([^<\n]+)<\/b>\t<b>([^<\n]+)<\/b>$/gm, '$1: $2'),
  'a heading\'s table row typed "Children\'s services rating – Performs well (3)"': (text) => text.replace(/^<b>([^<\n]+)<\/b>\t<b>([^<\n]+)<\/b>$/gm, '$1 \u2013 $2'),
  // a tab typed by mistake in a paragraph: after a comma, or between two sentences
  'stray tabs after commas in paragraphs ("… corporate parents,<TAB>but the board …")': (text) => text.replace(/^([A-Z0-9][^\t\n|#]{20,}?), ([a-z])(?=[^\t\n]*$)/gm, '$1,\t$2'),
  'stray tabs between sentences ("Workforce development is good.<TAB>The council …")': (text) => text.replace(/^([A-Z0-9][^\t\n|#]*?[a-z]\.) ([A-Z][^\t\n]*)$/gm, '$1\t$2'),
  // a summary list's numbers in cells of their own, and a draft's contents with a page still to come
  'summary rows with their numbers in cells of their own ("1<TAB>Children who need help and protection<TAB>Good")': (text) =>
    text.replace(/^(\d(?:\.\d)?)\.? ([A-Z][^\t\n]+)\t/gm, '$1\t$2\t'),
  'a contents entry whose page is still to come ("Information about this inspection<TAB>TBC")': (text) =>
    text.replace(/^(Record of main findings|Information about this inspection|Inspection judgements about the local authority)\t\d{1,3}$/m, '$1\tTBC'),
  // a record typed as a bulleted list of rows
  'record rows as a bulleted list ("•<TAB>Staying safe<TAB>Good")': (text) => text.replace(RECORD_ROW, '\u2022\t$1\t$2'),
  'record rows as a bulleted list ("• Staying safe<TAB>Good")': (text) => text.replace(RECORD_ROW, '\u2022 $1\t$2'),
  'record rows as a list with dashes ("- Staying safe<TAB>Good")': (text) => text.replace(RECORD_ROW, '- $1\t$2'),
  // a template's word before the grade
  'grades after "Judgement: " ("Judgement: Grade 3 (Adequate)")': (text) => text.replace(/^(\**)(Grade \d)/gm, '$1Judgement: $2'),
  'grades written "Grade awarded: 3 (Adequate)"': (text) => text.replace(/^(\**)Grade (\d)/gm, '$1Grade awarded: $2'),
  'grades written "Grade - 3 (Adequate)"': (text) => text.replace(/^(\**)Grade (\d)/gm, '$1Grade - $2'),
  'grades in brackets of their own ("[Grade 3]")': (text) => text.replace(/^(\**)(Grade \d[^\n*]*)(\**)$/gm, '$1[$2]$3'),
  'grades with the scale\'s size in brackets ("Grade 3 (out of 4)")': (text) => text.replace(/^(\**)Grade (\d)\b/gm, '$1Grade $2 (out of 4)'),
  // a heading and its grade typed on one line, apart by a dash or a colon (blank lines keep the lines where they were)
  'grades after their headings and a dash ("Staying safe – Grade 3")': (text) => text.replace(/^([^\n.\t]{3,100})\n\n(\**Grade \d[^\n]*)$/gm, '$1 \u2013 $2\n\n'),
  'grades after their headings and a colon ("Staying safe: Grade 3")': (text) => text.replace(/^([^\n.\t]{3,100})\n\n(\**Grade \d[^\n]*)$/gm, '$1: $2\n\n'),
  'grades after their headings and a comma ("Staying safe, Grade 3")': (text) => text.replace(/^([^\n.\t]{3,100})\n\n(\**Grade \d[^\n]*)$/gm, '$1, $2\n\n'),
  'grades in brackets after their headings ("Staying safe (Grade 3)")': (text) => text.replace(/^([^\n.\t]{3,100})\n\n\**(Grade \d[^\n*]*)\**$/gm, '$1 ($2)\n\n'),
  'grades in square brackets after their headings ("Staying safe [Grade 3]")': (text) => text.replace(/^([^\n.\t]{3,100})\n\n\**(Grade \d[^\n*]*)\**$/gm, '$1 [$2]\n\n'),
  'grades written "Grade 3 Adequate" (no brackets, no dash)': (text) => text.replace(/^(\**)Grade (\d) \(([A-Za-z ]+)\)/gm, '$1Grade $2 $3'),
  'grades in Markdown emphasis with underscores ("_Grade 3_")': (text) => text.replace(/^(Grade \d[^\n]*)$/gm, '_$1_'),
  'grades in a Markdown block quote ("> Grade 3")': (text) => text.replace(/^(\**Grade \d[^\n]*)$/gm, '> $1'),
  // pandoc writes a line break inside a paragraph (Shift+Enter in Word) as a backslash at the end of the line
  'hard line breaks as pandoc writes them ("Being healthy\\")': (text) => text.replace(/([^\n])\n(?=[^\n])/g, '$1\\\n'),
  // a heading's grade after a colon (ILACS), written another way
  'a full stop after a heading\'s grade ("Children in care: good.")': (text) =>
    text.replace(/^([A-Z][^\n:]{5,150}): (outstanding|good|requires improvement to be good|inadequate)$/gim, '$1: $2.'),
  'a heading\'s grade in brackets ("Children in care (good)")': (text) =>
    text.replace(/^([A-Z][^\n:]{5,150}): (outstanding|good|requires improvement to be good|inadequate)$/gim, '$1 ($2)'),
  // a label and its number written another way than "Performs well (3)"
  'grades written "Performs well [3]"': (text) => text.replace(/\b(Performs \w+) \((\d)\)/g, '$1 [$2]'),
  'grades written "Performs well - 3"': (text) => text.replace(/\b(Performs \w+) \((\d)\)/g, '$1 - $2'),
  'grades written "Performs well 3"': (text) => text.replace(/\b(Performs \w+) \((\d)\)/g, '$1 $2'),
  'grades written "3 – Performs well"': (text) => text.replace(/\b(Performs \w+) \((\d)\)/g, '$2 \u2013 $1'),
  // a reviewer's column of notes after the grades of the record or a summary table
  'a column of notes after the grades of a table ("Good<TAB>see above")': (text) =>
    text.replace(/^([^\t\n]+)\t([A-Za-z][A-Za-z ]*[a-z])$/gm, (_all, title: string, cell: string) => `${title}\t${cell}\t${/^(?:judgements?|grades?)$/i.test(cell) ? 'Notes' : 'see above'}`),
  'a column of notes after the grades of a Markdown table ("| Good | see above |")': (text) =>
    text.replace(/^(\|[^|\n]+\|[^|\n]*[A-Za-z-][^|\n]*\|)$/gm, (row) => `${row} ${/Grade\s*\|$/.test(row) ? 'Notes' : /^\|\s*-/.test(row) ? '---' : 'see above'} |`),
  // judgement sentences and headline statements worded another way, stating the same level
  ...Object.fromEntries(
    (
      [
        ['"… are good overall."', (verb, level) => `${verb} ${level} overall.`],
        ['"… are good and improving."', (verb, level) => `${verb} ${level} and improving.`],
        ['"… are good; …"', (verb, level) => `${verb} ${level}; the evidence follows.`],
        ['"… remain good."', (verb, level) => `${verb === 'is' ? 'remains' : 'remain'} ${level}.`],
        ['"… continue to be good."', (verb, level) => `${verb === 'is' ? 'continues' : 'continue'} to be ${level}.`],
        ['"… have been judged good."', (verb, level) => `${verb === 'is' ? 'has' : 'have'} been judged ${level}.`],
        ['"… are good!"', (verb, level) => `${verb} ${level}!`],
        ['"… are graded good."', (verb, level) => `${verb} graded ${level}.`],
        ['"… are secure and good."', (verb, level) => `${verb} secure and ${level}.`],
        ['"… are good, but not yet outstanding."', (verb, level) => `${verb} ${level}, but not yet outstanding.`],
        ['"… are good, with some good features."', (verb, level) => `${verb} ${level}, with some good features.`],
        ['"… are good in most respects."', (verb, level) => `${verb} ${level} in most respects.`],
        ['"… are good (grade 2)."', (verb, level) => `${verb} ${level} (grade 2).`],
        ['"… are good, having been inadequate in 2009."', (verb, level) => `${verb} ${level}, having been inadequate in 2009.`],
        ['"… are good and have improved since the last inspection, when they were inadequate."', (verb, level) => `${verb} ${level} and have improved since the last inspection, when they were inadequate.`],
      ] as [string, (verb: string, level: string) => string][]
    ).map(([name, write]) => [
      `levels stated ${name}`,
      (text: string) => text.replace(/\b(is|are) (outstanding|good|adequate|inadequate|requires improvement to be good)\./g, (_all, verb: string, level: string) => write(verb, level)),
    ]),
  ),
  // the word "Grade" left out, or the label alone after a template's word
  'grades written "3 (Adequate)"': (text) => text.replace(/^(\**)Grade (\d) \(/gm, '$1$2 ('),
  'grades written "Judgement: Adequate"': (text) => text.replace(/^(\**)Grade \d \(([A-Za-z ]+)\)/gm, '$1Judgement: $2'),
  'grades written "Overall rating: 3"': (text) => text.replace(/^(\**)Grade (\d)(?: \([A-Za-z ]+\))?$/gm, '$1Overall rating: $2'),
  // HTML entities a converter or a web page leaves, in titles, headline statements and after paragraph numbers
  'apostrophes as HTML entities ("Children&rsquo;s services in X are good")': (text) => text.replace(/'/g, '&rsquo;'),
  'apostrophes as numeric HTML entities ("Children&#39;s")': (text) => text.replace(/'/g, '&#39;'),
  '"and" as an HTML entity ("help &amp; protection")': (text) => text.replace(/ and /g, ' &amp; '),
  'numbered paragraphs with a no-break space entity ("12.&nbsp;The …")': (text) => text.replace(/^(\d{1,3})\. /gm, '$1.&nbsp;'),
  // pandoc and Google Docs, writing Markdown, escape a typed number or bullet that is not one of their lists
  'Markdown escapes before typed numbers and bullets ("11\\. The …", "\\- ensure …")': (text) =>
    text.replace(/^(\d{1,4})\. /gm, '$1\\. ').replace(/^(\s*)([-\u2022]) /gm, '$1\\$2 '),
};

describe('a heading whose grade follows a dash instead of a colon ("Children in care – good") reads as the report does', () => {
  for (const { name, text } of cleanReports()) {
    const dashed = text.replace(/^([A-Z][^\n:]{5,150}): (outstanding|good|requires improvement to be good|inadequate)$/gim, '$1 \u2013 $2');
    if (dashed === text) continue;
    it(name, () => {
      // read as a statement of the judgement, the line is its own sentence: all else is the same
      const withoutSentences = ({ sentences: _sentences, ...rest }: ReturnType<typeof reading>) => rest;
      assert.deepStrictEqual(withoutSentences(reading(dashed)), withoutSentences(reading(text)));
    });
  }
});

describe('headings numbered as a Word document numbers them ("2.1 Being healthy", "Section 2: Being healthy") read as the clean report does', () => {
  const numberings: [string, (number: number) => string][] = [
    ['"2.1 "', (number) => `2.${number} `],
    ['"B. "', (number) => `${String.fromCharCode(64 + (number % 26 || 26))}. `],
    ['"Section 2: "', (number) => `Section ${number}: `],
    ['"Part 2 – "', (number) => `Part ${number} \u2013 `],
  ];
  for (const { name, text } of cleanReports()) {
    const { report } = lint(text);
    // the lines of the headings with a title of their own: not a judgement stated in a sentence, nor a table's row
    const headingLines = new Set(
      flattenSections(report.sections)
        .filter((section) => section.judgement?.grade?.style !== 'sentence' && section.heading.range.start.line === section.heading.range.end.line)
        .map((section) => section.heading.range.start.line),
    );
    const lines = text.split('\n');
    const numberable = [...headingLines].filter((line) => /^[A-Z]/.test(lines[line] ?? '') && !(lines[line] ?? '').includes('\t'));
    if (!numberable.length) continue;
    const withoutNumbers = ({ judgements, ...rest }: ReturnType<typeof reading>) => ({
      ...rest,
      judgements: judgements.map(([title, ...more]) => [String(title).replace(/^(?:(?:section|part) \d+:? ?\u2013? ?|2\.\d+ |[A-Z]\. )/i, ''), ...more]),
    });
    const clean = withoutNumbers(reading(text));
    for (const [style, write] of numberings) {
      it(`${name}: ${style}`, () => {
        let count = 0;
        const numbered = lines.map((line, index) => (numberable.includes(index) ? `${write(++count)}${line}` : line)).join('\n');
        assert.deepStrictEqual(withoutNumbers(reading(numbered)), clean);
      });
    }
  }
});

/** What a reviewer would compare: each judgement's title, definition and level, and each problem's rule and line. */
function reading(text: string) {
  const { report, diagnostics } = lint(text);
  const plain = (title: string) =>
    decodeEntities(title)
      .replace(/\u2019/g, "'")
      .replace(/ & /g, ' and ')
      .replace(/[\u00ad\u200b-\u200d\u2060]/g, '').normalize('NFKC').replace(/\s+/g, ' ').replace(/[\u2010\u2011]/g, '-');
  return {
    framework: report.framework?.profile.id ?? null,
    judgements: report.judgementSections.map((section) => [plain(section.title), section.judgement?.definition?.id ?? null, section.judgement?.grade?.level?.key ?? null]),
    record: report.record?.rows.map((row) => [plain(row.title.text), row.grade?.level?.key ?? null]) ?? [],
    problems: diagnostics.map((diagnostic) => `${diagnostic.ruleId}@${diagnostic.range.start.line}`),
    paragraphs: report.paragraphs.map((paragraph) => paragraph.number),
    sentences: report.judgementSections.map((section) => section.judgement?.sentence?.term.level.key ?? null),
    actions: report.actionLists.map((list) => list.groups.map((group) => group.items.length)),
  };
}

/** The seeds, and the clean reports the team wrote for the frameworks no seed has (ILACS, SIF, LAC 2013). */
function cleanReports(): { name: string; text: string }[] {
  const fixtures = frameworkFixtures().filter((fixture) => fixture.name.startsWith('clean'));
  return [
    ...seedNames().map((name) => ({ name, text: readSeed(name) })),
    ...fixtures.map((fixture) => ({ name: `${fixture.framework}/${path.basename(fixture.file)}`, text: fs.readFileSync(fixture.file, 'utf8') })),
  ];
}

describe('text copied out of Word, PDFs and web pages reads as the clean report does', () => {
  for (const { name, text } of cleanReports()) {
    const clean = reading(text);
    for (const [artefact, apply] of Object.entries(ARTEFACTS)) {
      it(`${name}: ${artefact}`, () => assert.deepStrictEqual(reading(apply(text)), clean));
    }
  }
});

describe('a record of main findings typed without its table reads as the table does', () => {
  const reports = [
    { name: 'slac-2011-rutland', text: readSeed('slac-2011-rutland') },
    { name: 'lac-2013/clean.txt', text: fs.readFileSync(frameworkFixtures().find((fixture) => fixture.framework === 'lac-2013' && path.basename(fixture.file) === 'clean.txt')!.file, 'utf8') },
  ];
  for (const { name, text } of reports) {
    const lines = text.split('\n');
    const from = lines.findIndex((line) => line.startsWith('Record of main findings'));
    assert.ok(from > 0);
    const clean = reading(text);
    for (const separator of [' – ', ' — ', ' - ', ': ', ' | ', '   ']) {
      // a group row is its title alone (its trailing tab dropped, or typed as the separator); a judgement's row has
      // the separator where the tab was
      const typed = (groupEnd: string) =>
        lines.map((line, index) => (index > from && line.includes('\t') ? (line.endsWith('\t') ? line.slice(0, -1) + groupEnd : line.replace('\t', separator)) : line)).join('\n');
      it(`${name}: "Overall effectiveness${separator}Adequate", group rows as bare titles`, () => {
        assert.notStrictEqual(typed(''), text);
        assert.deepStrictEqual(reading(typed('')), clean);
      });
      // "Safeguarding services:", "Safeguarding services   " (as a tab becomes spaces); a dash left dangling is not typed
      if (!/[-–—]/.test(separator)) {
        it(`${name}: "Overall effectiveness${separator}Adequate", group rows ending in "${separator}"`, () => {
          assert.deepStrictEqual(reading(typed(separator)), clean);
        });
      }
    }
  }
});

/**
 * Lines over `width` characters cut at spaces, as a PDF's lines or a plain-text export with line breaks are; with
 * `hanging`, a list item's lines go on under its text, as pandoc writes them.
 */
function hardWrapped(line: string, width: number, hanging = false, hyphenate = false): string[] {
  const marker = hanging ? /^\s*(?:[-\u2022]|\d{1,3}\.)\s+/.exec(line) : null;
  const indent = ' '.repeat(marker?.[0].length ?? 0);
  const wrapped: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current.trim() && current.length + 1 + word.length > width) {
      // a justified column breaks a long word of letters with a hyphen, as much of it as fits on the line
      const room = width - current.length - 2;
      if (hyphenate && /^[a-z]{7,}/.test(word) && room >= 3) {
        const head = Math.min(room, word.length - 3);
        wrapped.push(`${current} ${word.slice(0, head)}-`);
        current = indent + word.slice(head);
        continue;
      }
      wrapped.push(current);
      current = indent + word;
    } else current = current ? `${current} ${word}` : word;
  }
  return [...wrapped, current];
}

describe('a report whose paragraphs and list items are hard-wrapped, or double-spaced, reads as the report does', () => {
  for (const { name, text } of cleanReports()) {
    const clean = reading(text);
    // headings keep their lines: a converter or a PDF wraps the text of paragraphs and items, not the headings
    const headings = new Set(lint(text).report.judgementSections.map((section) => section.heading.range.start.line));
    const variants = [
      { width: 78, headingsToo: false, hanging: false },
      { width: 100, headingsToo: false, hanging: false },
      // pandoc's plain text: 72 columns, list items indented under their text
      { width: 72, headingsToo: false, hanging: true },
      // a narrow column: a heading over 60 characters that is not a judgement's ("How good are outcomes for …") wraps
      { width: 60, headingsToo: false, hanging: false },
      // a justified PDF column hyphenates: "… in this aspect is ade-" / "quate."
      { width: 70, headingsToo: false, hanging: false, hyphenate: true },
      // a PDF wraps a long heading as it wraps anything else (at 50 columns, a judgement stated over three lines);
      // a Markdown heading or table row is one line
      ...(name.endsWith('.md') ? [] : [78, 60, 50].map((width) => ({ width, headingsToo: true, hanging: false }))),
    ];
    for (const { width, headingsToo, hanging, hyphenate = false } of variants) {
      it(`${name}: wrapped at ${width} characters${headingsToo ? ', headings too' : ''}${hanging ? ', list items indented under their text' : ''}${hyphenate ? ', long words broken with a hyphen' : ''}`, () => {
        const lines = text.split('\n');
        const keep = (line: string, index: number) => (headings.has(index) && !headingsToo) || line.includes('\t') || /^\s*[#|]/.test(line);
        const wrapped = lines.flatMap((line, index) => (keep(line, index) ? [line] : hardWrapped(line, width, hanging, hyphenate)));
        assert.ok(wrapped.length > lines.length);
        // the wrapped lines move the lines below them: problems are compared by rule
        const byRule = (read: ReturnType<typeof reading>) => ({ ...read, problems: read.problems.map((problem) => problem.replace(/@\d+$/, '')).sort() });
        assert.deepStrictEqual(byRule(reading(wrapped.join('\n'))), byRule(clean));
      });
    }
    // some PDF viewers copy a blank line after every line, a summary table's rows too
    it(`${name}: double-spaced, a blank line after every line`, () => {
      const byRule = (read: ReturnType<typeof reading>) => ({ ...read, problems: read.problems.map((problem) => problem.replace(/@\d+$/, '')).sort() });
      assert.deepStrictEqual(byRule(reading(text.replace(/\n(?=[^\n])/g, '\n\n'))), byRule(clean));
    });
  }
});

describe("a contents list as a PDF's table of contents is extracted reads as the tab-separated one", () => {
  const ENTRY = /^(.+)\t(\d{1,3})$/;
  const STYLES: Record<string, (title: string, page: string) => string[]> = {
    'dot leaders ("Overall effectiveness ........ 5")': (title, page) => [`${title} ${'.'.repeat(Math.max(3, 70 - title.length))} ${page}`],
    'dot leaders without spaces': (title, page) => [`${title}${'.'.repeat(Math.max(3, 70 - title.length))}${page}`],
    'columns of spaces, as pdftotext lays them out': (title, page) => [`${title.padEnd(72)}  ${page}`],
    // a narrow page wraps a long title, and its page number ends the second line
    'a long title wrapped, its page number on the next line': (title, page) => {
      const cut = title.length > 40 ? title.lastIndexOf(' ', 40) : -1;
      return cut > 0 ? [title.slice(0, cut), `${title.slice(cut + 1).padEnd(40)} ${'.'.repeat(10)} ${page}`] : [`${title.padEnd(40)} ${'.'.repeat(10)} ${page}`];
    },
    // a contents list written as a Markdown table, by a converter or by hand
    'a Markdown table, with a header row': (title, page) => [`| ${title} | ${page} |`],
    'a Markdown table without outer bars': (title, page) => [`${title} | ${page}`],
    'a Markdown table whose first entry is its header row': (title, page) => [`| ${title} | ${page} |`],
    // a converter's contents: each title a link to its heading
    'Markdown links, with their pages ("[Overall effectiveness](#overall-effectiveness)<TAB>5")': (title, page) => [`[${title}](#${slug(title)})\t${page}`],
  };
  /** Rows a style writes before the first entry. */
  const HEADERS: Record<string, string[]> = {
    'a Markdown table, with a header row': ['| Section | Page |', '|---|--:|'],
    'a Markdown table without outer bars': ['Section | Page', '--- | ---'],
  };
  const DELIMITER_AFTER_FIRST = 'a Markdown table whose first entry is its header row';
  const contents = (text: string) => lint(text).report.contents?.entries.map((entry) => [entry.title.text, entry.page]) ?? [];
  const byRule = (read: ReturnType<typeof reading>) => ({ ...read, problems: read.problems.map((problem) => problem.replace(/@\d+$/, '')).sort() });
  for (const { name, text } of cleanReports()) {
    const lines = text.split('\n');
    if (!lines.some((line) => ENTRY.test(line)) || !contents(text).length) continue;
    const clean = reading(text);
    for (const [style, write] of Object.entries(STYLES)) {
      it(`${name}: ${style}`, () => {
        let entries = 0;
        const written = lines.flatMap((line) => {
          const entry = ENTRY.exec(line);
          if (!entry) return [line];
          entries++;
          const rows = write(entry[1]!, entry[2]!);
          if (entries === 1 && style === DELIMITER_AFTER_FIRST) return [...rows, '|---|---|'];
          return entries === 1 ? [...(HEADERS[style] ?? []), ...rows] : rows;
        });
        assert.deepStrictEqual(contents(written.join('\n')), contents(text));
        assert.deepStrictEqual(byRule(reading(written.join('\n'))), byRule(clean));
      });
    }
  }
});

describe('a contents list without page numbers (a list of titles) reads as the one with them', () => {
  const titles = (text: string) => lint(text).report.contents?.entries.map((entry) => entry.title.text) ?? [];
  const byRule = (read: ReturnType<typeof reading>) => ({ ...read, problems: read.problems.map((problem) => problem.replace(/@\d+$/, '')).sort() });
  for (const { name, text } of cleanReports()) {
    if (!titles(text).length) continue;
    it(name, () => {
      const pageless = text.replace(/^(.+)\t\d{1,3}$/gm, (_entry, title: string) => title);
      assert.notStrictEqual(pageless, text);
      assert.deepStrictEqual(titles(pageless), titles(text));
      assert.deepStrictEqual(byRule(reading(pageless)), byRule(reading(text)));
    });
  }
});

/** The anchor a converter gives a heading: "Overall effectiveness" is "#overall-effectiveness". */
function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}

describe('a report written in Markdown by a converter reads as the text does', () => {
  for (const name of ['slac-2011-rutland', 'apa-2007-rutland']) {
    const seed = readSeed(name);
    const clean = reading(seed);
    const headings = new Set(lint(seed).report.judgementSections.map((section) => section.heading.range.start.line));
    const lines = seed.split('\n');
    const underlined = (mark: string) => lines.flatMap((line, index) => (headings.has(index) && !/Grade/.test(line) ? [line, mark.repeat(Math.max(3, line.length))] : [line])).join('\n');
    // the underlines move the lines below them: problems are compared by rule
    const byRule = (read: ReturnType<typeof reading>) => ({ ...read, problems: read.problems.map((problem) => problem.replace(/@\d+$/, '')) });
    it(`${name}: judgement headings underlined with "-----" and "=====" (setext headings)`, () => {
      assert.deepStrictEqual(byRule(reading(underlined('-'))), byRule(clean));
      assert.deepStrictEqual(byRule(reading(underlined('='))), byRule(clean));
    });
    // pandoc, writing Org mode, puts a property drawer under every heading, between it and its grade
    it(`${name}: an Org mode property drawer under each judgement heading`, () => {
      const drawers = lines.flatMap((line, index) => (headings.has(index) && !/Grade/.test(line) ? [line, '   :PROPERTIES:', `   :CUSTOM_ID: heading-${index}`, '   :END:'] : [line])).join('\n');
      assert.deepStrictEqual(byRule(reading(drawers)), byRule(clean));
    });
    it(`${name}: a YAML front matter block before the report`, () => {
      assert.deepStrictEqual(reading(`---\ntitle: "Inspection report"\nauthor: HMI\n---\n\n${seed}`).problems, clean.problems.map((problem) => problem.replace(/@(\d+)$/, (_, line: string) => `@${Number(line) + 5}`)));
    });
  }
});

describe('a report whose judgement headings are numbered, lettered or marked up as HTML reads as the report does', () => {
  const STYLES: Record<string, (line: string, count: number) => string> = {
    '"2. Enjoying and achieving", as Word numbers headings': (line, count) => `${count}. ${line}`,
    '"B. Enjoying and achieving"': (line, count) => `${String.fromCharCode(64 + count)}. ${line}`,
    '"<h2>Enjoying and achieving</h2>", as an HTML converter writes it': (line) => `<h2>${line}</h2>`,
  };
  // a lettered heading keeps its letter in its title, as the writer typed it: the rest must read the same
  const withoutLetters = (read: ReturnType<typeof reading>) => ({
    ...read,
    judgements: read.judgements.map(([title, ...rest]) => [String(title).replace(/^[A-Z]\. /, ''), ...rest]),
  });
  for (const { name, text } of cleanReports()) {
    const { report } = lint(text);
    // headings of their own line, without their grade or a Markdown mark
    const headings = new Set(
      report.judgementSections.filter((section) => section.judgement?.grade?.range.start.line !== section.heading.range.start.line).map((section) => section.heading.range.start.line),
    );
    const lines = text.split('\n');
    for (const [style, write] of Object.entries(STYLES)) {
      const styled = () => {
        let count = 0;
        return lines.map((line, index) => (headings.has(index) && !/^\s*#|\t/.test(line) ? write(line, ++count) : line)).join('\n');
      };
      if (styled() === text) continue;
      it(`${name}: ${style}`, () => {
        // a letter's areas for development may end right above the next numbered heading
        assert.deepStrictEqual(withoutLetters(reading(styled())), withoutLetters(reading(text)));
      });
    }
  }
});

describe("a page's header or footer left in by a PDF, every 37 lines, reads as the report does", () => {
  const FURNITURE: Record<string, (page: number) => string[]> = {
    '"Page 3 of 30"': (page) => [`Page ${page} of 30`],
    'the report title over "Page 3"': (page) => ['Inspection of safeguarding and looked after children services: Rutland', `Page ${page}`],
    '"- 3 -"': (page) => [`- ${page} -`],
    '"– 3 –"': (page) => [`\u2013 ${page} \u2013`],
    'a bare "3"': (page) => [`${page}`],
    '"© Crown copyright 2011"': () => ['\u00a9 Crown copyright 2011'],
    '"Rutland | Page 3"': (page) => [`Rutland | Page ${page}`],
    '"Ofsted | Inspection report | 3"': (page) => [`Ofsted | Inspection report | ${page}`],
  };
  for (const name of seedNames()) {
    const seed = readSeed(name);
    const clean = reading(seed);
    const lines = seed.split('\n');
    for (const [what, furniture] of Object.entries(FURNITURE)) {
      it(`${name}: ${what}, with blank lines around it (inside the contents and the record too)`, () => {
        let page = 1;
        const withFurniture = lines.flatMap((line, index) => (index === 0 || index % 37 !== 0 ? [line] : ['', ...furniture(++page), '', line]));
        // problems are compared by rule: the lines below each page break move down
        const byRule = (read: ReturnType<typeof reading>) => ({ ...read, problems: read.problems.map((problem) => problem.replace(/@\d+$/, '')) });
        assert.deepStrictEqual(byRule(reading(withFurniture.join('\n'))), byRule(clean));
      });
    }
  }

  it('a heading between two tables is not furniture: "Annex 1: glossary" ends the record', () => {
    const record = ['<!-- framework: slac-2011 -->', 'Record of main findings', '', 'Overall effectiveness\tAdequate', '', 'Annex 1: glossary', '', 'Staying safe\tOutstanding', ''];
    assert.deepStrictEqual(lint(record.join('\n')).report.record?.rows.map((row) => row.title.text), ['Overall effectiveness']);
  });
});

describe('a table of judgements written as a converter, an editor or a web page writes tables reads as the table does', () => {
  // the table's new lines move the lines below it: problems are compared by rule
  const byRule = (read: ReturnType<typeof reading>) => ({ ...read, problems: read.problems.map((problem) => problem.replace(/@\d+$/, '')).sort() });
  for (const { name, text, table } of reportsWithTables()) {
    const lines = text.split('\n');
    const clean = byRule(reading(text));
    for (const [style, write] of Object.entries(TABLE_STYLES)) {
      it(`${name}: ${style}`, () => {
        const written = rewriteTable(lines, table, writeTable(table, write));
        assert.notStrictEqual(written, text);
        assert.deepStrictEqual(byRule(reading(written)), clean);
      });
    }
  }
});

describe('the record as pandoc writes it, after a round trip through Word, reads as the seed\'s record', () => {
  const rowsOf = (text: string) =>
    lint(text).report.record?.rows.map((row) => [row.title.text.replace(/\s+/g, ' '), row.grade?.level?.key ?? null, row.group?.title.text.replace(/\s+/g, ' ') ?? null]) ?? [];
  const seed = rowsOf(readSeed('slac-2011-rutland'));
  const folder = path.join(fixturesDir, 'converted');
  for (const file of fs.readdirSync(folder).filter((name) => name.endsWith('.txt'))) {
    it(file, () => {
      assert.strictEqual(seed.length, 22);
      assert.deepStrictEqual(rowsOf(fs.readFileSync(path.join(folder, file), 'utf8')), seed);
    });
  }
});
