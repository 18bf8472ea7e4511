import * as assert from 'assert';
import { builtinFrameworks, describeProblems, FrameworkRegistry, parse, validateFramework } from '../../server/src/core';
import { fosteringReview } from '../helpers/frameworks';
import { doc, sectionTitled } from '../helpers/model';

function problemsOf(input: unknown): string[] {
  const result = validateFramework(input);
  assert.strictEqual(result.ok, false, 'expected the profile to be rejected');
  return result.ok ? [] : describeProblems(result.problems);
}

describe('framework profiles are data, validated with zod', () => {
  it('ships the three seed frameworks, each valid', () => {
    const ids = builtinFrameworks().ids();
    for (const id of ['apa-2007', 'annual-rating-2009', 'slac-2011']) assert.ok(ids.includes(id), `${id} missing from ${ids}`);
  });

  it('records which way each scale runs', () => {
    const registry = builtinFrameworks();
    assert.strictEqual(registry.get('apa-2007')?.scale.direction, 'higher-is-better');
    assert.strictEqual(registry.get('annual-rating-2009')?.scale.direction, 'higher-is-better');
    assert.strictEqual(registry.get('slac-2011')?.scale.direction, 'lower-is-better');
    assert.strictEqual(registry.get('slac-2011')?.scale.levels[0]?.number, 1);
    assert.strictEqual(registry.get('apa-2007')?.scale.levels[0]?.number, 4);
  });

  it('accepts a well-formed custom framework and the parser uses it', () => {
    const result = validateFramework(fosteringReview());
    assert.ok(result.ok, result.ok ? '' : describeProblems(result.problems).join('\n'));
    const registry = builtinFrameworks().with([result.profile]);
    const report = parse(doc('Fostering review 2025', '', 'Placements', '', 'Grade 2 (Sound)', '', 'Placements are sound overall.'), { registry });
    assert.strictEqual(report.framework?.profile.id, 'fostering-review');
    const judgement = sectionTitled(report, 'Placements').judgement;
    assert.strictEqual(judgement?.grade?.level?.key, 'sound');
    assert.strictEqual(judgement?.sentence?.term.level.key, 'sound');
  });

  const broken: [string, (profile: any) => void, RegExp][] = [
    ['a missing name', (p) => delete p.name, /^name: /],
    ['an empty scale', (p) => (p.scale.levels = []), /^scale\.levels: a grade scale needs at least two levels/],
    ['numbers running the wrong way', (p) => (p.scale.levels[1].number = 5), /^scale\.levels\[1\]\.number: .*must be lower than 3/],
    ['a level without prose terms', (p) => (p.scale.levels[0].terms = []), /^scale\.levels\[0\]\.terms: needs at least one/],
    ['a duplicate level key', (p) => (p.scale.levels[1].key = 'strong'), /^scale\.levels\[1\]\.key: duplicate level key "strong"/],
    ['a misspelt field', (p) => (p.scale.levels[0].lable = 'x'), /^scale\.levels\[0\]: unknown field "lable"/],
    ['a judgement in an unknown part', (p) => (p.judgements[0].parts = ['fostering']), /^judgements\[0\]\.parts\[0\]: unknown part "fostering"/],
    ['a preferred style not listed', (p) => (p.notation.preferred = 'label'), /^notation\.preferred: must be one of the styles/],
    ['a bad id', (p) => (p.id = 'Fostering Review'), /^id: must be lower-case/],
    ['a number where the direction says labels only', (p) => (p.scale.direction = 'labels-only'), /^scale\.levels\[0\]\.number: a "labels-only" scale has no numbers/],
  ];
  for (const [name, breakIt, message] of broken) {
    it(`rejects ${name}, naming the field`, () => {
      const profile = fosteringReview();
      breakIt(profile);
      const problems = problemsOf(profile);
      assert.ok(problems.some((problem) => message.test(problem)), `no problem matching ${message} in:\n${problems.join('\n')}`);
    });
  }

  it('rejects something that is not an object at all', () => {
    assert.ok(problemsOf(42).length > 0);
    assert.ok(problemsOf(null).length > 0);
  });

  it('lets a workspace framework replace a built-in one with the same id', () => {
    const registry = new FrameworkRegistry(builtinFrameworks().all());
    const custom = validateFramework({ ...fosteringReview(), id: 'apa-2007' });
    assert.ok(custom.ok);
    assert.strictEqual(registry.with([custom.profile]).get('apa-2007')?.name, 'Fostering review');
  });
});
