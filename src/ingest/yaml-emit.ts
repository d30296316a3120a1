/**
 * A small, fast YAML emitter for ingest's own output (frontmatter and manifests). The `yaml`
 * library spends most of a large ingest choosing scalar styles; here every string is written
 * double-quoted, JSON style (a JSON string is a valid YAML double-quoted scalar), so no text
 * can be read back as another type, and output is the same bytes for the same data.
 */
export type YamlValue = string | number | boolean | readonly YamlValue[] | { readonly [key: string]: YamlValue | undefined };

const KEY = /^[A-Za-z][A-Za-z0-9_-]*$/;
// Characters YAML does not allow raw in a double-quoted scalar that JSON.stringify leaves raw:
// C1 controls (bar NEL, which is a line break in YAML 1.1), BOM, non-characters, lone surrogates.
const UNPRINTABLE = /[\u007f-\u009f\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A double-quoted scalar. */
export function quote(text: string): string {
  return JSON.stringify(text).replace(UNPRINTABLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function scalar(value: string | number | boolean): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`cannot write ${value} as YAML`);
  return String(value);
}

function isScalar(value: YamlValue): value is string | number | boolean {
  return typeof value !== 'object';
}

/** Lines of `value` as a block, each indented by `indent` spaces. */
function block(value: YamlValue, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (isScalar(value)) return [`${pad}${scalar(value)}`];
  if (Array.isArray(value)) {
    return (value as readonly YamlValue[]).flatMap((item) => {
      if (isScalar(item)) return [`${pad}- ${scalar(item)}`];
      if (Array.isArray(item) ? item.length === 0 : Object.keys(item).length === 0) return [`${pad}- ${Array.isArray(item) ? '[]' : '{}'}`];
      const inner = block(item, indent + 2);
      return [`${pad}- ${(inner[0] ?? '').trimStart()}`, ...inner.slice(1)];
    });
  }
  return Object.entries(value as { readonly [key: string]: YamlValue | undefined }).flatMap(([key, v]) => {
    if (v === undefined) return [];
    const k = KEY.test(key) ? key : quote(key);
    if (isScalar(v)) return [`${pad}${k}: ${scalar(v)}`];
    if (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0) return [`${pad}${k}: ${Array.isArray(v) ? '[]' : '{}'}`];
    return [`${pad}${k}:`, ...block(v, indent + 2)];
  });
}

/** A YAML document for `value` (a mapping at the top), ending with a newline. */
export function emitYaml(value: { readonly [key: string]: YamlValue | undefined }): string {
  return `${block(value, 0).join('\n')}\n`;
}
