import type { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { readSettings, stackNames } from '#infra/stacks/settings';

const appWithContext = (context: Record<string, unknown>) =>
  ({ node: { tryGetContext: (key: string) => context[key] } }) as unknown as App;

describe('readSettings', () => {
  it('deploys dev at INFO level when the context says nothing', () => {
    expect(readSettings(appWithContext({}))).toEqual({ deployment: 'dev', logLevel: 'INFO' });
  });

  it('names the stacks of a deployment after it', () => {
    const settings = readSettings(appWithContext({ deployment: 'prod' }));
    expect(stackNames(settings)).toEqual({
      data: 'CompulsoryTreatment-prod-Data',
      identity: 'CompulsoryTreatment-prod-Identity',
      service: 'CompulsoryTreatment-prod-Service',
      web: 'CompulsoryTreatment-prod-Web',
      webConfig: 'CompulsoryTreatment-prod-WebConfig',
    });
  });

  it('stops the synth with a message naming the bad setting', () => {
    expect(() => readSettings(appWithContext({ deployment: 'Prod_1' }))).toThrow(/deployment/);
    expect(() => readSettings(appWithContext({ alarmEmail: 'ops' }))).toThrow(/alarmEmail/);
  });
});
