import { Duration } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { unitAttribute } from './case-identity';

export interface WebSignInProps {
  readonly userPool: cognito.IUserPool;
  /** The UI's https origin (`https://d111.cloudfront.net`): Cognito sends the officer back to `<origin>/`. */
  readonly webOrigin: string;
}

/**
 * The web UI's app client: Cognito managed login with the authorization-code grant and PKCE (web/src/auth.ts).
 * A public client (no secret: the UI runs in the browser), so PKCE is what ties a code to the page that asked
 * for it. Scopes openid/profile/email give an ID token with the groups and `custom:unit`, which the API reads.
 */
export class WebSignIn extends Construct {
  readonly client: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: WebSignInProps) {
    super(scope, id);

    const returnUrl = `${props.webOrigin}/`;
    this.client = new cognito.UserPoolClient(this, 'Client', {
      userPool: props.userPool,
      // The password step of managed login runs SRP; the refresh-token grant renews the session.
      authFlows: { userSrp: true },
      generateSecret: false,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.PROFILE, cognito.OAuthScope.EMAIL],
        callbackUrls: [returnUrl],
        logoutUrls: [returnUrl],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.minutes(30),
      idTokenValidity: Duration.minutes(30),
      refreshTokenValidity: Duration.hours(12),
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(unitAttribute),
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true }),
    });

    // Managed login (version 2) shows a client's pages only once the client has a style; Cognito's own.
    new cognito.CfnManagedLoginBranding(this, 'LoginStyle', {
      userPoolId: props.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });
  }
}
