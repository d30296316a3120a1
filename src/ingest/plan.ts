import { SLUG_PATTERN } from '../schemas/ids.ts';
import { TOPIC_IDS, type TopicId } from '../schemas/topic.ts';
import { cleanLines, type DropReason } from './clean.ts';
import { explain } from './classify.ts';
import { splitLines } from './decode.ts';
import { IngestError } from './errors.ts';
import type { GapKind } from './gaps.ts';
import { groupSections, sectionBlocks, type SectionDraft } from './group.ts';
import { headingIdCandidates, IdScope, namedPhrases, paragraphIdCandidates, titleFor } from './naming.ts';
import { slugify } from './normalize.ts';
import { renderBody, renderMdx, type RenderBlock } from './render.ts';
import { emitYaml, type YamlValue } from './yaml-emit.ts';
import { candidateRepairs } from './repairs.ts';
import { US_POLICY_ACTOR, TOPIC_RULES } from './rules.ts';
import { blockText, segmentBlocks } from './segment.ts';
import { entityMatcher, topicFields, type EntityInfo } from './topic-fields.ts';
import { draftSummary, draftTitle } from './draft-title.ts';
import { statedDates } from './dates.ts';
import { draftEntities, draftEntityYaml } from './entity-drafts.ts';

export type { EntityInfo } from './topic-fields.ts';

/** What the content folder already holds, and how to report progress. All optional. */
export interface IngestOptions {
  /** The source id (a slug). Default: 'source'. */
  id?: string;
  /** Entities in the content folder: referenced only if they exist; their names find mentions. */
  entities?: readonly EntityInfo[];
  /** Section ids (`<topic>/<slug>`) other files hold: new slugs avoid them. */
  takenSectionIds?: Iterable<string>;
  /** Lines (1-based) that another source in the content folder shares: never dropped as page header or footer. */
  sharedLines?: ReadonlySet<number>;
  /** Called now and then with the share of work done (0..1) and the stage. */
  onProgress?: (done: number, stage: string) => void;
  /** Where the text comes from (`--title --publisher --url --date`): written to the manifest, the title replacing the found one. */
  origin?: { title?: string | undefined; publisher?: string | undefined; url?: string | undefined; date?: string | undefined };
}

/** A file to write, its path relative to the content folder (forward slashes). */
export interface PlannedFile {
  path: string;
  content: string;
}

/** What ingest found and planned, for the end-of-run summary and for tests. */
export interface IngestSummary {
  sourceId: string;
  lines: number;
  /** Line numbers placed in some section. */
  placed: number[];
  /** Dropped lines per reason (blank lines included). */
  dropped: Partial<Record<DropReason, number>>;
  sectionsPerTopic: Record<TopicId, number>;
  gaps: Partial<Record<GapKind, number>>;
  /** Gaps with no unambiguous `after` text, left out of the drafts. */
  gapsUnplaced: number;
  entitiesCreated: string[];
}

export interface IngestPlan {
  files: PlannedFile[];
  summary: IngestSummary;
}

/** Where a source's scraped text and its manifest go, relative to the content folder. */
export const sourceFiles = (id: string): { text: string; manifest: string } => ({ text: `sources/${id}.txt`, manifest: `sources/${id}.yaml` });

const PROGRESS_EVERY = 200;
/** How many characters of a section its title is chosen from. */
const TITLE_WINDOW = 3000;
/** How many characters of each section, and of the whole text, names are looked for in (compromise reads ~1 MB/s). */
const ENTITY_WINDOW = 6_000;
const ENTITY_BUDGET = 60_000;
/** Sections titled by their heading or first sentence (compromise, ~2 ms each); later ones by their names, so a huge input stays fast. */
const PHRASED_TITLES = 300;

/**
 * The pure core of ingest: scraped text in, files to write out. No disk, no clock, no
 * randomness, so the same text and options always give the same bytes.
 */
