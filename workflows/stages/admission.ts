import {
  awaitAction,
  caseClosed,
  closeCase,
  DAY,
  defineStage,
  onAction,
  succeed,
  systemStep,
  unknownDecision,
} from './builder';

const exempted = closeCase('exempted');
const deceased = closeCase('deceased');
const done = succeed('Admission Stage Done');
const scheduleRelease = systemStep('scheduleRelease', {
  comment: 'Computes the release date and leaves a timer; no execution waits through the term.',
  next: done,
});

/** The term in the centre: standing tasks beside the release timer, never a wait (ADR 0002). */
const duringTheTerm = 'Standing during the term, opened by Schedule Release; no execution waits through it.';

export const admission = defineStage({
  workflow: 'admission',
  comment:
    'Stage 2: the decision is in effect; the centre admits the person (or the court postpones or exempts, or the person absconds), then the release date is set as a timer.',
  timeoutSeconds: 300 * DAY,
  steps: [
    awaitAction('admit', {
      title: 'Admission',
      alsoAllowed: ['recordPostponement', 'recordExemption', 'recordAbsconding', 'recordDeath'],
      branches: [
        onAction('admit', scheduleRelease),
        onAction('recordPostponement', 'admit'),
        onAction('recordExemption', exempted),
        onAction('recordAbsconding', 'recordFound'),
        onAction('recordDeath', deceased),
      ],
      next: unknownDecision,
    }),
    awaitAction('recordFound', {
      title: 'Person Found',
      short: 'Search',
      alsoAllowed: ['recordDeath'],
      branches: [onAction('recordDeath', deceased)],
      next: 'admit',
    }),
    scheduleRelease,
    exempted,
    deceased,
    done,
    caseClosed,
    unknownDecision,
  ],
  outside: {
    recordAbscondingInTreatment: duringTheTerm,
    recordReturnToCentre: `${duringTheTerm} Offered once the person has absconded from the centre.`,
    recordReduction: duringTheTerm,
    recordEarlyEnd: duringTheTerm,
    recordDeathInCentre: duringTheTerm,
  },
});
