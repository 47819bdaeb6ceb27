import { DockerImage, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { buildWebSync, webDir } from '../../web/build';

export interface WebHostingProps {
  /** What the UI reads from `/config.json` at start. */
  readonly config: { apiUrl: string; cognitoDomain?: string; clientId?: string };
}

/**
 * The web UI in AWS: a private S3 bucket read only by CloudFront (origin access control), the built
 * assets bundled at synth time, and a generated config.json beside them.
 */
export class WebHosting extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);

    this.bucket = new s3.Bucket(this, 'Assets', {
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
        s3deploy.Source.jsonData('config.json', { mode: 'aws', ...props.config }),
      ],
    });

    // CDK's own bucket-deployment function (a singleton at stack level) copies the assets in.
    const copying = 'CDK-managed function that copies the built UI from the asset bucket into this bucket';
    Validations.of(Stack.of(this)).acknowledge(
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
        reason: `${copying}: removes stale files (prune).`,
      },
      {
        id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
        reason: `${copying}: the CDK asset bucket.`,
      },
      {
        id: 'AwsSolutions-IAM5[Resource::<WebAssetsDD5BFD6C.Arn>/*]',
        reason: `${copying}: every object of the UI bucket.`,
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: `${copying}: CloudFront invalidation has no resource-level permission.`,
      },
    );
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
