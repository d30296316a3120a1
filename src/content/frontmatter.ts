import { parseDocument } from 'yaml';

/** The result of splitting a content file into YAML data and body. */
export type ParsedFile =
  | { ok: true; data: unknown; body: string; bodyStartLine: number }
  | { ok: false; message: string; line?: number | undefined; hint?: string };

/** A YAML parser: {@link parseYaml} or one that remembers its results (yaml-cache.ts). */
export type YamlParser = (text: string, lineOffset?: number) => ReturnType<typeof parseYaml>;

/** Splits `---\n<yaml>\n---\n<body>` and parses the YAML, reporting the line of a YAML error. */
export function parseFrontmatter(text: string, yaml: YamlParser = parseYaml): ParsedFile {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!source.startsWith('---\n')) {
    return { ok: false, message: 'no frontmatter block at the start of the file', line: 1, hint: 'start the file with a line "---", then the fields (title, topic, summary, source…), then a line "---".' };
  }
  const end = source.indexOf('\n---', 3);
  if (end === -1 || (source[end + 4] !== undefined && source[end + 4] !== '\n')) {
    return { ok: false, message: 'a frontmatter block that is never closed', line: 1, hint: 'add a line "---" after the last field.' };
  }
  const yamlText = source.slice(4, end + 1);
  const parsed = yaml(yamlText, 1);
  if (!parsed.ok) return parsed;
  const bodyStartLine = yamlText.split('\n').length + 2;
  return { ok: true, data: parsed.data, body: source.slice(end + 5), bodyStartLine };
}

/** Parses a YAML file's text; `lineOffset` is the file line of the YAML's first line, minus one. */
export function parseYaml(text: string, lineOffset = 0): { ok: true; data: unknown } | { ok: false; message: string; line?: number | undefined } {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const offset = error.pos[0];
    const line = text.slice(0, offset).split('\n').length;
    return {
      ok: false,
      message: `broken YAML: ${error.message.split('\n')[0]}`,
      line: line + lineOffset,
    };
  }
  return { ok: true, data: doc.toJS({ maxAliasCount: 100 }) ?? {} };
}
