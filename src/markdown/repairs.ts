import type { Emphasis, Link, Parent, PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { z } from 'zod';
import { repairSchema, type Repair } from '../schemas/repair.ts';
import { homePath, relativeUrl, type PagePath } from '../lib/urls.ts';
import { editorialData, isEditorial } from './editorial.ts';
import { sectionPagePathOf } from './page-path.ts';

/**
 * Renders a section's `repairs` (from its frontmatter) inside the text.
 *
 * Right after the exact words `after`, a repair with `insert` gets `<ins data-editorial
 * class="repair">` holding the restored words, and every repair gets a note mark
 * (`<sup data-editorial><a href="#repair-N">note N</a></sup>`) pointing to its entry in the
 * editorial notes, where the evidence and confidence are. Both are editorial, so removing
 * `[data-editorial]` leaves the paragraph exactly as scraped.
 *
 * `after` must occur exactly once within one run of text (not split by a link or emphasis) and
 * outside editorial nodes, in the text as written (all repairs are located before any is
 * applied, so repairs close together never break each other); otherwise the build fails naming
 * the file and `repairs.N.after`.
 * Runs after the anchors plugin and before entity links, which then keep out of the insertions.
 */
export default function remarkRepairs() {
  return (tree: Root, file: VFile) => {
    const repairs = repairsOf(file);
    if (repairs.length === 0) return;
    const page = sectionPagePathOf(file.path) ?? homePath();
    // Every repair is found in the text as written, before any is applied, so one repair's
    // insertion never splits the words another's `after` quotes; then each text is cut once.
    const located = repairs.map((repair, index) => ({ repair, index, place: locate(tree, file, repair, index) }));
    const byNode = new Map<Text, typeof located>();
    for (const l of located) byNode.set(l.place.node, [...(byNode.get(l.place.node) ?? []), l]);
    for (const [node, group] of byNode) applyRepairs(node, (group[0] as (typeof group)[number]).place.parent, page, group);
  };
}

/** Id of the note for repair `index` (0-based) in the editorial notes list. */
export const repairNoteId = (index: number): string => `repair-${index + 1}`;
/** Id of the note mark in the text for repair `index` (0-based), for the note's link back. */
export const repairMarkId = (index: number): string => `repair-ref-${index + 1}`;
/** The repair index (0-based) of a note mark id made by {@link repairMarkId}, or undefined. */
export function repairIndexOfMarkId(id: string): number | undefined {
  const match = /^repair-ref-([1-9]\d*)$/.exec(id);
  return match ? Number(match[1]) - 1 : undefined;
}

const repairsSchema = z.array(repairSchema);

/** The frontmatter of a file being compiled, as Astro passes it to remark plugins in `file.data.astro.frontmatter`. */
export function frontmatterOf(file: VFile): Record<string, unknown> | undefined {
  return (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter;
}

/** A frontmatter `repairs` value parsed as this plugin reads it (absent is none); applied only when valid. */
export const parseRepairs = (raw: unknown) => repairsSchema.safeParse(raw ?? []);

/** The repairs of the file's frontmatter. */
function repairsOf(file: VFile): Repair[] {
  const parsed = parseRepairs(frontmatterOf(file)?.['repairs']);
  if (!parsed.success) {
    // The content check reports the field in detail; here the text is left unrepaired.
    file.message(`repairs: not valid, so none is rendered (${parsed.error.issues[0]?.message ?? 'unknown problem'}).`);
    return [];
  }
  return parsed.data;
}

interface Place {
  parent: Parent;
  index: number;
  node: Text;
  offset: number;
}

/** The one place of `repair.after` in the text; fails the build naming the file and field otherwise. */
function locate(tree: Root, file: VFile, repair: Repair, index: number): Place {
  const places = findText(tree, repair.after);
  const place = places[0];
  if (places.length !== 1 || !place) {
    const shown = file.path || '(unnamed file)';
    file.fail(
      `${shown}: repairs.${index}.after: expected the text ${JSON.stringify(repair.after)} exactly once in one run of the body's text, found it ${places.length} times. ` +
        (places.length === 0
          ? 'Copy the words exactly as they stand just before the gap, within one paragraph, outside links and without crossing one.'
          : 'Quote more of the words before the gap, until they occur only once.'),
    );
  }
  return place;
}

/** Cuts one text node after each of its repairs' `after`, inserting the restored words and note marks. */
function applyRepairs(node: Text, parent: Parent, page: PagePath, group: readonly { repair: Repair; index: number; place: Place }[]): void {
  const pieces: PhrasingContent[] = [];
  let at = 0;
  for (const { repair, index, place } of [...group].sort((x, y) => x.place.offset + x.repair.after.length - (y.place.offset + y.repair.after.length) || x.index - y.index)) {
    const cut = place.offset + repair.after.length;
    if (cut > at) pieces.push({ type: 'text', value: node.value.slice(at, cut) });
    if (repair.insert !== undefined) pieces.push(insertion(repair, index));
    pieces.push(noteMark(page, repair, index));
    at = Math.max(at, cut);
  }
  if (at < node.value.length) pieces.push({ type: 'text', value: node.value.slice(at) });
  parent.children.splice(parent.children.indexOf(node), 1, ...(pieces as Parent['children']));
}

/** The restored words, as `<ins data-editorial class="repair">`. */
function insertion(repair: Repair, index: number): Emphasis {
  return {
    type: 'emphasis',
    data: editorialData('ins', {
      className: ['repair'],
      'data-repair': index + 1,
    }),
    children: [{ type: 'text', value: repair.insert ?? '' }],
  };
}

/** The mark linking to the repair's note: `<sup data-editorial><a href="#repair-N">note N</a></sup>`. */
function noteMark(page: PagePath, repair: Repair, index: number): Emphasis {
  const n = index + 1;
  // The restored words are visible beside the mark; a gap says what the mark stands for.
  const what = repair.insert === undefined ? ': text lost here' : '';
  const link: Link = {
    type: 'link',
    url: relativeUrl(page, page, repairNoteId(index)),
    title: null,
    data: { hProperties: { id: repairMarkId(index), 'aria-label': `Editorial note ${n}${what}` } },
    children: [{ type: 'text', value: `note ${n}` }],
  };
  return {
    type: 'emphasis',
    data: editorialData('sup', { className: ['repair-ref', repair.insert === undefined ? 'repair-ref--gap' : 'repair-ref--restored'] }),
    children: [link],
  };
}

/** Every occurrence of `needle` inside one text node, outside editorial nodes and links (a note mark is a link, and links do not nest). */
function findText(tree: Root, needle: string): Place[] {
  const places: Place[] = [];
  const walk = (parent: Parent) => {
    parent.children.forEach((child, index) => {
      if (isEditorial(child) || child.type === 'link' || child.type === 'linkReference') return;
      if (child.type === 'text') {
        for (let at = child.value.indexOf(needle); at !== -1; at = child.value.indexOf(needle, at + 1)) {
          places.push({ parent, index, node: child, offset: at });
        }
      } else if ('children' in child) {
        walk(child);
      }
    });
  };
  walk(tree);
  return places;
}
