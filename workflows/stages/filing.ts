import {
  awaitAction,
  caseClosed,
  choice,
  closeCase,
  DAY,
  defineStage,
  onAction,
  onInput,
  startStage,
  succeed,
  systemStep,
  unknownDecision,
} from './builder';

const deceased = closeCase('deceased');
const ineligible = closeCase('rejectedAtReview', { title: 'Ineligible' });
const notApplied = closeCase('notApplied');
const terminated = closeCase('terminated');
const done = succeed('Filing Stage Done');
const startAdmission = startStage('admission', {
  comment: 'Chains the next stage by case id, so no execution spans a long wait.',
  next: done,
});
const effective = choice('Effective Outcome', {
  variable: '$.effect.outcome',
  when: { apply: startAdmission },
  otherwise: notApplied,
});
const takeEffect = systemStep('takeEffect', {
  comment: 'The decision takes effect; the case record says whether the measure applies.',
  result: { path: '$.effect', select: ['outcome'] },
  next: effective,
});
/** The person may be reported dead at every wait of the stage. */
const death = onAction('recordDeath', deceased);
/** While the court holds the file it may ask for documents or terminate the case instead. */
const courtMayInstead = ['requestDocuments', 'terminateCase', 'recordDeath'] as const;

export const filing = defineStage({
  workflow: 'filing',
  comment:
    'Stage 1: from the compiled file (hồ sơ) through LĐTBXH review and the court to the decision taking effect. Ends well inside a year.',
  timeoutSeconds: 300 * DAY,
  steps: [
    awaitAction('submitFile', {
      title: 'File Submission',
      short: 'Submission',
      alsoAllowed: ['recordDeath'],
      branches: [death],
      next: 'review',
    }),
    awaitAction('review', {
      title: 'Review',
      outcomeName: 'Review Decision',
      alsoAllowed: ['recordDeath'],
      branches: [
        death,
        onInput('decision', 'forward', 'acceptFile'),
        onInput('decision', 'returnForSupplement', 'supplementFile'),
        onInput('decision', 'ineligible', ineligible),
      ],
      next: unknownDecision,
    }),
    awaitAction('supplementFile', {
      title: 'Supplement',
      alsoAllowed: ['recordDeath'],
      branches: [death],
      next: 'review',
    }),
    awaitAction('acceptFile', {
      title: 'Court Acceptance',
      short: 'Acceptance',
      alsoAllowed: ['recordDeath'],
      branches: [
        death,
        onInput('decision', 'accept', 'openSession'),
        onInput('decision', 'returnIncomplete', 'supplementFile'),
      ],
      next: unknownDecision,
    }),
    awaitAction('openSession', {
      title: 'Session Scheduling',
      alsoAllowed: courtMayInstead,
      branches: [
        death,
        onAction('terminateCase', terminated),
        onAction('requestDocuments', 'answerCourtRequest'),
        onAction('openSession', 'decide'),
      ],
      next: unknownDecision,
    }),
    awaitAction('decide', {
      title: 'Court Decision',
      outcomeName: 'Court Outcome',
      alsoAllowed: courtMayInstead,
      branches: [
        death,
        onAction('terminateCase', terminated),
        onAction('requestDocuments', 'answerCourtRequest'),
        onAction('decide', 'closeAppealWindow'),
      ],
      next: unknownDecision,
    }),
    awaitAction('answerCourtRequest', {
      title: 'Court Clarification',
      short: 'Clarification',
      alsoAllowed: ['recordDeath'],
      branches: [death],
      next: 'openSession',
    }),
    awaitAction('closeAppealWindow', {
      title: 'Appeal Window',
      alsoAllowed: ['recordAppeal', 'recordDeath'],
      branches: [death, onAction('recordAppeal', 'decideAppeal'), onAction('closeAppealWindow', takeEffect)],
      next: unknownDecision,
    }),
    awaitAction('decideAppeal', {
      title: 'Appeal Decision',
      outcomeName: 'Appeal Outcome',
      alsoAllowed: ['recordDeath'],
      branches: [death, onInput('outcome', 'annulled', 'openSession')],
      next: takeEffect,
    }),
    takeEffect,
    effective,
    startAdmission,
    ineligible,
    notApplied,
    terminated,
    deceased,
    done,
    caseClosed,
    unknownDecision,
  ],
  outside: {
    completeFile:
      'A draft (the new file after a relapse) is completed before any execution exists; completing it starts this stage.',
  },
});
