/**
 * The one table design, shared by the CDK stack and the local runtime so both create the same
 * keys and indexes. Access patterns are documented in docs/data-model.md.
 */
export interface TableIndex {
  readonly indexName: string;
  readonly partitionKey: string;
  readonly sortKey: string;
}

export interface TableDesign {
  readonly partitionKey: string;
  readonly sortKey: string;
  readonly globalIndexes: readonly TableIndex[];
}

export const caseTable = {
  partitionKey: 'PK',
  sortKey: 'SK',
  globalIndexes: [
    { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    { indexName: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
    { indexName: 'GSI3', partitionKey: 'GSI3PK', sortKey: 'GSI3SK' },
  ],
} as const satisfies TableDesign;

export type CaseTableIndexName = (typeof caseTable.globalIndexes)[number]['indexName'];
