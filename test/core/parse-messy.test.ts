import * as assert from 'assert';
import { parse } from '../../server/src/core';
import { doc, parseLines, sectionTitled, sectionsOf } from '../helpers/model';
import { readSeed } from '../helpers/paths';
import { builtinFrameworks } from '../../server/src/core/frameworks/builtin';
import { pageFurniture } from '../../server/src/core/parse/lines';
import { lint } from '../../server/src/lint/engine';

const APA = { framework: 'apa-2007' };
const SLAC = { framework: 'slac-2011' };
const PARAGRAPH = 'The contribution of services to improving outcomes for children and young people in this aspect is good.';

describe('parse: messy real drafts', () => {
  it('reads a heading and its grade written on one line', () => {
    const report = parseLines(APA, 'Being healthy Grade 3', '', PARAGRAPH);
    const section = sectionTitled(report, 'Being healthy');
    assert.strictEqual(section.judgement?.grade?.text, 'Grade 3');
    assert.deepStrictEqual(section.judgement?.grade?.range, { start: { line: 0, character: 14 }, end: { line: 0, character: 21 } });
    assert.strictEqual(section.judgement?.grade?.level?.key, 'good');
  });

  it('reads a heading and its grade apart by a dash or a colon, the separator left out of the title', () => {
    for (const line of ['Being healthy \u2013 Grade 3', 'Being healthy - Grade 3', 'Being healthy: Grade 3', 'Being healthy | Grade 3']) {
      const report = parseLines(APA, line, '', PARAGRAPH);
      const section = sectionTitled(report, 'Being healthy');
      assert.strictEqual(section.heading.text, 'Being healthy', line);
      assert.strictEqual(section.judgement?.grade?.text, 'Grade 3', line);
    }
  });

  it('does not take a line ending ": Grade 2" for a heading and its grade unless the heading is a judgement', () => {
    const report = parseLines(APA, 'Being healthy', '', 'Grade 3', '', PARAGRAPH, '', 'The service was then judged: Grade 2', '', PARAGRAPH);
    const graded = sectionsOf(report).filter((section) => section.judgement?.grade);
    assert.deepStrictEqual(graded.map((section) => [section.heading.text, section.judgement?.grade?.text]), [['Being healthy', 'Grade 3']]);
  });

  it('reads HTML entities a converter left in Markdown: titles with "&rsquo;" or "&amp;", and a grade with "&nbsp;"', () => {
    const report = parseLines(
      APA,
      '## Overall effectiveness of children&rsquo;s services',
      '',
      'Grade&nbsp;3',
      '',
      PARAGRAPH,
      '',
      '## Enjoying &amp; achieving',
      '',
      'Grade 3',
      '',
      PARAGRAPH,
    );
    const judgements = report.judgementSections.map((section) => [section.judgement?.definition?.id, section.judgement?.grade?.level?.key]);
    assert.deepStrictEqual(judgements, [
      ['overall-effectiveness', 'good'],
      ['enjoying-and-achieving', 'good'],
    ]);
  });

  it('reads a heading fused with a bold grade, keeping exact columns', () => {
    const report = parseLines(SLAC, 'Being healthy**Grade 1 (Outstanding)**', '', '65. The health of looked after children is outstanding.');
    const grade = sectionTitled(report, 'Being healthy').judgement?.grade;
    assert.strictEqual(grade?.text, 'Grade 1 (Outstanding)');
    assert.strictEqual(grade?.range.start.character, 15);
    assert.strictEqual(grade?.label?.text, 'Outstanding');
    assert.strictEqual(grade?.level?.key, 'outstanding');
  });

  it('reads an HTML-bold rating row in a table under a Markdown heading', () => {
    const report = parse(
      doc(
        '## Children\'s services rating 2009',
        '',
        '<b>Children\'s services rating</b>\t<b>Performs well (3)</b>',
        '-----------------------------------\t--------------------------',
        '',
        'Children\'s services in Rutland County Council perform well.',
      ),
      { framework: 'annual-rating-2009' },
    );
    const judgement = sectionTitled(report, "Children's services rating 2009").judgement;
    assert.strictEqual(judgement?.grade?.text, 'Performs well (3)');
    assert.strictEqual(judgement?.grade?.number?.value, 3);
    assert.strictEqual(judgement?.grade?.level?.key, 'performs-well');
    assert.strictEqual(judgement?.sentence?.term.text, 'perform well');
    // the same as a Markdown simple table, its columns apart by spaces; a sentence under a heading that ends in a
    // level is not such a row
    const simple = parseLines({ framework: 'annual-rating-2009' }, "## Children's services rating 2009", '', "Children's services rating    Performs well (3)", '-------------------------    -----------------', '', "Children's services in Rutland County Council perform well.");
    assert.strictEqual(sectionTitled(simple, "Children's services rating 2009").judgement?.grade?.text, 'Performs well (3)');
    assert.strictEqual(sectionTitled(simple, "Children's services rating 2009").judgement?.sentence?.term.text, 'perform well');
    const sentence = parseLines({ framework: 'sif' }, 'The Local Safeguarding Children Board', '', 'Its  partners  agree  that  the  board  is  good');
    assert.strictEqual(sectionTitled(sentence, 'The Local Safeguarding Children Board').judgement?.grade, null);
  });

  it('nests Markdown headings by depth and reads grades under them', () => {
    const report = parseLines(
      SLAC,
      '# Safeguarding services',
      '',
      '## Overall effectiveness',
      '',
      'Grade 3 (Adequate)',
      '',
      'The overall effectiveness of safeguarding services is adequate.',
      '',
      '## Partnership working',
      '',
      '**Grade 2 (Good)**',
      '',
      'Partnership working arrangements are good.',
    );
    const part = sectionTitled(report, 'Safeguarding services');
    assert.strictEqual(part.kind, 'part');
    assert.deepStrictEqual(part.children.map((child) => child.title), ['Overall effectiveness', 'Partnership working']);
    assert.strictEqual(sectionTitled(report, 'Partnership working').judgement?.grade?.level?.key, 'good');
    assert.strictEqual(sectionTitled(report, 'Partnership working').part?.definition?.id, 'safeguarding');
  });

  it('gives the same model for CRLF, lone CR and LF line endings', () => {
    const lf = readSeed('slac-2011-rutland');
    const describe = (text: string) => JSON.stringify(sectionsOf(parse(text)).map((s) => [s.title, s.range, s.judgement?.grade?.range]));
    assert.strictEqual(describe(lf.replace(/\n/g, '\r\n')), describe(lf));
    assert.strictEqual(describe(lf.replace(/\n/g, '\r')), describe(lf));
  });

  it('reads a file that starts with a byte order mark', () => {
    const text = '\uFEFF' + readSeed('apa-2007-rutland');
    const report = parse(text);
    assert.strictEqual(report.framework?.profile.id, 'apa-2007');
    assert.strictEqual(sectionsOf(report).filter((s) => s.judgement?.grade).length, 7);
  });

  it('joins a judgement sentence split by a PDF page break', () => {
    const report = parseLines(
      APA,
      'Staying safe',
      '',
      'Grade 2',
      '',
      'The contribution of services to improving outcomes for children and young people in this',
      '',
      '',
      '',
      'aspect is adequate. More follows here.',
    );
    const sentence = sectionTitled(report, 'Staying safe').judgement?.sentence;
    assert.strictEqual(sentence?.term.text, 'adequate');
    assert.deepStrictEqual(sentence?.term.range.start, { line: 8, character: 10 });
    assert.strictEqual(sentence?.range.start.line, 4);
  });

  it('reads a tab-separated record with group rows and a last line without a newline', () => {
    const report = parseLines(
      SLAC,
      'Record of main findings:',
      '',
      'Safeguarding services\t',
      'Overall effectiveness\tAdequate',
      'Capacity for improvement\tGood',
    );
    assert.strictEqual(report.record?.groups.length, 1);
    assert.deepStrictEqual(report.record?.rows.map((row) => [row.title.text, row.grade?.level?.key, row.part?.id]), [
      ['Overall effectiveness', 'adequate', 'safeguarding'],
      ['Capacity for improvement', 'good', 'safeguarding'],
    ]);
  });

  it('reads a record with an introductory sentence between its heading and its rows', () => {
    const report = parseLines(
      SLAC,
      'Record of main findings',
      '',
      'The table below sets out the judgements made in this inspection.',
      '',
      'Safeguarding services\t',
      'Overall effectiveness\tAdequate',
    );
    assert.deepStrictEqual(report.record?.rows.map((row) => [row.title.text, row.part?.id]), [['Overall effectiveness', 'safeguarding']]);
  });

  it('reads a record on across a stray line and a pasted paragraph, keeping the group above them (a Markdown table too)', () => {
    const report = parseLines(
      SLAC,
      'Record of main findings:',
      '',
      'Services for looked after children\t',
      'Being healthy\tOutstanding',
      '© Crown copyright 2011',
      'Staying safe\tOutstanding',
      '53. Existing arrangements for monitoring performance by the LSCB have recently been further developed by the Independent Chair.',
      'Enjoying and achieving\tGood',
    );
    assert.deepStrictEqual(report.record?.rows.map((row) => [row.title.text, row.grade?.level?.key, row.part?.id]), [
      ['Being healthy', 'outstanding', 'looked-after'],
      ['Staying safe', 'outstanding', 'looked-after'],
      ['Enjoying and achieving', 'good', 'looked-after'],
    ]);
    assert.deepStrictEqual(sectionsOf(report).filter((section) => section.judgement).map((section) => section.title), []);
    // a Markdown table goes on below a stray line too
    const markdown = parseLines(
      { framework: 'ilacs' },
      '| Overall effectiveness | Good |',
      '© Crown copyright 2011',
      '| The impact of leaders on social work practice with children and families | Good |',
    );
    assert.deepStrictEqual(markdown.record?.rows.map((row) => row.title.text), ['Overall effectiveness', 'The impact of leaders on social work practice with children and families']);
  });

  it('ends a record at the next heading: rows below it are not the record', () => {
    const report = parseLines(SLAC, 'Record of main findings', '', 'Overall effectiveness\tAdequate', '', 'Annex A: glossary', '', 'Staying safe\tOutstanding');
    assert.deepStrictEqual(report.record?.rows.map((row) => row.title.text), ['Overall effectiveness']);
  });

  it('takes the table under the record heading, not a record row pasted into the body above a grade', () => {
    const report = parseLines(
      SLAC,
      'Services for looked after children', '', 'Overall effectiveness', 'Capacity for improvement\tAdequate', 'Grade 2 (Good)', '',
      '11. The overall effectiveness of services for looked after children is good.', '',
      'Record of main findings', '', 'Services for looked after children\t', 'Overall effectiveness\tGood', 'Capacity for improvement\tGood',
    );
    assert.deepStrictEqual(report.record?.rows.map((row) => [row.title.text, row.grade?.text]), [
      ['Overall effectiveness', 'Good'],
      ['Capacity for improvement', 'Good'],
    ]);
    assert.strictEqual(report.record?.heading?.text, 'Record of main findings');
  });

  it('reads unreadable grades as grades, so that they are reported as such, and "Grade: 3" and a bare record number as grades', () => {
    const report = parseLines(APA, 'Being healthy', '', 'Grade 3.5', '', 'Staying safe', '', 'Grade: 3', '', 'Record of main findings', '', 'Being healthy\t3');
    const unreadable = sectionTitled(report, 'Being healthy').judgement?.grade;
    assert.deepStrictEqual([unreadable?.text, unreadable?.unreadable, unreadable?.level], ['Grade 3.5', true, null]);
    assert.strictEqual(sectionTitled(report, 'Staying safe').judgement?.grade?.level?.key, 'good');
    assert.deepStrictEqual([report.record?.rows[0]?.grade?.style, report.record?.rows[0]?.grade?.level?.key], ['number', 'good']);
  });

  it('reads contents copied from a PDF: one space or dot leaders before the page, never a heading ending in a number', () => {
    const report = parseLines(
      SLAC,
      'Contents', 'Services for looked after children 10', 'How good are outcomes for looked after children and care leavers? 11',
      'Being healthy 11', 'Making a positive contribution, including user engagement ....... 12', 'Annex A\u2026\u2026 14', '',
      'Services for looked after children', '', 'Being healthy', '', 'Grade 2 (Good)', '', '1. The health of looked after children is good.',
    );
    assert.deepStrictEqual(report.contents?.entries.map((entry) => [entry.title.text, entry.page]), [
      ['Services for looked after children', 10],
      ['How good are outcomes for looked after children and care leavers?', 11],
      ['Being healthy', 11],
      ['Making a positive contribution, including user engagement', 12],
      ['Annex A', 14],
    ]);
    // a lone heading that ends in a number is not a contents entry
    assert.strictEqual(parseLines(SLAC, 'Contents', 'Appendix 2', '', 'Some text follows here as a paragraph.').contents?.entries.length ?? 0, 0);
  });

  it('reads an ILACS heading whose grade a PDF broke over two lines', () => {
    const report = parseLines(
      { framework: 'ilacs' },
      'The experiences and progress of children in care and care leavers: requires', 'improvement to be good', '1. Most children live in stable homes.',
    );
    const grade = report.sections[0]?.judgement?.grade;
    assert.deepStrictEqual([report.sections[0]?.title, grade?.level?.key, grade?.range.start, grade?.range.end], [
      'The experiences and progress of children in care and care leavers',
      'requires-improvement',
      { line: 0, character: 67 },
      { line: 1, character: 22 },
    ]);
    assert.deepStrictEqual(report.sections.map((section) => section.title), ['The experiences and progress of children in care and care leavers']);
  });

  it('reads a heading and a statement a narrow column broke over three lines, alone between blank lines', () => {
    const heading = parseLines({ framework: 'ilacs' }, 'The experiences and progress of children in care', 'and care leavers: requires improvement to be', 'good', '', '1. Most children live in stable homes.');
    const grade = heading.sections[0]?.judgement?.grade;
    assert.deepStrictEqual([heading.sections.map((section) => section.title), grade?.level?.key, grade?.range.start, grade?.range.end], [
      ['The experiences and progress of children in care and care leavers'],
      'requires-improvement',
      { line: 1, character: 18 },
      { line: 2, character: 4 },
    ]);
    const statement = parseLines({ framework: 'sif' }, 'The graded judgement about the experiences and progress', 'of care leavers is that they require improvement to be', 'good', '', 'Care leavers are supported.');
    const term = statement.sections[0]?.judgement?.grade;
    assert.deepStrictEqual([statement.sections[0]?.judgement?.definition?.id, term?.level?.key, term?.range.start, term?.range.end], [
      'care-leavers',
      'requires-improvement',
      { line: 1, character: 29 },
      { line: 2, character: 4 },
    ]);
    // a third line that runs on into a paragraph is not part of the heading
    const runsOn = parseLines({ framework: 'ilacs' }, 'The experiences and progress of children in care', 'and care leavers: requires improvement to be', 'good. Most children live in stable homes.', 'They are seen often.');
    assert.deepStrictEqual(runsOn.sections.map((section) => section.title), []);
  });

  it('reads a line of control characters left by binary garbage as blank: it is not part of the heading above, and the record goes on below it', () => {
    for (const garbage of ['\u0000', '\u0001\u0007', ' \u007f ']) {
      const report = parseLines(SLAC, 'Record of main findings', garbage, 'Overall effectiveness\tAdequate', 'Capacity for improvement\tGood');
      assert.deepStrictEqual(report.record?.heading?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 23 } });
      assert.deepStrictEqual(report.record?.rows.map((row) => [row.title.text, row.grade?.level?.key]), [
        ['Overall effectiveness', 'adequate'],
        ['Capacity for improvement', 'good'],
      ]);
    }
  });

  it('reads record rows a PDF broke without tabs: a title over two lines with its grade on a line of its own', () => {
    const report = parseLines(
      SLAC,
      'Record of main findings', 'Safeguarding services', 'Quality of provision Good', 'The contribution of health agencies to keeping children and',
      'young people safe', 'Good', 'Partnership working Outstanding',
    );
    assert.deepStrictEqual(report.record?.rows.map((row) => [row.title.text, row.grade?.level?.key]), [
      ['Quality of provision', 'good'],
      ['The contribution of health agencies to keeping children and young people safe', 'good'],
      ['Partnership working', 'outstanding'],
    ]);
  });

  it('reads a summary table whose cells lost their tabs: "Judgement Grade" over wrapped rows, and numbered SIF rows', () => {
    const ilacs = parseLines(
      { framework: 'ilacs' },
      'Judgement Grade', 'The impact of leaders on social work practice with', 'children and families', 'Inadequate',
      'The experiences and progress of children in care and care', 'leavers', 'Requires improvement', 'to be good', 'Overall effectiveness Inadequate',
      '', 'Children’s services in Kelsey Vale are inadequate.',
    );
    assert.deepStrictEqual(ilacs.record?.rows.map((row) => [row.title.text, row.grade?.level?.key]), [
      ['The impact of leaders on social work practice with children and families', 'inadequate'],
      ['The experiences and progress of children in care and care leavers', 'requires-improvement'],
      ['Overall effectiveness', 'inadequate'],
    ]);
    const sif = parseLines(
      { framework: 'sif' },
      'Children\'s services in Tollerton are inadequate', '', '1. Children who need help and protection Inadequate',
      '2. Children looked after and achieving permanence Requires improvement to be good', '2.1 Adoption performance Outstanding', '',
      '1. A first paragraph of the report, numbered as the body is.',
    );
    assert.deepStrictEqual(sif.record?.rows.map((row) => [row.title.text, row.grade?.level?.key]), [
      ['Children who need help and protection', 'inadequate'],
      ['Children looked after and achieving permanence', 'requires-improvement'],
      ['Adoption performance', 'outstanding'],
    ]);
  });

  it('reads a grid table\'s row whose cells run over several lines as one row, its title and grade where they stand', () => {
    const report = parseLines(
      { framework: 'ilacs' },
      'Record of main findings', '',
      '+--------------------------+--------------------+', '| Judgement                | Grade              |', '+==========================+====================+',
      '| The experiences and      | Requires           |', '| progress of children in  | improvement to be  |', '| care and care leavers    | good               |',
      '+--------------------------+--------------------+', '| Overall effectiveness    | Good               |', '+--------------------------+--------------------+',
    );
    const rows = report.record?.rows ?? [];
    assert.deepStrictEqual(rows.map((row) => [row.title.text, row.grade?.text, row.grade?.level?.key]), [
      ['The experiences and progress of children in care and care leavers', 'Requires improvement to be good', 'requires-improvement'],
      ['Overall effectiveness', 'Good', 'good'],
    ]);
    assert.deepStrictEqual(rows[0]?.title.range, { start: { line: 5, character: 2 }, end: { line: 7, character: 23 } });
    assert.deepStrictEqual(rows[0]?.grade?.range, { start: { line: 5, character: 29 }, end: { line: 7, character: 33 } });
  });

  it('reads an HTML table\'s rows, a cell to a line as pandoc writes them or a row to a line, and its header', () => {
    const report = parseLines(
      SLAC,
      'Record of main findings:', '<table>', '<thead>', '<tr class="header">', '<th>Judgement</th>', '<th>Grade</th>', '</tr>', '</thead>', '<tbody>',
      '<tr class="odd">', '<td>Safeguarding services</td>', '<td></td>', '</tr>', '<tr class="even">', '<td>The contribution of health agencies to keeping',
      'children and young people safe</td>', '<td><strong>Good</strong></td>', '</tr>', '<tr><td>Partnership working</td><td>Outstanding</td></tr>', '</tbody>', '</table>',
    );
    assert.deepStrictEqual(report.record?.groups.map((group) => group.title.text), ['Safeguarding services']);
    assert.deepStrictEqual(report.record?.rows.map((row) => [row.title.text, row.grade?.text, row.grade?.level?.key, row.group?.title.text]), [
      ['The contribution of health agencies to keeping children and young people safe', 'Good', 'good', 'Safeguarding services'],
      ['Partnership working', 'Outstanding', 'outstanding', 'Safeguarding services'],
    ]);
    assert.deepStrictEqual(report.record?.rows[0]?.grade?.range, { start: { line: 16, character: 12 }, end: { line: 16, character: 16 } });
  });

  it('reads a record row whose grade cell runs on, so that the cell can be reported', () => {
    const report = parseLines(SLAC, 'Record of main findings', '', 'Overall effectiveness\tAdequate', `Staying safe\tGood${' good'.repeat(200)}`, 'Being healthy\tGood');
    assert.deepStrictEqual(report.record?.rows.map((row) => [row.title.text, row.grade?.level?.key ?? null]), [
      ['Overall effectiveness', 'adequate'],
      ['Staying safe', null],
      ['Being healthy', 'good'],
    ]);
  });

  it('matches a title with an inline HTML tag in it, in the body and in the record alike', () => {
    const report = parseLines(SLAC, 'Safeguarding services', '', 'Leadership a<b>nd management', '', 'Grade 3 (Adequate)', '', 'Record of main findings', '', 'Leadership <i>and</i> management\tAdequate');
    assert.strictEqual(sectionTitled(report, 'Leadership a<b>nd management').judgement?.definition?.id, 'leadership-and-management');
    assert.strictEqual(report.record?.rows[0]?.definition?.id, 'leadership-and-management');
  });

  it('reads record rows whose cells lost their tab in extraction', () => {
    const report = parseLines(SLAC, 'Record of main findings', '', 'Overall effectiveness Adequate', 'Staying safe Inadequate Grade 4');
    assert.deepStrictEqual(report.record?.rows.map((row) => [row.title.text, row.grade?.text, row.grade?.level?.key]), [
      ['Overall effectiveness', 'Adequate', 'adequate'],
      ['Staying safe', 'Inadequate Grade 4', 'inadequate'],
    ]);
  });

  it('reads a grade with a soft hyphen or a zero-width joiner inside its words where it stands in the text', () => {
    const report = parseLines(SLAC, 'Safeguarding services', '', 'Overall effectiveness', '', 'Grade 3 - Ade\u00adquate', '', '11. The overall effectiveness is ade\u200dquate.');
    const grade = sectionTitled(report, 'Overall effectiveness').judgement?.grade;
    assert.strictEqual(grade?.level?.key, 'adequate');
    assert.strictEqual(grade?.label?.text, 'Adequate');
    assert.deepStrictEqual(grade?.label?.range, { start: { line: 4, character: 10 }, end: { line: 4, character: 19 } });
    const term = sectionTitled(report, 'Overall effectiveness').judgement?.sentence?.term;
    assert.deepStrictEqual([term?.text, term?.range.start.character, term?.range.end.character], ['adequate', 33, 42]);
    const ilacs = parseLines({ framework: 'ilacs' }, 'The experiences and progress of children in care and care leavers: go\u00adod', '', 'Children in care live in stable homes.');
    const fused = sectionTitled(ilacs, 'The experiences and progress of children in care and care leavers').judgement?.grade;
    assert.deepStrictEqual([fused?.level?.key, fused?.range.start.character, fused?.range.end.character], ['good', 67, 72]);
  });

  it('takes a line that comes back on every page the same but for a number set off by a bar for a page header or footer, and nothing else', () => {
    const pages = (make: (page: number) => string, count: number) => Array.from({ length: count }, (_, page) => [make(page + 3), 'Some prose of the page.']).flat();
    assert.deepStrictEqual([...pageFurniture(pages((page) => `Ofsted | Inspection report | ${page}`, 3))], [0, 2, 4]);
    assert.deepStrictEqual([...pageFurniture(pages((page) => `${page} | Rutland County Council`, 3))], [0, 2, 4]);
    // a line above each page's number is its running header, but not when it is a grade
    assert.deepStrictEqual([...pageFurniture(['Rutland', 'Page 3 of 30', 'Text.', 'Rutland', 'Page 4 of 30'])].sort(), [0, 1, 3, 4]);
    assert.deepStrictEqual([...pageFurniture(['Grade 2 (Good)', 'Page 3 of 30', 'Text.', 'Grade 2 (Good)', 'Page 4 of 30'])], [1, 4]);
    // nor when it is a level's label, in any framework the parse may choose (SIF writes its grades as labels alone)
    const namesALevel = (line: string) => builtinFrameworks().namesALevel(line);
    for (const grade of ['Inadequate', '\tRequires improvement to be good', '**Performs well (3)**']) {
      assert.deepStrictEqual([...pageFurniture([grade, 'Page 3 of 30', 'Text.', grade.trim(), 'Page 4 of 30'], namesALevel)], [1, 4], grade);
    }
    assert.deepStrictEqual([...pageFurniture(['Rutland', 'Page 3 of 30', 'Text.', 'Rutland', 'Page 4 of 30'], namesALevel)].sort(), [0, 1, 3, 4]);
    // twice is not yet a running footer
    assert.deepStrictEqual([...pageFurniture(pages((page) => `Ofsted | Inspection report | ${page}`, 2))], []);
    // rows of a table without their outer bars, and a Markdown table's rows, each different or not
    assert.deepStrictEqual([...pageFurniture(['Overall effectiveness | 3', 'Capacity for improvement | 3', 'Quality of provision | 3'])], []);
    assert.deepStrictEqual([...pageFurniture(['| Being healthy | 3', '| Being healthy | 3', '| Being healthy | 3'])], []);
  });

  it('reads a group row typed without its tab above rows typed without theirs', () => {
    const report = parseLines({ framework: 'lac-2013' }, 'Record of main findings', '', 'Services for looked after children and young people   ', 'Overall effectiveness   Adequate', 'Capacity to improve: Good');
    assert.deepStrictEqual(report.record?.groups.map((group) => [group.title.text, group.rows.map((row) => row.title.text)]), [
      ['Services for looked after children and young people', ['Overall effectiveness', 'Capacity to improve']],
    ]);
    // a bare line with a blank line below it is not a group: "Annex 1: glossary" ends the record
    const ended = parseLines({ framework: 'lac-2013' }, 'Record of main findings', '', 'Overall effectiveness   Adequate', '', 'Annex A', '', 'Capacity to improve   Good');
    assert.deepStrictEqual(ended.record?.rows.map((row) => row.title.text), ['Overall effectiveness']);
  });

  it('reads hard-wrapped text: a line cut mid-sentence goes on below it', () => {
    // a number after a line left mid-sentence is a year, unless it is the next paragraph's (whose predecessor lost its stop)
    const years = parseLines(SLAC, '1. The working group was set up in January', '2007 and has produced a framework for implementation in March', '2008. Current commissioning is being mapped', '2. Partnership working is good and the board meets its objectives', '3. A rigorous process is in place.');
    assert.deepStrictEqual(years.paragraphs.map((paragraph) => paragraph.number), [1, 2, 3]);
    // a judgement's title at the end of a line, its sentence going on below, is not a heading
    const titleCut = parseLines({ framework: 'ilacs' }, 'Inspection of children\'s social care services', '', 'Inspection dates: 4 March 2019 to 15 March 2019', '', 'The impact of leaders on social work practice with children and families', 'requires improvement to be good. Leaders have a clear plan.');
    assert.ok(!sectionsOf(titleCut).some((section) => section.title.startsWith('The impact of leaders')));
    // an item cut short of its sentence's end goes on with a line in capitals ("the Children in Care" / "Council as part …")
    const items = parseLines(SLAC, 'Within six months:', '', '- improve the consistency of PEPs;', '- develop the role of the Children in Care', 'Council as part of planned improvements.', '- ensure the formal evaluation of placements.', 'Being healthy');
    assert.deepStrictEqual(items.actionLists.map((list) => list.groups.map((group) => group.items.map((item) => item.text))), [
      [['improve the consistency of PEPs;', 'develop the role of the Children in Care Council as part of planned improvements.', 'ensure the formal evaluation of placements.']],
    ]);
    // a paragraph number before a judgement's title, its sentence going on below, is a paragraph
    const numberedTitle = parseLines(SLAC, '47. Partnership working is good.', '48. Performance management and quality assurance', 'arrangements for safeguarding children are adequate.');
    assert.deepStrictEqual(numberedTitle.paragraphs.map((paragraph) => paragraph.number), [47, 48]);
    assert.ok(!sectionsOf(numberedTitle).some((section) => section.title.startsWith('Performance')));
    // a heading over a paragraph wrapped into short lines
    const shortLines = parseLines({ framework: 'sif' }, '- Extend the early help offer.', '', "The local authority's strengths", '', 'The adoption service is exceptionally effective. Early permanence', 'planning is embedded.');
    assert.ok(sectionsOf(shortLines).some((section) => section.title === "The local authority's strengths"));
    // an unbulleted first item over two lines, the bulleted ones below
    const firstItem = parseLines(APA, 'Areas for development', '', 'Further reduce the gap in performance between boys and', 'girls.', '', '- Consolidate the recent improvements to the Youth Service.');
    assert.deepStrictEqual(firstItem.actionLists.map((list) => list.groups.map((group) => group.items.map((item) => item.text))), [
      [['Further reduce the gap in performance between boys and girls.', 'Consolidate the recent improvements to the Youth Service.']],
    ]);
    // the introduction of a list of timescales may be wrapped too
    const intro = parseLines(SLAC, 'Areas for improvement', '', '16. In order to improve the quality of provision and services for safeguarding children and young', 'people in Rutland, the county council should take the following action.', '', 'Immediately:', '', '- ensure that partners are engaged.', '', 'Within three months:', '', '- improve the quality of assessments.');
    assert.deepStrictEqual(intro.actionLists.map((list) => list.groups.map((group) => group.items.length)), [[1, 1]]);
  });

  it('reads a judgement stated over two lines, alone between blank lines, as one heading with its grade', () => {
    const head = ['Inspection of children\'s social care services', '', 'Inspection dates: 4 March 2019 to 15 March 2019', ''];
    const report = parseLines({ framework: 'ilacs' }, ...head, 'The experiences and progress of children who need help and protection require', 'improvement to be good.', '', '1. Early help services are well regarded by partners.');
    const section = sectionTitled(report, 'The experiences and progress of children who need help and protection');
    assert.strictEqual(section.judgement?.grade?.level?.key, 'requires-improvement');
    assert.deepStrictEqual(section.judgement?.grade?.range, { start: { line: 4, character: 70 }, end: { line: 5, character: 22 } });
    assert.strictEqual(section.judgement?.grade?.text, 'require improvement to be good');
    // with more of the paragraph below, the two lines are the start of a paragraph
    const paragraph = parseLines({ framework: 'ilacs' }, ...head, 'The experiences and progress of children who need help and protection require', 'improvement to be good.', 'Children at risk of significant harm are protected.');
    assert.ok(!sectionsOf(paragraph).some((candidate) => candidate.title.startsWith('The experiences')));
  });

  it('never takes a table row for the rest of a statement broken over lines', () => {
    const report = parseLines(
      { framework: 'ilacs' },
      'The experiences and progress of children who need help and protection require', 'Record of main findings\t33', 'Overall effectiveness\tGood',
    );
    assert.deepStrictEqual(report.judgementSections.filter((section) => /Record of main findings/.test(section.title)), []);
  });

  it('reads a summary table whose rows end in a tab, under its introduction (the parse of it once never ended)', () => {
    const report = parseLines({ framework: 'sif' }, 'The judgements on areas of the service that contribute to overall effectiveness are:', '', '1. Children who need help and protection\tRequires improvement\t', '2. Children looked after and achieving permanence\tGood\t');
    assert.deepStrictEqual(report.record?.rows.map((row) => [row.title.text, row.grade?.text]), [
      ['Children who need help and protection', 'Requires improvement'],
      ['Children looked after and achieving permanence', 'Good'],
    ]);
    // a lone row read as a heading is titled without its number, as the record's rows are
    const lone = parseLines({ framework: 'sif' }, '1. Children who need help and protection\tRequires improvement to be good', '', 'Summary');
    assert.deepStrictEqual(sectionsOf(lone).map((section) => section.title), ['Children who need help and protection', 'Summary']);
    // a Markdown row keeps its pipes as cells with a tab after it
    const markdown = parseLines({ framework: 'sif' }, '| Judgement | Grade |', '|---|---|', '| Children who need help and protection | Good |\t', '| Adoption performance | Outstanding |\t');
    assert.deepStrictEqual(markdown.record?.rows.map((row) => row.grade?.text), ['Good', 'Outstanding']);
  });

  it('keeps grades it cannot place, and grades off the scale, in the model', () => {
    const report = parseLines(APA, 'Some words first.', '', 'Grade 5', '', 'Being healthy', '', 'Grade 7 (Superb)');
    assert.deepStrictEqual(report.strayGrades.map((grade) => grade.text), ['Grade 5']);
    const grade = sectionTitled(report, 'Being healthy').judgement?.grade;
    assert.strictEqual(grade?.number?.value, 7);
    assert.strictEqual(grade?.level, null);
    assert.strictEqual(grade?.label?.text, 'Superb');
  });

  it('reads the report\'s own scale table without taking its rows for grades', () => {
    const report = parse(readSeed('slac-2011-rutland'));
    assert.deepStrictEqual(report.scaleTable.map((row) => [row.number, row.label]), [
      [1, 'Outstanding'],
      [2, 'Good'],
      [3, 'Adequate'],
      [4, 'Inadequate'],
    ]);
    assert.strictEqual(report.strayGrades.length, 0);
  });
});

