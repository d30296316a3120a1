/**
 * A stand-in for the ingest: writes the generated sections straight into a content folder in the
 * format of content/sections/*.mdx, for when src/ingest has no CLI yet. The benchmark prefers the
 * real ingest (bench/ingest-step.ts decides); this only keeps the build side measurable.
 */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { escapeMdxText } from '../src/ingest/escape.ts';
import type { TopicId } from '../src/schemas/topic.ts';
import type { GeneratedSection, GeneratedText } from './generate.ts';

/** Writes `sources/<sourceId>.{txt,yaml}` and one MDX file per generated section under `dir`. */
export function writeDirectContent(dir: string, generated: GeneratedText, sourceId: string): void {
  fs.mkdirSync(path.join(dir, 'sources'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'sources', `${sourceId}.txt`), generated.text);
  const dropped = generated.lines.flatMap((line, i) =>
    line.kind === 'query-repeat' || line.kind === 'page-title' || line.kind === 'link-bullet' ? [{ line: i + 1, text: line.text, reason: line.kind }] : [],
  );
  fs.writeFileSync(path.join(dir, 'sources', `${sourceId}.yaml`), stringify({ title: `Benchmark text (${generated.sections.length} sections)`, dropped }));
  const slugs = generated.sections.map(slugOf);
  for (const section of generated.sections) {
    const folder = path.join(dir, 'sections', section.topic);
    fs.mkdirSync(folder, { recursive: true });
    // Relate each section to the one four back, which has the same topic: a link graph that
    // grows with the site, as a curated one does.
    const relatedTo = section.index >= 4 ? generated.sections[section.index - 4] : undefined;
    const frontmatter = {
      title: section.title,
      topic: section.topic,
      summary: `${section.paragraphs[0]?.split('. ')[0] ?? section.title}.`.slice(0, 300),
      source: sourceId,
      lines: section.lines,
      ...topicFields(section.topic),
      related: relatedTo ? [`${relatedTo.topic}/${slugs[relatedTo.index]}`] : [],
      draft: true,
    };
    const body = section.paragraphs.map(escapeMdxText).join('\n\n');
    fs.writeFileSync(path.join(folder, `${slugs[section.index]}.mdx`), `---\n${stringify(frontmatter)}---\n\n${body}\n`);
  }
}

function slugOf(section: GeneratedSection): string {
  return section.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The fields each topic's schema requires (src/schemas/topics.ts), with plausible values. */
function topicFields(topic: TopicId): Record<string, unknown> {
  switch (topic) {
    case 'history': return { period: { start: '1991' }, actors: ['united-states', 'russia'] };
    case 'cooperation': return { status: 'suspended', participants: ['nato', 'russia'] };
    case 'us-policy': return { actor: 'united-states' };
    case 'nato-stance': return { actors: ['nato'] };
  }
}
