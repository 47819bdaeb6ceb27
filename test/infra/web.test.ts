import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCaseApp } from './case-app';

describe('the web UI hosting', () => {
  let template: Template;

  beforeAll(() => {
    template = Template.fromStack(buildCaseApp().web);
  });

  it('keeps the assets bucket private and encrypted, readable only through CloudFront', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
    });
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    const policies = Object.values(template.findResources('AWS::S3::BucketPolicy'));
    const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
    expect(statements.some((s) => s.Principal?.Service === 'cloudfront.amazonaws.com')).toBe(true);
  });

  it('serves index.html over HTTPS only', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: {
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: { ViewerProtocolPolicy: 'redirect-to-https' },
      },
    });
  });

  it('deploys the built assets with a generated config.json', () => {
    const deployments = template.findResources('Custom::CDKBucketDeployment');
    const [deployment] = Object.values(deployments);
    // Two sources: the UI bundled at synth time and the generated config.json (API URL, client id).
    expect(deployment?.Properties.SourceObjectKeys).toHaveLength(2);
    expect(JSON.stringify(deployment?.Properties.SourceMarkers)).toContain('HttpApi');
  });
});