describe('parse: frameworks', () => {
  it('recognises an APA letter still without its title from the letter\'s own phrases', () => {
    const draft = [
      'Being healthy', '', 'Grade 3', '', 'Summary of strengths and areas for development', '', PARAGRAPH, '',
      'Staying safe', '', 'Grade 2', '', 'Summary of strengths and areas for development', '', PARAGRAPH.replace('is good', 'is adequate'),
    ];
    const report = parseLines({}, ...draft);
    assert.strictEqual(report.framework?.profile.id, 'apa-2007');
    assert.ok(report.framework?.evidence.some((why) => why.includes('summary of strengths')), report.framework?.evidence.join('; '));
  });

  it('reads the year a report is dated: its inspection or publication dates, or a letter\'s date line', () => {
    const years = ['annual-rating-2009-rutland', 'apa-2007-leicestershire', 'apa-2007-rotherham', 'apa-2007-rutland', 'slac-2011-rutland'].map((name) => parse(readSeed(name)).year);
    assert.deepStrictEqual(years, [2009, 2007, 2007, 2007, 2011]);
    assert.strictEqual(parseLines(SLAC, 'Report title', '', 'Report published: 20 March 2015 (inspected in 2014)').year, 2015);
    assert.strictEqual(parseLines(SLAC, 'A draft with no date yet', '', 'Overall effectiveness', '', 'Grade 2 (Good)').year, null);
  });

  it('takes the framework from a directive comment in the first lines', () => {
    const report = parseLines({}, '<!-- framework: slac-2011 -->', '', 'Staying safe', '', 'Grade 1');
    assert.strictEqual(report.framework?.profile.id, 'slac-2011');
    assert.strictEqual(report.framework?.source, 'directive');
    assert.strictEqual(sectionTitled(report, 'Staying safe').judgement?.grade?.level?.key, 'outstanding');
  });

  it('lets the directive win over the caller, and reads "Grade 1" by the chosen scale', () => {
    const text = doc('<!-- framework: apa-2007 -->', '', 'Staying safe', '', 'Grade 1');
    assert.strictEqual(sectionTitled(parse(text, SLAC), 'Staying safe').judgement?.grade?.level?.key, 'inadequate');
    assert.strictEqual(sectionTitled(parse(text.replace('apa-2007', 'slac-2011')), 'Staying safe').judgement?.grade?.level?.key, 'outstanding');
  });

  it('reports a directive naming an unknown framework, and falls back to detection', () => {
    const report = parse(doc('<!-- framework: slac-2099 -->', readSeed('slac-2011-rutland')));
    assert.strictEqual(report.unknownFramework?.id, 'slac-2099');
    assert.strictEqual(report.framework?.profile.id, 'slac-2011');
  });

  it('gives a generic model to a report of an unknown framework: headings and Grade N lines', () => {
    const report = parseLines(
      {},
      'Quarterly review of fostering',
      '',
      'Placement stability',
      '',
      'Grade 2',
      '',
      'Placement stability across the service has improved over the quarter and is judged to be good.',
    );
    assert.strictEqual(report.framework, null);
    const section = sectionTitled(report, 'Placement stability');
    assert.strictEqual(section.judgement?.grade?.number?.value, 2);
    assert.strictEqual(section.judgement?.grade?.level, null);
  });

  it('keeps graded headings of an unknown framework side by side, not nested one in the next', () => {
    const report = parseLines({}, 'Leadership', '', 'Grade 3', '', 'Leaders are effective.', '', 'Practice', '', 'Grade 2', '', 'Practice is good.', '', 'Outcomes Grade 2');
    assert.deepStrictEqual(report.sections.map((section) => [section.title, section.level, section.children.length]), [
      ['Leadership', 1, 0],
      ['Practice', 1, 0],
      ['Outcomes', 1, 0],
    ]);
    // an ungraded heading inside a judgement stays inside it
    const nested = parseLines({}, 'Leadership', '', 'Grade 3', '', 'Leaders are effective.', '', 'Strengths', '', 'Leaders know their services well.');
    assert.deepStrictEqual(nested.sections[0]?.children.map((section) => section.title), ['Strengths']);
  });
});

