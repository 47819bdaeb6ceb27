import { Stack, type StackProps } from 'aws-cdk-lib';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';
import { WebConfig, type WebConfigValues } from '../constructs/web-config';

export interface WebConfigStackProps extends StackProps {
  readonly config: WebConfigValues;
  /** The web stack's name (it names the UI bucket) and its distribution. */
  readonly webStackName: string;
  readonly distribution: cloudfront.IDistribution;
}

/** The last step of a deployment: the UI's config.json, once the API, the sign-in domain and the client exist. */
export class WebConfigStack extends Stack {
  readonly webConfig: WebConfig;

  constructor(scope: Construct, id: string, props: WebConfigStackProps) {
    super(scope, id, props);
    this.webConfig = new WebConfig(this, 'WebConfig', {
      config: props.config,
      webStackName: props.webStackName,
      distribution: props.distribution,
    });
  }
}
