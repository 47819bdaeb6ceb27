import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { WebHosting } from '../constructs/web-hosting';

export interface WebStackProps extends StackProps {
  readonly apiUrl: string;
  readonly clientId: string;
}

/** The web UI (S3 + CloudFront), deployed after the API so its config.json can name it. */
export class WebStack extends Stack {
  readonly web: WebHosting;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    this.web = new WebHosting(this, 'Web', { config: { apiUrl: props.apiUrl, clientId: props.clientId } });
    new CfnOutput(this, 'WebUrl', { value: `https://${this.web.distribution.distributionDomainName}` });
  }
}