describe('parse: the judgement sentence and its evaluative term', () => {
  const termOf = (options: { framework: string }, sentence: string, grade = 'Grade 3') =>
    sectionTitled(parseLines(options, 'Enjoying and achieving', '', grade, '', sentence), 'Enjoying and achieving').judgement?.sentence?.term;

  const cases: [string, string, string | undefined][] = [
    ['adequate and improving', 'The contribution of services in this aspect is adequate and improving.', 'adequate'],
    ['improved and now outstanding', 'The contribution of services in this aspect has continued to improve and is now outstanding.', 'outstanding'],
    ['no longer inadequate', 'The service is no longer inadequate and is now adequate.', 'adequate'],
    ['not yet good', 'Provision is adequate but not yet good.', 'adequate'],
    ['good or better (other services)', 'All schools are judged good or better, and the contribution of services is adequate.', 'adequate'],
    ['requires improvement to be good', 'Provision requires improvement to be good, and the contribution overall is adequate.', 'adequate'],
    ['better than good', 'Services aim to become better than good; at present they are good.', 'good'],
    ['from good to outstanding', 'Its capacity has risen from good to outstanding.', 'outstanding'],
    ['as good as', 'It is as good as any in the region and is outstanding.', 'outstanding'],
    ['other authorities rated outstanding', 'Leaders learnt from other local authorities rated outstanding; the service is good.', 'good'],
  ];
  for (const [name, sentence, expected] of cases) {
    it(`reads "${name}" as ${expected}`, () => assert.strictEqual(termOf(APA, sentence)?.level.key, expected));
  }

  it('finds no judgement sentence when the first sentences state no level', () => {
    assert.strictEqual(termOf(APA, 'There were many visits. Managers met weekly.'), undefined);
  });

  it('reads "perform well" for the 2009 rating', () => {
    const report = parseLines({ framework: 'annual-rating-2009' }, "Children's services rating", '', 'Performs well (3)', '', "Children's services in X perform well.");
    assert.strictEqual(sectionTitled(report, "Children's services rating").judgement?.sentence?.term.level.key, 'performs-well');
  });
});

describe('a record heading wrapped over two lines', () => {
  it('holds its heading whole, and its rows are read from below the heading\'s last line', () => {
    const text = ['Safeguarding services', '', 'Overall effectiveness', '', 'Grade 3 (Adequate)', '', 'Record of main findings', '(LSCB)', '', 'Safeguarding services\t', 'Overall effectiveness\tAdequate'].join('\n');
    const { report } = lint(text, { framework: 'slac-2011' });
    assert.deepStrictEqual(report.record?.rows.map((row) => row.title.text), ['Overall effectiveness']);
    // a heading over two lines with nothing under it: the block still ends where its heading does (an Outline symbol's
    // selection must lie inside its range)
    const bare = lint('<!-- framework: slac-2011 -->\nRecord of main findings\r\n(LSCB)\n\nGrade 3', { framework: 'slac-2011' }).report;
    assert.deepStrictEqual(bare.record?.range, { start: { line: 1, character: 0 }, end: { line: 2, character: 6 } });
  });
});
