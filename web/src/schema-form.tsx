import { useState } from 'preact/hooks';
import type { FieldError } from './api';

/** A JSON Schema (as the server's zod schemas export it), the parts a form needs. */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  const?: unknown;
}

type Value = unknown;

const kindOf = (s: JsonSchema): string => {
  if (s.enum) return 'enum';
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (t === 'string' && (s.format === 'date' || s.pattern?.includes('\\d{4}-'))) return 'date';
  return t ?? (s.properties ? 'object' : 'string');
};

/** The same basic rules the server checks (required, lengths, bounds, patterns), in Vietnamese. */
export function validate(schema: JsonSchema, value: Value, path = ''): FieldError[] {
  const errors: FieldError[] = [];
  const kind = kindOf(schema);
  if (kind === 'object' && schema.properties) {
    const obj = (value ?? {}) as Record<string, Value>;
    for (const [key, sub] of Object.entries(schema.properties)) {
      const field = path ? `${path}.${key}` : key;
      const v = obj[key];
      if (v === undefined || v === '') {
        if (schema.required?.includes(key)) errors.push({ field, rule: 'bắt buộc' });
        continue;
      }
      errors.push(...validate(sub, v, field));
    }
    return errors;
  }
  if (kind === 'string' && typeof value === 'string') {
    if (schema.minLength !== undefined && value.trim().length < schema.minLength)
      errors.push({ field: path, rule: `cần ít nhất ${schema.minLength} ký tự` });
    if (schema.maxLength !== undefined && value.length > schema.maxLength)
      errors.push({ field: path, rule: `tối đa ${schema.maxLength} ký tự` });
    if (schema.pattern && !new RegExp(schema.pattern).test(value))
      errors.push({ field: path, rule: 'không đúng định dạng' });
  }
  if ((kind === 'integer' || kind === 'number') && typeof value === 'number') {
    if (Number.isNaN(value)) errors.push({ field: path, rule: 'phải là số' });
    if (schema.minimum !== undefined && value < schema.minimum)
      errors.push({ field: path, rule: `không nhỏ hơn ${schema.minimum}` });
    if (schema.maximum !== undefined && value > schema.maximum)
      errors.push({ field: path, rule: `không lớn hơn ${schema.maximum}` });
  }
  return errors;
}

const errorFor = (errors: FieldError[], field: string) =>
  errors.find((e) => e.field === field || e.field === `input.${field}` || e.field.endsWith(`.${field}`));

/** Form fields for a JSON Schema object, labelled with the schema's Vietnamese descriptions. */
export function SchemaFields(props: {
  schema: JsonSchema;
  value: Record<string, Value>;
  onChange: (v: Record<string, Value>) => void;
  errors: FieldError[];
  path?: string;
  idPrefix: string;
}) {
  const { schema, value, onChange, errors, path = '', idPrefix } = props;
  return (
    <div class="fields">
      {Object.entries(schema.properties ?? {}).map(([key, sub]) => {
        const field = path ? `${path}.${key}` : key;
        const id = `${idPrefix}-${field.replace(/\./g, '-')}`;
        const label = sub.description ?? key;
        const required = schema.required?.includes(key);
        const kind = kindOf(sub);
        const set = (v: Value) => onChange({ ...value, [key]: v });
        const error = errorFor(errors, field);
        if (kind === 'object') {
          return (
            <fieldset key={key}>
              <legend>{label}</legend>
              <SchemaFields
                schema={sub}
                value={(value[key] as Record<string, Value>) ?? {}}
                onChange={set}
                errors={errors}
                path={field}
                idPrefix={idPrefix}
              />
            </fieldset>
          );
        }
        let input: preact.JSX.Element;
        if (kind === 'boolean') {
          input = (
            <input
              id={id}
              type="checkbox"
              checked={value[key] === true}
              onChange={(e) => set(e.currentTarget.checked)}
            />
          );
        } else if (kind === 'enum') {
          input = (
            <select
              id={id}
              value={String(value[key] ?? '')}
              onChange={(e) => set(e.currentTarget.value || undefined)}
            >
              <option value="">— chọn —</option>
              {sub.enum?.map((o) => (
                <option key={String(o)} value={String(o)}>
                  {String(o)}
                </option>
              ))}
            </select>
          );
        } else if (kind === 'array') {
          input = (
            <textarea
              id={id}
              value={((value[key] as string[]) ?? []).join('\n')}
              onInput={(e) => set(e.currentTarget.value.split('\n').filter((l) => l.trim()))}
              aria-describedby={`${id}-hint`}
            />
          );
        } else {
          const numeric = kind === 'integer' || kind === 'number';
          input = (
            <input
              id={id}
              type={(kind === 'date' ? 'date' : numeric ? 'number' : 'text') as 'text'}
              value={value[key] === undefined ? '' : String(value[key])}
              onInput={(e) => {
                const raw = e.currentTarget.value;
                set(raw === '' ? undefined : numeric ? Number(raw) : raw);
              }}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
            />
          );
        }
        return (
          <div class={`field${error ? ' invalid' : ''}`} key={key}>
            <label for={id}>
              {label}
              {required ? ' *' : ''}
            </label>
            {input}
            {kind === 'array' && (
              <small id={`${id}-hint`} class="hint">
                Mỗi dòng một mục.
              </small>
            )}
            {error && (
              <span class="error" id={`${id}-error`} role="alert">
                {error.rule}
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
}

export function useFormState() {
  return useState<Record<string, Value>>({});
}
