import { units } from '#shared/domain/units';
import type { FieldError } from './api';

/** A JSON Schema (as the server's zod schemas export it), the parts a form needs. */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  /** Vietnamese labels of the enum's values, published by the API beside the enum. */
  'x-enum-labels'?: Record<string, string>;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  const?: unknown;
  default?: unknown;
}

type Value = unknown;
type Kind = 'enum' | 'date' | 'object' | 'array' | 'boolean' | 'integer' | 'number' | 'string' | 'commune';

const kindOf = (s: JsonSchema): Kind => {
  if (s.enum) return 'enum';
  if (s.format === 'commune-id') return 'commune';
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (t === 'string' && (s.format === 'date' || s.pattern?.includes('\\d{4}-'))) return 'date';
  return (t ?? (s.properties ? 'object' : 'string')) as Kind;
};

const labelOf = (schema: JsonSchema, value: unknown) =>
  schema['x-enum-labels']?.[String(value)] ?? String(value);

const communes = [...units.values()].filter((u) => u.kind === 'commune');

/**
 * The value without what the user left empty: blank strings, and objects and lists with nothing in
 * them (an optional part of the form not filled in is not sent at all).
 */
export function prune(value: Value): Value {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((v) => v !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, prune(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  return value;
}

/** The same basic rules the server checks (required, lengths, bounds, patterns, lists), in Vietnamese. */
export function validate(schema: JsonSchema, value: Value, path = ''): FieldError[] {
  const errors: FieldError[] = [];
  const kind = kindOf(schema);
  if (kind === 'object' && schema.properties) {
    const obj = (value ?? {}) as Record<string, Value>;
    for (const [key, sub] of Object.entries(schema.properties)) {
      const field = path ? `${path}.${key}` : key;
      const v = obj[key];
      if (v === undefined || v === '') {
        if (!schema.required?.includes(key)) continue;
        // A required part left empty: name its own required fields, each next to its input.
        if (kindOf(sub) === 'object') errors.push(...validate(sub, {}, field));
        else errors.push({ field, rule: 'bắt buộc' });
        continue;
      }
      errors.push(...validate(sub, v, field));
    }
    return errors;
  }
  if (kind === 'array' && Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems)
      errors.push({ field: path, rule: `cần ít nhất ${schema.minItems} mục` });
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      errors.push({ field: path, rule: `tối đa ${schema.maxItems} mục` });
    for (const [i, item] of value.entries())
      errors.push(...validate(schema.items ?? {}, item, `${path}.${i}`));
  }
  if (kind === 'string' && typeof value === 'string') {
    if (schema.minLength !== undefined && value.trim().length < schema.minLength)
      errors.push({ field: path, rule: `cần ít nhất ${schema.minLength} ký tự` });
    if (schema.maxLength !== undefined && value.length > schema.maxLength)
      errors.push({ field: path, rule: `tối đa ${schema.maxLength} ký tự` });
    if (schema.pattern && !new RegExp(schema.pattern).test(value))
      errors.push({ field: path, rule: 'không đúng định dạng' });
  }
  if (
    kind === 'date' &&
    typeof value === 'string' &&
    schema.pattern &&
    !new RegExp(schema.pattern).test(value)
  )
    errors.push({ field: path, rule: 'phải là ngày hợp lệ' });
  if ((kind === 'integer' || kind === 'number') && typeof value === 'number') {
    if (Number.isNaN(value)) errors.push({ field: path, rule: 'phải là số' });
    if (kind === 'integer' && !Number.isInteger(value))
      errors.push({ field: path, rule: 'phải là số nguyên' });
    if (schema.minimum !== undefined && value < schema.minimum)
      errors.push({ field: path, rule: `không nhỏ hơn ${schema.minimum}` });
    if (schema.maximum !== undefined && value > schema.maximum)
      errors.push({ field: path, rule: `không lớn hơn ${schema.maximum}` });
  }
  return errors;
}

/** The server names fields by their path (`documents.0.title`), sometimes under `input.`. */
const errorFor = (errors: FieldError[], field: string) =>
  errors.find((e) => e.field === field || e.field === `input.${field}`);

const idOf = (idPrefix: string, field: string) => `${idPrefix}-${field.replace(/\./g, '-')}`;

function ErrorText(props: { id: string; error?: FieldError }) {
  return props.error ? (
    <span class="error" id={`${props.id}-error`} role="alert">
      {props.error.rule}
    </span>
  ) : null;
}

/** A list of objects (the file's documents): one group of fields per item, added and removed. */
function ObjectList(props: {
  schema: JsonSchema;
  items: Record<string, Value>[];
  onChange: (v: Record<string, Value>[]) => void;
  errors: FieldError[];
  field: string;
  idPrefix: string;
  label: string;
}) {
  const { schema, items, onChange, field, idPrefix, label } = props;
  const id = idOf(idPrefix, field);
  const error = errorFor(props.errors, field);
  const shown = items.length > 0 ? items : [{}];
  return (
    <fieldset class={`list-field${error ? ' invalid' : ''}`} id={id}>
      <legend>{label}</legend>
      {shown.map((item, i) => (
        <fieldset class="item" key={i}>
          <legend>
            Mục {i + 1}
            {shown.length > 1 && (
              <button
                type="button"
                class="link"
                onClick={() => onChange(shown.filter((_, j) => j !== i))}
                aria-label={`Xóa mục ${i + 1}`}
              >
                Xóa
              </button>
            )}
          </legend>
          <SchemaFields
            schema={schema.items ?? {}}
            value={item}
            onChange={(v) => onChange(shown.map((old, j) => (j === i ? v : old)))}
            errors={props.errors}
            path={`${field}.${i}`}
            idPrefix={idPrefix}
          />
        </fieldset>
      ))}
      {(schema.maxItems === undefined || shown.length < schema.maxItems) && (
        <button type="button" class="secondary" onClick={() => onChange([...shown, {}])}>
          Thêm mục
        </button>
      )}
      <ErrorText id={id} error={error} />
    </fieldset>
  );
}

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
        const id = idOf(idPrefix, field);
        const required = schema.required?.includes(key);
        const label = `${sub.description ?? key}${required ? ' *' : ''}`;
        const kind = kindOf(sub);
        const set = (v: Value) => onChange({ ...value, [key]: v });
        const error = errorFor(errors, field);
        const described = error ? `${id}-error` : undefined;
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
        if (kind === 'array' && sub.items && kindOf(sub.items) === 'object') {
          return (
            <ObjectList
              key={key}
              schema={sub}
              items={(value[key] as Record<string, Value>[]) ?? []}
              onChange={set}
              errors={errors}
              field={field}
              idPrefix={idPrefix}
              label={label}
            />
          );
        }
        if (kind === 'array' && sub.items?.enum) {
          const chosen = (value[key] as unknown[]) ?? [];
          return (
            <fieldset key={key} id={id} class={error ? 'invalid' : ''} aria-describedby={described}>
              <legend>{label}</legend>
              {sub.items.enum.map((option) => (
                <label class="choice" key={String(option)}>
                  <input
                    type="checkbox"
                    id={`${id}-${String(option)}`}
                    checked={chosen.includes(option)}
                    onChange={(e) =>
                      set(e.currentTarget.checked ? [...chosen, option] : chosen.filter((c) => c !== option))
                    }
                  />
                  {labelOf(sub.items ?? {}, option)}
                </label>
              ))}
              <ErrorText id={id} error={error} />
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
              aria-describedby={described}
            />
          );
        } else if (kind === 'enum' || kind === 'commune') {
          const options =
            kind === 'enum'
              ? (sub.enum ?? []).map((o) => ({ value: String(o), label: labelOf(sub, o) }))
              : communes.map((u) => ({ value: u.id, label: u.name }));
          input = (
            <select
              id={id}
              value={String(value[key] ?? '')}
              onChange={(e) => set(e.currentTarget.value || undefined)}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={described}
            >
              <option value="">— chọn —</option>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
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
              aria-describedby={`${id}-hint${described ? ` ${described}` : ''}`}
            />
          );
        } else {
          const numeric = kind === 'integer' || kind === 'number';
          const long = kind === 'string' && (sub.maxLength ?? 0) > 300;
          const onInput = (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
            const raw = e.currentTarget.value;
            set(raw === '' ? undefined : numeric ? Number(raw) : raw);
          };
          const shown = value[key] === undefined ? '' : String(value[key]);
          input = long ? (
            <textarea
              id={id}
              value={shown}
              onInput={onInput}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={described}
            />
          ) : (
            <input
              id={id}
              type={(kind === 'date' ? 'date' : numeric ? 'number' : 'text') as 'text'}
              value={shown}
              onInput={onInput}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={described}
            />
          );
        }
        return (
          <div class={`field${error ? ' invalid' : ''}`} key={key}>
            <label for={id}>{label}</label>
            {input}
            {kind === 'array' && (
              <small id={`${id}-hint`} class="hint">
                Mỗi dòng một mục.
              </small>
            )}
            <ErrorText id={id} error={error} />
          </div>
        );
      })}
    </div>
  );
}
