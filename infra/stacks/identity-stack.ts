import { CfnOutput, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { CaseIdentity } from '../constructs/case-identity';

/**
 * The prefix of the stack's Cognito domain: the stack name in lower case and the last group of the stack's
 * id, a GUID fixed at creation, because prefixes are unique per region across every AWS account.
 */
const domainPrefixOf = (stack: Stack): string => {
  const name = stack.stackName.toLowerCase();
  // Cognito refuses these words in a prefix; say so at synth rather than halfway through a deploy.
  const reserved = ['aws', 'amazon', 'cognito'].find((word) => name.includes(word));
  if (reserved)
    throw new Error(
      `The stack name ${stack.stackName} cannot prefix a Cognito domain: it contains "${reserved}"`,
    );
  const stackGuid = Fn.select(2, Fn.split('/', stack.stackId));
  return `${name}-${Fn.select(4, Fn.split('-', stackGuid))}`;
};

/** The officers' user pool and its sign-in domain: stateful (users, groups, MFA secrets), so it lives apart from the service. */
export class IdentityStack extends Stack {
  readonly identity: CaseIdentity;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, { terminationProtection: true, ...props });
    this.identity = new CaseIdentity(this, 'CaseIdentity', { domainPrefix: domainPrefixOf(this) });
    new CfnOutput(this, 'UserPoolId', { value: this.identity.userPool.userPoolId });
    new CfnOutput(this, 'SignInDomain', { value: this.identity.signInDomain });
  }
}
