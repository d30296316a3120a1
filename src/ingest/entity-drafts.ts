import type { EntityKind } from '../schemas/entity.ts';
import { createEntityMatcher } from '../markdown/entity-matcher.ts';
import { entityCandidates, type Candidate } from './entity-candidates.ts';
import { IdScope } from './naming.ts';
import { slugify } from './normalize.ts';
import type { EntityInfo } from './topic-fields.ts';
import { emitYaml } from './yaml-emit.ts';

/** A draft entity ingest proposes for a name the content folder has no entity for. */
export interface DraftEntity {
  id: string;
  kind: EntityKind;
  kindReason: string;
  name: string;
  aliases: string[];
}

// The last word of a name tells its kind most often: "… Treaty", "… Council", "… Summit".
const KIND_BY_HEAD: [RegExp, EntityKind][] = [
  [/\b(treaty|accord|pact|convention|protocol|charter|act)$/i, 'treaty'],
  [/\bagreements?$/i, 'agreement'],
  [/\b(program(me)?|plan|initiative|project)$/i, 'programme'],
  [/\b(summit|conference|talks|war|crisis|revolution|games|invasion)$/i, 'event'],
  [/\b(union|federation|empire|republic|kingdom)$/i, 'place'],
  [/\b(council|organi[sz]ation|agency|institute|ministry|department|senate|duma|congress|commission|committee|staff|office|bank|fund|party|alliance|house|forces|administration)$/i, 'organisation'],
];

/** The kind a name most likely has, and why: its last word, the title before it, the tagger, the preposition before it. */
export function guessKind(c: Candidate): { kind: EntityKind; reason: string } {
  for (const [pattern, kind] of KIND_BY_HEAD) {
    const head = pattern.exec(c.name);
    if (head) return { kind, reason: `its last word is "${head[0].trim()}"` };
  }
  if (c.title) return { kind: 'person', reason: `the text puts the title "${c.title}" before it` };
  if (c.tags.has('Person')) return { kind: 'person', reason: 'compromise tags it as a person\'s name' };
  if (c.tags.has('Organization')) return { kind: 'organisation', reason: 'compromise tags it as an organisation' };
  if (c.tags.has('Place')) return { kind: 'place', reason: 'compromise tags it as a place' };
  if (c.tags.has('Acronym')) return { kind: 'organisation', reason: 'it is an acronym' };
  if (c.before && /^(in|at|from|to|near)$/.test(c.before)) return { kind: 'place', reason: `the text puts "${c.before}" before it` };
  return { kind: 'organisation', reason: 'no clue in the text: a guess' };
}

/**
 * Terms compared case-insensitively, acronyms too: the site's matcher refuses two entities whose
 * terms differ only in case ("PRAGUE" in a dateline, "Prague" in the text), so one name gets one entity.
 */
const termKey = (t: string): string => t.toLowerCase();

/**
 * Draft entities for the names in `texts` that no existing entity names. A lone surname that a
 * person's full name ends with ("Obama" after "Barack Obama") becomes that person's alias; no
 * term is given to two entities, so the site's matcher never finds one ambiguous.
 */
export function draftEntities(texts: readonly string[], existing: readonly EntityInfo[]): DraftEntity[] {
  const matcher = createEntityMatcher(existing.map((e) => ({ id: e.id, terms: [e.name, ...e.aliases] })));
  const taken = new Set(existing.flatMap((e) => [e.name, ...e.aliases].map(termKey)));
  const known = (name: string) => taken.has(termKey(name)) || matcher.find(name).some((m) => m.start === 0 && m.end >= name.replace(/['’]s$/, '').length);
  const candidates = new Map<string, Candidate>();
  for (const text of texts) for (const c of entityCandidates(text)) if (!candidates.has(termKey(c.name)) && !known(c.name)) candidates.set(termKey(c.name), c);

  const ids = new IdScope(existing.map((e) => e.id));
  const drafts: DraftEntity[] = [];
  const all = [...candidates.values()];
  for (const c of all) {
    const single = !c.name.includes(' ');
    // A surname alone belongs to the one person whose name ends with it.
    const owners = single ? all.filter((o) => o !== c && o.name.endsWith(` ${c.name}`) && guessKind(o).kind === 'person') : [];
    if (owners.length === 1) continue;
    const { kind, reason } = guessKind(c);
    const aliases = kind === 'person' ? all.filter((o) => o !== c && !o.name.includes(' ') && c.name.endsWith(` ${o.name}`) && all.filter((p) => p.name.endsWith(` ${o.name}`)).length === 1).map((o) => o.name) : [];
    const id = ids.claim([slugify(c.name, 8) || 'entity']);
    drafts.push({ id, kind, kindReason: reason, name: c.name, aliases });
  }
  return drafts;
}

/** The YAML of a draft entity file: `draft: true`, the kind's reason, and a description that asks for one. */
export function draftEntityYaml(e: DraftEntity, sourceId: string): string {
  return emitYaml({
    kind: e.kind,
    name: e.name,
    ...(e.aliases.length ? { aliases: e.aliases } : {}),
    description: `Named in the source "${sourceId}"; found by ingest and not yet described.`,
    draft: true,
    kindReason: e.kindReason,
  });
}
