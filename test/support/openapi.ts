import { Ajv2020 } from 'ajv/dist/2020.js';

/** Ajv over the whole document (`openapi#/…` names any schema in it), with the formats our schemas use. */
export function documentValidator(document: object): Ajv2020 {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    formats: { binary: true, date: /^\d{4}-\d{2}-\d{2}$/, 'commune-id': true },
  });
  ajv.addSchema(document, 'openapi');
  return ajv;
}

/**
 * Checks answers against an OpenAPI document as a client would read it: the schema of the route's
 * method, status and media type, with the document's `$ref`s resolved. Returns the schema errors
 * (none when the answer fits), or throws when the document describes no such answer.
 */
export function openApiChecker(document: { paths: Record<string, Record<string, unknown>> }) {
  const ajv = documentValidator(document);
  const pointer = (...parts: string[]) =>
    parts.map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

  return (
    route: { method: string; path: string },
    answer: { status: number; headers: Headers; body: unknown },
  ): string[] => {
    const mediaType = (answer.headers.get('content-type') ?? '').split(';')[0] ?? '';
    const at = pointer('paths', route.path, route.method.toLowerCase(), 'responses', String(answer.status));
    const validate = ajv.getSchema(`openapi#/${at}/${pointer('content', mediaType, 'schema')}`);
    if (!validate) throw new Error(`the document describes no ${mediaType} answer ${answer.status} at ${at}`);
    return validate(answer.body)
      ? []
      : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`);
  };
}
