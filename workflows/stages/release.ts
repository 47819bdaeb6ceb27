import { awaitAction, DAY, defineStage, succeed, systemStep } from './builder';

const done = succeed('Release Stage Done');
const beginSupervision = systemStep('beginSupervision', {
  comment: 'Opens post-treatment management (PCMT-2021 Art. 40) with an end-of-period timer.',
  next: done,
});

export const release = defineStage({
  workflow: 'release',
  comment:
    'Stage 3: started by the release timer; the centre releases the person, and post-treatment supervision begins on a timer.',
  timeoutSeconds: 120 * DAY,
  steps: [awaitAction('release', { title: 'Release', next: beginSupervision }), beginSupervision, done],
  outside: {
    recordRelapse:
      'Standing through supervision, opened by Begin Supervision beside the end-of-period timer; recording it starts the supervision-end stage.',
    recordDeathUnderSupervision: 'Standing through supervision, opened by Begin Supervision.',
  },
});
