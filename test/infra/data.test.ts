import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, it } from 'vitest';
import { caseTable } from '#shared/db/table';
import { buildCaseApp, logicalIdOf } from './case-app';

describe('DataStack', () => {
  let template: Template;
  let keyLogicalId: string;

  beforeAll(() => {
    const { data } = buildCaseApp();
    template = Template.fromStack(data);
    keyLogicalId = logicalIdOf(data.data.key);
  });

  it('keys the case table and its global indexes exactly as shared/db/table.ts designs them', () => {
    const keyNames = [
      caseTable.partitionKey,
      caseTable.sortKey,
      ...caseTable.globalIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
    ];
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: caseTable.partitionKey, KeyType: 'HASH' },
        { AttributeName: caseTable.sortKey, KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayWith(
        keyNames.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      ),
      GlobalSecondaryIndexes: caseTable.globalIndexes.map((index) =>
        Match.objectLike({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
        }),
      ),
    });
  });

  it('bills on demand and keeps point-in-time recovery on', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
  });

  it('encrypts the table with its own rotating KMS key', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: {
        SSEEnabled: true,
        SSEType: 'KMS',
        KMSMasterKeyId: { 'Fn::GetAtt': [keyLogicalId, 'Arn'] },
      },
    });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('survives a stack deletion: deletion protection on, table and key retained', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
  });

  it('keeps issued documents in a bucket no one can rewrite: Object Lock in compliance mode, versioned, private', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 20 * 365 } },
      },
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({
            ServerSideEncryptionByDefault: {
              SSEAlgorithm: 'aws:kms',
              KMSMasterKeyID: { 'Fn::GetAtt': [keyLogicalId, 'Arn'] },
            },
          }),
        ],
      },
    });
    template.hasResource('AWS::S3::Bucket', {
      Properties: Match.objectLike({ ObjectLockEnabled: true }),
      DeletionPolicy: 'Retain',
    });
  });
});
