import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod';
import type { Page } from '../domain/ports';
import { ruleViolation } from '../domain/validation';
import { StoredItemInvalidError } from '../errors';
import { withoutKeys } from './keys';

/**
 * One kind of item of the table, as read back: its table attributes (keys, index keys, `entity`)
 * are dropped and the rest is parsed by the family's schema, so a store returns what it checked,
 * never what it cast. The schemas keep attributes they do not name, as written.
 */
export interface ItemFamily<T> {
  readonly entity: string;
  read(item: Record<string, unknown>): T;
}

export function itemFamily<T>(entity: string, schema: z.ZodType<T>): ItemFamily<T> {
  return {
    entity,
    read(item) {
      const parsed = schema.safeParse(withoutKeys(item));
      if (parsed.success) return parsed.data;
      const paths = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(item)'} (${issue.code})`);
      throw new StoredItemInvalidError(entity, item.PK, paths, { cause: parsed.error });
    },
  };
}

export type Query = Omit<QueryCommandInput, 'TableName'>;

/** The case table as the stores use it: its client, its name, and item reads through a family. */
export class CaseTable {
  constructor(
    readonly client: DynamoDBDocumentClient,
    readonly name: string,
  ) {}

  async get<T>(
    family: ItemFamily<T>,
    Key: Record<string, string>,
    consistent = false,
  ): Promise<T | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.name, Key, ...(consistent && { ConsistentRead: true }) }),
    );
    return Item ? family.read(Item) : undefined;
  }

  /** One Query call (its own Limit, if any): the raw items. */
  async query(input: Query): Promise<Record<string, unknown>[]> {
    const { Items = [] } = await this.client.send(new QueryCommand({ TableName: this.name, ...input }));
    return Items;
  }

  /** Every page of a Query: the raw items. */
  async queryAll(input: Query): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const result: QueryCommandOutput = await this.client.send(
        new QueryCommand({ TableName: this.name, ...input, ExclusiveStartKey: start }),
      );
      items.push(...(result.Items ?? []));
      start = result.LastEvaluatedKey;
    } while (start);
    return items;
  }

  /** One page of a Query; the cursor is the base64url of its LastEvaluatedKey. */
  async page<T>(
    family: ItemFamily<T>,
    input: Query,
    query: { limit: number; cursor?: string },
  ): Promise<Page<T>> {
    const { Items = [], LastEvaluatedKey } = await this.client.send(
      new QueryCommand({
        TableName: this.name,
        ...input,
        Limit: query.limit,
        ExclusiveStartKey: decodeCursor(query.cursor),
      }),
    );
    return {
      items: Items.map((item) => family.read(item)),
      cursor: LastEvaluatedKey
        ? Buffer.from(JSON.stringify(LastEvaluatedKey)).toString('base64url')
        : undefined,
    };
  }
}

function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (key && typeof key === 'object' && typeof key.PK === 'string') return key;
  } catch {
    // fall through to the error below
  }
  throw ruleViolation('cursor', 'không hợp lệ: hãy dùng đúng giá trị cursor do trang trước trả về');
}
