import type { App } from 'aws-cdk-lib';
import * as z from 'zod';

/** The name every stack and resource name starts with, so deployments in one account are easy to tell apart. */
export const appPrefix = 'CompulsoryTreatment';

const settingsSchema = z.object({
  deployment: z
    .string()
    .regex(
      /^[a-z][a-z0-9]{1,11}$/,
      'use 2–12 lower-case letters or digits, starting with a letter (e.g. dev, prod)',
    )
    .default('dev'),
  logLevel: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
  alarmEmail: z.email('must be an e-mail address').optional(),
});

/** What may differ between deployments of the app (dev, staging, prod): read once, from CDK context. */
export type DeploymentSettings = z.infer<typeof settingsSchema>;

/**
 * Reads the deployment settings from CDK context (`cdk.json` or `cdk synth -c deployment=prod`) and fails
 * the synth at once, with a message that says what to fix, when one is wrong.
 */
export const readSettings = (app: App): DeploymentSettings => {
  const context = (key: keyof DeploymentSettings): unknown => app.node.tryGetContext(key) ?? undefined;
  const parsed = settingsSchema.safeParse({
    deployment: context('deployment'),
    logLevel: context('logLevel'),
    alarmEmail: context('alarmEmail'),
  });
  if (!parsed.success) throw new Error(`Invalid CDK context:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
};

/** The stack names of one deployment, e.g. `CompulsoryTreatment-prod-Data`. */
export const stackNames = (settings: DeploymentSettings) => {
  const prefix = `${appPrefix}-${settings.deployment}`;
  return {
    data: `${prefix}-Data`,
    identity: `${prefix}-Identity`,
    service: `${prefix}-Service`,
    web: `${prefix}-Web`,
    webConfig: `${prefix}-WebConfig`,
  } as const;
};
