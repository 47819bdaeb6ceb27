import type { App } from 'aws-cdk-lib';
import { DataStack } from './data-stack';
import { IdentityStack } from './identity-stack';
import { ServiceStack } from './service-stack';
import { readSettings, stackNames } from './settings';
import { WebStack } from './web-stack';

/**
 * Adds one deployment of the app (its three stacks) to a CDK app. The stacks are environment-agnostic:
 * `cdk deploy` picks the account and region from the caller's credentials, and synth needs neither.
 */
export const addCaseStacks = (app: App) => {
  const settings = readSettings(app);
  const names = stackNames(settings);
  const data = new DataStack(app, names.data, {
    description: 'Compulsory drug-treatment cases: table and encryption key',
  });
  const identity = new IdentityStack(app, names.identity, {
    description: 'Compulsory drug-treatment cases: officer sign-in',
  });
  const service = new ServiceStack(app, names.service, {
    description: 'Compulsory drug-treatment cases: API, stage workflows, functions and alarms',
    table: data.data.table,
    tableKey: data.data.key,
    dataStackName: data.stackName,
    userPool: identity.identity.userPool,
    userPoolClient: identity.identity.webClient,
    logLevel: settings.logLevel,
    alarmEmail: settings.alarmEmail,
  });
  const web = new WebStack(app, names.web, {
    description: 'Compulsory drug-treatment cases: web UI',
    apiUrl: service.api.url,
    clientId: identity.identity.webClient.userPoolClientId,
  });
  return { settings, data, identity, service, web };
};
