import { Stack } from 'aws-cdk-lib';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledgeBucketDeployment, webBucketName, webConfigFile } from './web-hosting';

/** What the UI reads from `/config.json` at start (web/src/api.ts `AppConfig`, AWS mode). */
export interface WebConfigValues {
  /** The HTTP API's base URL. */
  readonly apiUrl: string;
  /** The host name of Cognito managed login (`<prefix>.auth.<region>.amazoncognito.com`). */
  readonly cognitoDomain: string;
  /** The web UI's app client. */
  readonly clientId: string;
}

export interface WebConfigProps {
  readonly config: WebConfigValues;
  /** The web stack's name, which names the UI bucket (`webBucketName`). */
  readonly webStackName: string;
  /** The UI's distribution, whose cached config.json is invalidated. */
  readonly distribution: cloudfront.IDistribution;
}

/**
 * Writes config.json into the UI bucket and invalidates it in CloudFront. It comes last: the API needs the UI's
 * origin and app client, so the UI's hosting cannot wait for the API's URL, and this small step joins them. The
 * file is sent `no-cache`: a browser checks it again on each start and picks up a new API or client at once.
 */
export class WebConfig extends Construct {
  constructor(scope: Construct, id: string, props: WebConfigProps) {
    super(scope, id);

    new s3deploy.BucketDeployment(this, 'Deploy', {
      destinationBucket: s3.Bucket.fromBucketName(this, 'UiBucket', webBucketName(props.webStackName)),
      distribution: props.distribution,
      distributionPaths: [`/${webConfigFile}`],
      sources: [s3deploy.Source.jsonData(webConfigFile, { mode: 'aws', ...props.config })],
      // Only config.json is ours: the built UI beside it must stay.
      prune: false,
      cacheControl: [s3deploy.CacheControl.noCache()],
    });
    acknowledgeBucketDeployment(
      Stack.of(this),
      `arn:<AWS::Partition>:s3:::${webBucketName(props.webStackName, '<AWS::AccountId>')}/*`,
      webConfigFile,
    );
  }
}
