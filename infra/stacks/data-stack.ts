import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { CaseData } from '../constructs/case-data';

/** The stateful data of the app: the case table and its key. Protected from deletion at every level. */
export class DataStack extends Stack {
  readonly data: CaseData;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, { terminationProtection: true, ...props });
    this.data = new CaseData(this, 'CaseData');
    new CfnOutput(this, 'CaseTableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'DocumentsBucketName', { value: this.data.documents.bucketName });
  }
}
