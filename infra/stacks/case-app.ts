import type { App } from 'aws-cdk-lib';
import { DataStack } from './data-stack';
import { IdentityStack } from './identity-stack';
import { ServiceStack } from './service-stack';
import { readSettings, stackNames } from './settings';
import { WebConfigStack } from './web-config-stack';
import { WebStack } from './web-stack';

/**
 * Adds one deployment of the app to a CDK app. The stacks are environment-agnostic: `cdk deploy` picks the
 * account and region from the caller's credentials, and synth needs neither. Each stack only uses those
 * before it (docs/adr/0007-hosted-sign-in.md): Data and Identity; Web (UI hosting and its app client, whose
 * callback URL is the UI's address); Service (the API, which accepts that client's tokens from that origin);
 * WebConfig (the UI's config.json, naming the API, the sign-in domain and the client).
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
  const web = new WebStack(app, names.web, {
    description: 'Compulsory drug-treatment cases: web UI and its sign-in client',
    userPool: identity.identity.userPool,
  });
  const service = new ServiceStack(app, names.service, {
    description: 'Compulsory drug-treatment cases: API, stage workflows, functions and alarms',
    table: data.data.table,
    tableKey: data.data.key,
    dataStackName: data.stackName,
    userPool: identity.identity.userPool,
    userPoolClient: web.signIn.client,
    webOrigin: web.origin,
    logLevel: settings.logLevel,
    alarmEmail: settings.alarmEmail,
  });
  const webConfig = new WebConfigStack(app, names.webConfig, {
    description: 'Compulsory drug-treatment cases: the web UI configuration (API, sign-in domain, client)',
    config: {
      apiUrl: service.api.url,
      cognitoDomain: identity.identity.signInDomain,
      clientId: web.signIn.client.userPoolClientId,
    },
    webStackName: web.stackName,
    distribution: web.web.distribution,
  });
  return { settings, data, identity, web, service, webConfig };
};
