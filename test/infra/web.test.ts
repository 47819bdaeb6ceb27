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

  it('deploys the built assets; config.json comes later, from the configuration stack (sign-in.test.ts)', () => {
    const deployments = template.findResources('Custom::CDKBucketDeployment');
    const [deployment] = Object.values(deployments);
    expect(deployment?.Properties.SourceObjectKeys).toHaveLength(1);
    expect(deployment?.Properties.Exclude).toEqual(['config.json']);
  });
});
