import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { caseFileSchema } from '#shared/domain/case-file';
import { pipelineActions } from '#shared/pipeline/actions/index';

type Json = {
  properties?: Record<string, Json>;
  items?: Json;
  enum?: unknown[];
  description?: string;
  'x-enum-labels'?: Record<string, string>;
};

/** Every field without a Vietnamese label, and every choice without one, in a schema the UI builds a form from. */
function unlabelled(schema: Json, path: string): string[] {
  const found: string[] = [];
  for (const [key, sub] of Object.entries(schema.properties ?? {})) {
    if (!sub.description) found.push(`${path}.${key}`);
    found.push(...unlabelled(sub, `${path}.${key}`));
  }
  if (schema.items) found.push(...unlabelled(schema.items, `${path}[]`));
  for (const value of schema.enum ?? []) {
    if (!schema['x-enum-labels']?.[String(value)]) found.push(`${path} = ${String(value)}`);
  }
  return found;
}

const formSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;

describe('the forms the web UI builds from the API schemas', () => {
  it('name every field of the case file in Vietnamese, and label every choice', () => {
    expect(unlabelled(formSchema(caseFileSchema), 'file')).toEqual([]);
  });

  it.each(Object.keys(pipelineActions))('name every field of %s and label every choice', (action) => {
    const input = pipelineActions[action as keyof typeof pipelineActions].input;
    expect(unlabelled(formSchema(input), action)).toEqual([]);
  });

  it('publish the labels beside the values a request must send', () => {
    const gender = formSchema(caseFileSchema).properties?.person?.properties?.gender;
    expect(gender?.enum).toEqual(['male', 'female']);
    expect(gender?.['x-enum-labels']).toEqual({ male: 'Nam', female: 'Nữ' });
  });
});