export function planIngest(text: string, options: IngestOptions = {}): IngestPlan {
  const id = options.id ?? 'source';
  if (!SLUG_PATTERN.test(id)) throw new IngestError(`The source id "${id}" is not a slug: use lower-case letters, digits and single hyphens, e.g. --id nato-russia-2019.`);
  const progress = options.onProgress ?? (() => undefined);
  const entities = options.entities ?? [];
  const mentions = entityMatcher(entities);

  const { lines } = splitLines(text);
  const { verdicts, facts } = cleanLines(lines, options.sharedLines);
  progress(0.2, 'cleaned');
  const blocks = segmentBlocks(verdicts);
  const drafts = groupSections(blocks);
  progress(0.4, 'classified');

  const sectionIds = new IdScope(options.takenSectionIds);
  // Titles come from the opening of each section: bounded work per section on large input.
  const phraseSets = drafts.map((d) => namedPhrases(sectionBlocks(d).map(blockText).join('\n').slice(0, TITLE_WINDOW)));
  const df = new Map<string, number>();
  for (const phrases of phraseSets) for (const p of new Set(phrases)) df.set(p, (df.get(p) ?? 0) + 1);

  const files: PlannedFile[] = [];
  const summary: IngestSummary = {
    sourceId: id, lines: lines.length, placed: [], dropped: {}, gaps: {}, gapsUnplaced: 0, entitiesCreated: [],
    sectionsPerTopic: Object.fromEntries(TOPIC_IDS.map((t) => [t, 0])) as Record<TopicId, number>,
  };
  const orderInTopic = new Map<TopicId, number>();
  let needsActor = false;

  let entityBudget = ENTITY_BUDGET;
  const placed = new Set<number>();
  const unsure = new Map(verdicts.flatMap((v) => (v.kind === 'text' && v.unsure ? [[v.line, v.unsure] as const] : [])));
  const entityTexts: string[] = [];
  drafts.forEach((draft, index) => {
    if (index % PROGRESS_EVERY === 0) progress(0.4 + (0.55 * index) / drafts.length, 'sections');
    const section = planSection(draft, {
      id,
      title: (index < PHRASED_TITLES ? draftTitle(sectionBlocks(draft)) : undefined) ?? titleFor(phraseSets[index] ?? [], df, drafts.length),
      unsure,
      mentions,
      sectionIds,
      nextOrder: (topic) => {
        const order = (orderInTopic.get(topic) ?? 0) + 1;
        orderInTopic.set(topic, order);
        return order;
      },
    });
    needsActor ||= section.topic === 'us-policy';
    summary.sectionsPerTopic[section.topic]++;
    for (const line of section.lines) placed.add(line);
    summary.gapsUnplaced += section.gapsUnplaced;
    for (const kind of section.gapKinds) summary.gaps[kind] = (summary.gaps[kind] ?? 0) + 1;
    files.push(section.file);
    if (entityBudget > 0) entityTexts.push(section.text.slice(0, Math.min(ENTITY_WINDOW, entityBudget)));
    entityBudget -= ENTITY_WINDOW;
  });
  summary.placed = [...placed].sort((a, b) => a - b);
  progress(0.95, 'manifest');

  for (const v of verdicts) if (v.kind === 'dropped') summary.dropped[v.reason] = (summary.dropped[v.reason] ?? 0) + 1;
  const origin = options.origin ?? {};
  const manifest = {
    title: origin.title ?? facts.title ?? `Scraped text "${id}"`,
    ...(origin.publisher ? { publisher: origin.publisher } : {}),
    ...(origin.url ? { url: origin.url } : {}),
    ...(origin.date ? { date: origin.date } : facts.dates[0] ? { date: facts.dates[0].date } : {}),
    description: describe(lines.length, drafts.length, facts.dates),
    publishers: facts.publishers,
    dropped: verdicts.flatMap((v) => (v.kind === 'dropped' && v.reason !== 'blank' ? [{ line: v.line, text: v.text, reason: v.reason }] : [])),
  };
  const source = sourceFiles(id);
  files.unshift({ path: source.text, content: text }, { path: source.manifest, content: emitYaml(manifest) });
  // The actor this ingest creates is an entity like the existing ones: the drafts must see its
  // name and aliases, or "US" in the text becomes a second entity the site's matcher refuses.
  const known = [...entities];
  if (needsActor && !entities.some((e) => e.id === US_POLICY_ACTOR.id)) {
    files.push({ path: `entities/${US_POLICY_ACTOR.id}.yaml`, content: emitYaml(US_POLICY_ACTOR.yaml) });
    summary.entitiesCreated.push(US_POLICY_ACTOR.id);
    known.push({ id: US_POLICY_ACTOR.id, ...US_POLICY_ACTOR.yaml, dates: [] });
  }
  for (const e of draftEntities(entityTexts, known)) {
    files.push({ path: `entities/${e.id}.yaml`, content: draftEntityYaml(e, id) });
    summary.entitiesCreated.push(e.id);
  }
  progress(1, 'done');
  return { files, summary };
}

