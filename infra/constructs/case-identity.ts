import { Duration, Fn, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { roleLabels, roles } from '#shared/domain/roles';

/** The custom attribute that ties an officer to their unit; tokens carry it as `custom:unit`. */
export const unitAttribute = 'unit';

export interface CaseIdentityProps {
  /**
   * The prefix of the Cognito domain that serves managed login (`<prefix>.auth.<region>.amazoncognito.com`).
   * Unique per region across all AWS accounts; lower-case letters, digits and hyphens.
   */
  readonly domainPrefix: string;
}

/**
 * Who may sign in: officers only (no self sign-up), with MFA, a strong password policy and Cognito threat
 * protection. One group per role (`cognito:groups` in the token) and the `unit` attribute, which only an
 * administrator can change: app clients may read it but not write it. Officers sign in on Cognito's managed
 * login pages at the pool's domain; the web UI's app client lives with the UI (infra/constructs/web-sign-in.ts),
 * because its callback URL is the UI's CloudFront address.
 */
export class CaseIdentity extends Construct {
  readonly userPool: cognito.UserPool;
  readonly domain: cognito.UserPoolDomain;

  constructor(scope: Construct, id: string, props: CaseIdentityProps) {
    super(scope, id);

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      customAttributes: {
        [unitAttribute]: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
      },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    roles.forEach((role, precedence) => {
      new cognito.UserPoolGroup(this, `${role.charAt(0).toUpperCase()}${role.slice(1)}Group`, {
        userPool: this.userPool,
        groupName: role,
        description: roleLabels[role],
        precedence,
      });
    });

    this.domain = this.userPool.addDomain('SignInDomain', {
      cognitoDomain: { domainPrefix: props.domainPrefix },
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
  }

  /** The host name of the managed login pages and the OAuth endpoints (`/oauth2/authorize`, `/logout`…). */
  get signInDomain(): string {
    return Fn.parseDomainName(this.domain.baseUrl());
  }
}
