import { caseClosed, choice, closeCase, DAY, defineStage, systemStep } from './builder';

const openRelapseFile = systemStep('openRelapseFile', {
  comment:
    'A relapse is ground (d) for a new file (PCMT-2021 Art. 32(4)): open it, linked to the closed case, for the police to complete.',
  next: caseClosed,
});
const relapsed = closeCase('relapsed', { next: openRelapseFile });
const completed = closeCase('completed');

export const supervisionEnd = defineStage({
  workflow: 'supervisionEnd',
  comment: 'Stage 4: started by the end-of-supervision timer or by a recorded relapse; closes the case.',
  timeoutSeconds: DAY,
  steps: [
    choice('Supervision Outcome', { variable: '$.outcome', when: { relapsed }, otherwise: completed }),
    relapsed,
    completed,
    caseClosed,
    openRelapseFile,
  ],
});