/** What one section needs from the whole plan. */
interface SectionContext {
  id: string;
  title: string | undefined;
  /** Kept lines that may be page furniture, with the note saying so. */
  unsure: ReadonlyMap<number, string>;
  mentions: (text: string) => EntityInfo[];
  sectionIds: IdScope;
  nextOrder: (topic: TopicId) => number;
}

/** One draft section: topic and its fields, slug, anchored body, candidate repairs, frontmatter. */
function planSection(draft: SectionDraft, ctx: SectionContext): { file: PlannedFile; text: string; topic: TopicId; lines: number[]; gapKinds: GapKind[]; gapsUnplaced: number } {
  const blocks = sectionBlocks(draft);
  const bodyText = blocks.map(blockText).join('\n');
  const { topic, fields, reasons } = settleTopic(draft, bodyText, () => ctx.mentions(bodyText));
  // A long line split into pieces appears once.
  const lines = [...new Set(blocks.flatMap((b) => b.lines.map((l) => l.line)))];
  const first = lines[0] ?? 0;
  const last = lines.at(-1) ?? first;
  const slugBase = ctx.title ? slugify(ctx.title, 6) : '';
  const slug = ctx.sectionIds.claim([`${topic}/${slugBase || `lines-${first}`}`]).slice(topic.length + 1);

  const anchors = new IdScope();
  const rendered: RenderBlock[] = blocks.map((b) => {
    const t = blockText(b);
    return { kind: b.kind, text: t, id: anchors.claim(b.kind === 'heading' ? headingIdCandidates(t) : paragraphIdCandidates(t)) };
  });
  const body = renderBody(rendered);
  const dates = blocks.filter((b) => b.kind === 'paragraph').flatMap((b) => statedDates(blockText(b)));
  const { repairs, ambiguous } = candidateRepairs(blocks.flatMap((b) => b.lines.map((l) => ({ line: l.line, text: l.text.trim() }))), body);

  const frontmatter: Record<string, YamlValue> = {
    title: ctx.title ?? `Lines ${first}–${last} of ${ctx.id}`,
    topic,
    summary: draftSummary(blocks.filter((b) => b.kind === 'paragraph').map(blockText).join('\n') || bodyText),
    source: ctx.id,
    draft: true,
    classification: [`Unreviewed draft of lines ${first}–${last} of ${ctx.id}.`, ...lines.flatMap((l) => ctx.unsure.get(l) ?? []), ...draft.units.map((u) => `Lines ${u.paragraph?.lines[0]?.line ?? first}: ${explain(u.classification)}`), ...reasons].join(' '),
    lines,
    order: ctx.nextOrder(topic),
    ...fields,
    ...(dates.length ? { dates: dates.map((d) => ({ date: d.date, label: d.label })) } : {}),
    ...(repairs.length ? { repairs: repairs.map(({ after, note, confidence }) => ({ after, note, confidence })) } : {}),
  };
  return {
    file: { path: `sections/${topic}/${slug}.mdx`, content: renderMdx(frontmatter, body) },
    text: bodyText,
    topic,
    lines,
    gapKinds: repairs.map((r) => r.kind),
    gapsUnplaced: ambiguous,
  };
}

/**
 * The section's topic and its required fields. A topic whose required field the text cannot
 * supply (history without any year) gives way to the next best-scoring topic.
 */
function settleTopic(draft: SectionDraft, text: string, mentioned: () => EntityInfo[]): { topic: TopicId; fields: Record<string, YamlValue>; reasons: string[] } {
  const totals = new Map<TopicId, number>(TOPIC_RULES.map((r) => [r.topic, 0]));
  for (const u of draft.units) for (const r of TOPIC_RULES) totals.set(r.topic, (totals.get(r.topic) ?? 0) + u.classification.scores[r.topic]);
  const ranked = [draft.topic, ...TOPIC_RULES.map((r) => r.topic).filter((t) => t !== draft.topic).sort((a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0))];
  const skipped: string[] = [];
  for (const topic of ranked) {
    const settled = topicFields(topic, text, mentioned);
    if (settled) return { topic, fields: settled.fields, reasons: [...skipped, ...settled.reasons] };
    skipped.push(`Not ${topic}: the text gives no date for its required start.`);
  }
  throw new Error('unreachable: nato-stance needs no extra field');
}

function describe(lineCount: number, sections: number, dates: { date: string; line: number }[]): string {
  const dated = dates.length ? ` Bylines give the date ${dates.map((d) => `${d.date} (line ${d.line})`).join(', ')}.` : '';
  return `Ingested by npm run ingest: ${lineCount} lines into ${sections} draft sections, to be reviewed.${dated}`;
}
