import { parseFrontmatter, parseYaml } from '../content/frontmatter.ts';
import { fileIdOf, listContentFiles, sectionIdOf } from '../content/load.ts';

/**
 * What in a content folder still needs a person, file by file: drafts, topics ingest was not
 * sure of, gaps it flagged (repairs with a note and nothing inserted), lines it kept though they
 * may be page furniture, and the kinds it guessed for draft entities. (Corroboration suggestions
 * from other sources are not listed yet.)
 */

/** One file that needs a person, and why. */
export interface ReviewItem {
  kind: 'section' | 'entity';
  /** `<topic>/<slug>` or the entity id: what `--accept` takes. */
  id: string;
  /** Path relative to the content folder. */
  file: string;
  draft: boolean;
  /** What to check, one line each. */
  reasons: string[];
}

// A topic won by a keyword or two, or by no keyword at all, is one a person should confirm.
const WEAK_TOPIC = /No topic keyword matched[^.]*\.|Not [a-z-]+: [^.]*\.|\b[a-z-]+ scored [12] \([^)]*\)/g;
const UNSURE_LINE = /line \d+ is kept though it stands [^.]*\.[^.]*\./g;

interface SectionFields {
  draft?: boolean;
  classification?: string;
  repairs?: { after?: string; note?: string; insert?: string; confidence?: string }[];
}

interface EntityFields {
  draft?: boolean;
  kind?: string;
  kindReason?: string;
}

/** Everything in `dir` that needs a person, sections first, each list in file order. */
export function reviewItems(dir: string): ReviewItem[] {
  const items: ReviewItem[] = [];
  for (const file of listContentFiles(dir, 'sections', ['.mdx', '.md'])) {
    const parsed = parseFrontmatter(file.text);
    if (!parsed.ok || parsed.data === null || typeof parsed.data !== 'object') continue;
    const data = parsed.data as SectionFields;
    const reasons: string[] = [];
    if (data.draft === true) reasons.push('draft: unreviewed ingest output; read it against the source, fix the title and summary');
    const weak = data.classification?.match(WEAK_TOPIC) ?? [];
    if (weak.length) reasons.push(`topic: low confidence (${[...new Set(weak)].slice(0, 3).join('; ')})`);
    // A gap ingest flagged (low confidence, nothing inserted) waits for a value; an editor's note on a loss that cannot be restored does not.
    for (const r of data.repairs ?? []) if (r.insert === undefined && r.confidence === 'low' && r.note) reasons.push(`gap after "${r.after ?? ''}": ${r.note}`);
    for (const note of data.classification?.match(UNSURE_LINE) ?? []) reasons.push(`furniture? ${note}`);
    if (reasons.length) items.push({ kind: 'section', id: sectionIdOf(file.relative), file: file.relative, draft: data.draft === true, reasons });
  }
  for (const file of listContentFiles(dir, 'entities', ['.yaml', '.yml'])) {
    const parsed = parseYaml(file.text);
    if (!parsed.ok || parsed.data === null || typeof parsed.data !== 'object') continue;
    const data = parsed.data as EntityFields;
    const reasons: string[] = [];
    if (data.draft === true) reasons.push('draft: found by ingest; check the name, aliases and description');
    if (data.draft === true && data.kindReason) reasons.push(`kind "${data.kind ?? '?'}" guessed: ${data.kindReason}`);
    if (reasons.length) items.push({ kind: 'entity', id: fileIdOf(file.relative), file: file.relative, draft: data.draft === true, reasons });
  }
  return items;
}

/** The list as the CLI prints it. */
export function formatReview(items: readonly ReviewItem[], dir: string): string {
  if (items.length === 0) return `Nothing in ${dir} needs review.`;
  const sections = items.filter((i) => i.kind === 'section');
  const entities = items.filter((i) => i.kind === 'entity');
  const block = (list: readonly ReviewItem[]) => list.flatMap((i) => [`  ${i.id}${i.draft ? ' (draft)' : ''}  ${i.file}`, ...i.reasons.map((r) => `    - ${r}`)]);
  return [
    `Needs review in ${dir}: ${sections.length} section(s), ${entities.length} entit${entities.length === 1 ? 'y' : 'ies'}`,
    ...(sections.length ? ['', 'Sections', ...block(sections)] : []),
    ...(entities.length ? ['', 'Entities', ...block(entities)] : []),
    '',
    'Mark one reviewed with: npm run review -- --accept <id>',
  ].join('\n');
}
