import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  SURVEY_QUESTION_LABELS,
  SURVEY_STEPS,
  answerDossier,
  nextStep,
  surveyChoices,
  surveyFields,
  surveySteps,
  withAnswer,
  type ChoiceStep,
  type SurveyDraft,
  type SurveyFlowSettings,
  type SurveyStep,
} from './survey-flow.ts';
import { DEFAULT_SURVEY_SETTINGS, DOSSIER_MODES } from './survey.ts';

const settings = (change: Partial<SurveyFlowSettings>): SurveyFlowSettings => ({
  ...DEFAULT_SURVEY_SETTINGS,
  ...change,
});
const all = settings({
  dossier: 'optional',
  respondentType: true,
  questions: { visits: true, agencies: true, attitude: true },
});
const ORDER = ['dossier', 'respondent', 'visits', 'agencies', 'attitude'];

/** Every unit setting the flow reads: 3 dossier modes × 2⁴ switches. */
const everySetting: SurveyFlowSettings[] = DOSSIER_MODES.flatMap((dossier) =>
  [0, 1].flatMap((r) =>
    [0, 1].flatMap((v) =>
      [0, 1].flatMap((a) =>
        [0, 1].map((t) =>
          settings({
            dossier,
            respondentType: r === 1,
            questions: { visits: v === 1, agencies: a === 1, attitude: t === 1 },
          }),
        ),
      ),
    ),
  ),
);

describe('the steps after the level', () => {
  it('keeps one order: dossier code, respondent type, visits, agencies, attitude', () => {
    expect(SURVEY_STEPS).toEqual(ORDER);
  });

  it.each([
    [undefined, []],
    [DEFAULT_SURVEY_SETTINGS, []],
    [all, ['dossier', 'respondent', 'visits', 'agencies', 'attitude']],
    [settings({ dossier: 'required' }), ['dossier']],
    [
      settings({ questions: { visits: false, agencies: true, attitude: true } }),
      ['agencies', 'attitude'],
    ],
    [
      settings({
        respondentType: true,
        questions: { visits: true, agencies: false, attitude: false },
      }),
      ['respondent', 'visits'],
    ],
  ] as const)('%j asks %j, in that order', (given, steps) => {
    expect(surveySteps(given)).toEqual(steps);
  });

  it.each(everySetting.map((s) => [s] as const))(
    '%j asks exactly what it turns on, in the one order',
    (s) => {
      const on = new Set<string>([
        ...(s.dossier === 'off' ? [] : ['dossier']),
        ...(s.respondentType ? ['respondent'] : []),
        ...Object.entries(s.questions)
          .filter(([, asked]) => asked)
          .map(([question]) => question),
      ]);
      expect(surveySteps(s)).toEqual(ORDER.filter((step) => on.has(step)));
      // A dossier code the citizen brought (the phone's QR link) is not asked again.
      expect(surveySteps(s, { dossierCode: true })).toEqual(
        ORDER.filter((step) => on.has(step) && step !== 'dossier'),
      );
      expect(surveySteps(s, { dossierCode: false })).toEqual(surveySteps(s));
    },
  );

  it('walks the steps one after the other and ends', () => {
    for (const s of everySetting) {
      const steps = surveySteps(s);
      const walked: SurveyStep[] = [];
      for (let step = nextStep(steps, null); step; step = nextStep(steps, step)) walked.push(step);
      expect(walked).toEqual(steps);
    }
    expect(nextStep([], null)).toBeNull();
    expect(nextStep(['visits'], 'dossier')).toBeNull();
  });
});

describe('the one-tap answers', () => {
  const codes = (step: ChoiceStep) => surveyChoices(step).map((c) => c.code);
  const answers = (step: ChoiceStep) => surveyChoices(step).map((c) => c.answer);

  it('offers each question’s answers in order, each writing itself into the draft', () => {
    expect(codes('respondent')).toEqual(['individual', 'organisation']);
    expect(answers('respondent')).toEqual([
      { respondentType: 'individual' },
      { respondentType: 'organisation' },
    ]);
    expect(codes('visits')).toEqual(['1', '2', '3']);
    expect(answers('visits')).toEqual([
      { answers: { visits: 1 } },
      { answers: { visits: 2 } },
      { answers: { visits: 3 } },
    ]);
    expect(codes('agencies')).toEqual(['1', '2', '3']);
    expect(answers('agencies')).toEqual([
      { answers: { agencies: 1 } },
      { answers: { agencies: 2 } },
      { answers: { agencies: 3 } },
    ]);
    expect(codes('attitude')).toEqual(['courteous', 'not_courteous', 'harassing']);
    expect(answers('attitude')).toEqual([
      { answers: { attitude: 'courteous' } },
      { answers: { attitude: 'not_courteous' } },
      { answers: { attitude: 'harassing' } },
    ]);
  });

  it('words every question and answer in Vietnamese', () => {
    for (const step of ['respondent', 'visits', 'agencies', 'attitude'] as const) {
      expect(SURVEY_QUESTION_LABELS[step].vi).not.toBe('');
      for (const choice of surveyChoices(step)) expect(choice.label.vi).not.toBe('');
    }
    expect(surveyChoices('visits').map((c) => c.label.vi)).toEqual([
      '1 lần',
      '2 lần',
      '3 lần trở lên',
    ]);
  });
});

