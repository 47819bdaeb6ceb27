import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { WebHosting } from '../constructs/web-hosting';
import { WebSignIn } from '../constructs/web-sign-in';

export interface WebStackProps extends StackProps {
  readonly userPool: cognito.IUserPool;
}

/**
 * The web UI (S3 + CloudFront) and its app client, whose callback URL is the distribution's address. It comes
 * before the API, which accepts that client's tokens from that origin; its config.json comes after both
 * (WebConfigStack). See docs/adr/0007-hosted-sign-in.md.
 */
export class WebStack extends Stack {
  readonly web: WebHosting;
  readonly signIn: WebSignIn;
  /** `https://<distribution domain>`, without a trailing slash. */
  readonly origin: string;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    this.web = new WebHosting(this, 'Web');
    this.origin = `https://${this.web.distribution.distributionDomainName}`;
    this.signIn = new WebSignIn(this, 'SignIn', { userPool: props.userPool, webOrigin: this.origin });
    new CfnOutput(this, 'WebUrl', { value: `${this.origin}/` });
    new CfnOutput(this, 'WebClientId', { value: this.signIn.client.userPoolClientId });
  }
}
