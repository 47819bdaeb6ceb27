import { Aws, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct, type IConstruct } from 'constructs';
import { caseTable } from '#shared/db/table';
import type { DocumentAccess, TableAccess } from './api-routes';

export interface CaseDataProps {
  /**
   * The alias of the table's KMS key.
   * @default `alias/<stack name>/case-data`
   */
  readonly keyAlias?: string;
  /**
   * How long an issued document cannot be deleted or overwritten by anyone (Object Lock, compliance mode).
   * @default 20 years
   */
  readonly documentRetention?: Duration;
}

/**
 * The documents bucket's name, derived from the data stack's name and the account, so that the service
 * stack names it without a cross-stack reference (and its grants name one bucket).
 */
export const documentsBucketName = (dataStackName: string, account: string = Aws.ACCOUNT_ID): string =>
  `${dataStackName.toLowerCase()}-documents-${account}`;

/**
 * The case table (single-table design of `shared/db/table.ts`) and the customer-managed KMS key that
 * encrypts it. Both outlive the stack: the records are the lasting legal history of each case.
 */
export class CaseData extends Construct {
  readonly key: kms.Key;
  readonly table: dynamodb.Table;
  /** Issued PDFs by SHA-256: written once, locked in compliance mode. */
  readonly documents: s3.Bucket;

  constructor(scope: Construct, id: string, props: CaseDataProps = {}) {
    super(scope, id);

    this.key = new kms.Key(this, 'Key', {
      description: 'Encrypts the case table: case files hold health and addiction data.',
      alias: props.keyAlias ?? `alias/${Stack.of(this).stackName}/case-data`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const attribute = (name: string): dynamodb.Attribute => ({ name, type: dynamodb.AttributeType.STRING });
    this.table = new dynamodb.Table(this, 'CaseTable', {
      partitionKey: attribute(caseTable.partitionKey),
      sortKey: attribute(caseTable.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of caseTable.globalIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        sortKey: attribute(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }

    const accessLogs = new s3.Bucket(this, 'DocumentAccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(3650) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket of the documents bucket; logging it would loop.',
    });
    this.documents = new s3.Bucket(this, 'Documents', {
      bucketName: documentsBucketName(Stack.of(this).stackName),
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      objectLockEnabled: true,
      objectLockDefaultRetention: s3.ObjectLockRetention.compliance(
        props.documentRetention ?? Duration.days(20 * 365),
      ),
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'documents/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}

/**
 * Grants a role access to the documents bucket: objects under `documents/` only, PutObject for issuing
 * and GetObject for reading; never delete. The KMS key encrypts the objects.
 */
export const grantDocumentAccess = (
  role: iam.IRole & IConstruct,
  bucketName: { name: string; asNagShowsIt: string },
  key: kms.IKey,
  access: DocumentAccess,
): void => {
  if (access === 'none' || access === 'render') return;
  const actions = access === 'issue' ? ['s3:PutObject'] : ['s3:GetObject', 's3:PutObject'];
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions,
      resources: [`arn:${Aws.PARTITION}:s3:::${bucketName.name}/documents/*`],
    }),
  );
  key.grantEncryptDecrypt(role);
  const kmsReason = 'S3 needs the KMS data-key actions on the bucket key.';
  Validations.of(role).acknowledge(
    {
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${bucketName.asNagShowsIt}/documents/*]`,
      reason: 'Issued PDFs are objects named by their hash under documents/; the grant is that prefix.',
    },
    { id: 'AwsSolutions-IAM5[Action::kms:ReEncrypt*]', reason: kmsReason },
    { id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]', reason: kmsReason },
  );
};
const readActions = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
];
const writeActions = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

/**
 * Grants a role access to the case table, naming the table and each index rather than `index/*`, and the
 * KMS actions DynamoDB needs on the table's key. No access includes Scan.
 */
export const grantTableAccess = (
  role: iam.IRole & IConstruct,
  table: dynamodb.ITable,
  key: kms.IKey,
  access: TableAccess,
): void => {
  if (access === 'none') return;
  if (access === 'describe') {
    // The table's status, no items: needs no key, since nothing is decrypted.
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['dynamodb:DescribeTable'], resources: [table.tableArn] }),
    );
    return;
  }
  const indexArns = caseTable.globalIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`);
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({ actions: readActions, resources: [table.tableArn, ...indexArns] }),
  );
  if (access === 'read') {
    key.grantDecrypt(role);
    return;
  }
  if (access === 'readAndRecordReads') {
    // Appending to the read log needs PutItem and nothing else: no update, no delete.
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['dynamodb:PutItem'], resources: [table.tableArn] }),
    );
    key.grantEncryptDecrypt(role);
    Validations.of(role).acknowledge(
      {
        id: 'AwsSolutions-IAM5[Action::kms:ReEncrypt*]',
        reason: 'DynamoDB needs the KMS data-key actions on the table key.',
      },
      {
        id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
        reason: 'DynamoDB needs the KMS data-key actions on the table key.',
      },
    );
    return;
  }
  role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: writeActions, resources: [table.tableArn] }));
  key.grantEncryptDecrypt(role);
  const reason =
    'DynamoDB needs the wildcard KMS data-key actions on the table key; the grant names that one key.';
  Validations.of(role).acknowledge(
    { id: 'AwsSolutions-IAM5[Action::kms:ReEncrypt*]', reason },
    { id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]', reason },
  );
};
