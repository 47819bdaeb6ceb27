import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { CaseIdentity } from '../constructs/case-identity';

/** The officers' user pool: stateful (users, groups, MFA secrets), so it lives apart from the service. */
export class IdentityStack extends Stack {
  readonly identity: CaseIdentity;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, { terminationProtection: true, ...props });
    this.identity = new CaseIdentity(this, 'CaseIdentity');
    new CfnOutput(this, 'UserPoolId', { value: this.identity.userPool.userPoolId });
    new CfnOutput(this, 'WebClientId', { value: this.identity.webClient.userPoolClientId });
  }
}