describe('the dossier step', () => {
  const optional = { dossier: 'optional', dossierPattern: '^HS-[0-9]{4}$' } as const;
  const required = { ...optional, dossier: 'required' } as const;

  it.each([
    [optional, '', { ok: true, answer: {} }],
    [optional, '  ', { ok: true, answer: {} }],
    [required, '', { ok: false, problem: 'required' }],
    [optional, 'hs-0001', { ok: true, answer: { dossierCode: 'HS-0001' } }],
    [required, ' hs - 0001 ', { ok: true, answer: { dossierCode: 'HS-0001' } }],
    [optional, 'HS-1', { ok: false, problem: 'invalid' }],
    [required, 'X', { ok: false, problem: 'invalid' }],
    [{ ...optional, dossierPattern: '([' }, 'HS-0001', { ok: false, problem: 'invalid' }],
  ] as const)('%j takes %j as %j', (given, typed, result) => {
    expect(answerDossier(given, typed)).toEqual(result);
  });
});

describe('the draft and what it sends', () => {
  it('gathers each answer into the draft; a later answer to a question wins', () => {
    let draft: SurveyDraft = {};
    draft = withAnswer(draft, { dossierCode: 'HS-0001' });
    draft = withAnswer(draft, {});
    draft = withAnswer(draft, { respondentType: 'individual' });
    draft = withAnswer(draft, { answers: { visits: 2 } });
    draft = withAnswer(draft, { answers: { attitude: 'courteous' } });
    draft = withAnswer(draft, { answers: { visits: 3 } });
    expect(surveyFields(draft)).toEqual({
      dossierCode: 'HS-0001',
      respondentType: 'individual',
      answers: { visits: 3, attitude: 'courteous' },
    });
  });

  it('sends only what was answered', () => {
    expect(surveyFields({})).toEqual({});
    expect(surveyFields(withAnswer({}, {}))).toEqual({});
    expect(surveyFields({ answers: { visits: undefined } })).toEqual({});
    expect(
      surveyFields({
        dossierCode: 'HS-0001',
        respondentType: 'organisation',
        answers: { visits: 2, agencies: undefined, attitude: 'courteous' },
      }),
    ).toEqual({
      dossierCode: 'HS-0001',
      respondentType: 'organisation',
      answers: { visits: 2, attitude: 'courteous' },
    });
  });

  it('sends, for any walk through any setting, the choice tapped at each step', () => {
    const walk = fc
      .constantFrom(...everySetting)
      .chain((s) =>
        fc.tuple(
          fc.constant(s),
          fc.tuple(...surveySteps(s).map(() => fc.option(fc.nat(2), { nil: null }))),
        ),
      );
    fc.assert(
      fc.property(walk, ([s, picks]) => {
        const steps = surveySteps(s);
        let draft: SurveyDraft = {};
        const expected: Record<string, unknown> = {};
        const answers: Record<string, unknown> = {};
        steps.forEach((step, i) => {
          const pick = picks[i] ?? null;
          if (step === 'dossier') {
            const typed = pick === null ? '' : `HS-000${pick}`;
            const result = answerDossier({ ...s, dossierPattern: '^HS-[0-9]{4}$' }, typed);
            if (result.ok) draft = withAnswer(draft, result.answer);
            if (pick !== null) expected.dossierCode = typed;
            return;
          }
          const choices = surveyChoices(step);
          const choice = pick === null ? null : choices[pick % choices.length]!;
          draft = withAnswer(draft, choice?.answer ?? {});
          if (!choice) return;
          if (step === 'respondent') expected.respondentType = choice.code;
          else answers[step] = step === 'attitude' ? choice.code : Number(choice.code);
        });
        if (Object.keys(answers).length > 0) expected.answers = answers;
        expect(surveyFields(draft)).toEqual(expected);
      }),
    );
  });
});
