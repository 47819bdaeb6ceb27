import { Aws, type CfnResource, DockerImage, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { buildWebSync, webDir } from '../../web/build';

/** The file the UI reads at start (web/src/main.tsx); written by WebConfig once the API exists. */
export const webConfigFile = 'config.json';

/**
 * The UI bucket's name, derived from the web stack's name and the account (as the documents bucket's is), so
 * that the stack writing config.json names it without a cross-stack reference and its grants name one bucket.
 */
export const webBucketName = (webStackName: string, account: string = Aws.ACCOUNT_ID): string =>
  `${webStackName.toLowerCase()}-ui-${account}`;

/**
 * The web UI in AWS: a private S3 bucket read only by CloudFront (origin access control) and the built
 * assets bundled at synth time. config.json is written later by WebConfig (infra/constructs/web-config.ts);
 * this deployment neither overwrites nor prunes it.
 */
export class WebHosting extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.bucket = new s3.Bucket(this, 'Assets', {
      bucketName: webBucketName(Stack.of(this).stackName),
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
      },
      defaultRootObject: 'index.html',
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
    });

    new s3deploy.BucketDeployment(this, 'Deploy', {
      destinationBucket: this.bucket,
      distribution: this.distribution,
      sources: [
        s3deploy.Source.asset(webDir, {
          bundling: {
            image: DockerImage.fromRegistry('node:20'),
            local: {
              tryBundle(outputDir: string) {
                buildWebSync(outputDir);
                return true;
              },
            },
          },
        }),
      ],
      exclude: [webConfigFile],
    });

    const bucketArn = `<${Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnResource)}.Arn>`;
    acknowledgeBucketDeployment(Stack.of(this), `${bucketArn}/*`, 'the built UI');
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'The bucket holds only the public build of the UI; CloudFront is the only reader.',
    });
    Validations.of(this.distribution).acknowledge(
      { id: 'AwsSolutions-CFR1', reason: 'Officers may sign in from anywhere; the API checks who they are.' },
      { id: 'AwsSolutions-CFR2', reason: 'Static UI files only; the API behind Cognito serves all data.' },
      { id: 'AwsSolutions-CFR3', reason: 'Static UI files only; API access is logged by API Gateway.' },
      { id: 'AwsSolutions-CFR4', reason: 'Default CloudFront domain and certificate; TLS 1.2 is asked for.' },
    );
  }
}

/**
 * Acknowledges what cdk-nag finds in CDK's own bucket-deployment function (a singleton at stack level) that
 * copies files into the UI bucket. `bucketObjects` is the bucket's object ARN as cdk-nag prints it
 * (`<WebAssetsDD5BFD6C.Arn>/*` in the bucket's own stack).
 */
export const acknowledgeBucketDeployment = (stack: Stack, bucketObjects: string, what: string) => {
  const copying = `CDK-managed function that copies ${what} from the asset bucket into the UI bucket`;
  Validations.of(stack).acknowledge(
    { id: 'AwsSolutions-L1', reason: `${copying}; its runtime is chosen by aws-cdk-lib.` },
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: `${copying}: logging only.`,
    },
    { id: 'AwsSolutions-IAM5[Action::s3:GetBucket*]', reason: `${copying}: reads the asset.` },
    { id: 'AwsSolutions-IAM5[Action::s3:GetObject*]', reason: `${copying}: reads the asset.` },
    { id: 'AwsSolutions-IAM5[Action::s3:List*]', reason: `${copying}: lists what it replaces.` },
    { id: 'AwsSolutions-IAM5[Action::s3:Abort*]', reason: `${copying}: multipart uploads.` },
    {
      id: 'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
      reason: `${copying}: replaces its files and, when it prunes, removes stale ones.`,
    },
    {
      id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
      reason: `${copying}: the CDK asset bucket.`,
    },
    {
      id: `AwsSolutions-IAM5[Resource::${bucketObjects}]`,
      reason: `${copying}: every object of the UI bucket.`,
    },
    {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: `${copying}: CloudFront invalidation has no resource-level permission.`,
    },
  );
};
