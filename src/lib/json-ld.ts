import type { Repair } from '../schemas/repair.ts';
import type { Publisher } from '../schemas/source.ts';

/** What a section's schema.org description is made from. */
export interface SectionJsonLdInput {
  title: string;
  summary: string;
  /** The section's absolute URL, when the site URL is known (SITE_URL); otherwise left out. */
  url: string | undefined;
  site: { name: string; url: string | undefined };
  /** The source the body is taken from (its page on this site, when the site URL is known) and the publishers of the section's lines. */
  source: { title: string; url: string | undefined; publishers: readonly Publisher[] };
  repairs: readonly Repair[];
}

type JsonObject = { [key: string]: JsonValue };
type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/** Drops keys whose value is undefined, so the JSON has no empty fields. */
function defined(entries: Record<string, JsonValue | undefined>): JsonObject {
  return Object.fromEntries(Object.entries(entries).filter((entry): entry is [string, JsonValue] => entry[1] !== undefined));
}

const organisation = (name: string, url?: string): JsonObject => defined({ '@type': 'Organization', name, url });

/**
 * schema.org JSON-LD of a section page: an `Article` with its headline and description, part of
 * the site (`WebSite`), based on the scraped source with its publishers, and citing the page
 * that is the evidence of each repair (once per page).
 */
export function sectionJsonLd(input: SectionJsonLdInput): JsonObject {
  // One citation per evidence page: its quotes are on the page already, in the editorial notes.
  const citations = new Map<string, JsonObject>();
  for (const { evidence } of input.repairs) {
    if (evidence?.url && !citations.has(evidence.url)) citations.set(evidence.url, { '@type': 'CreativeWork', url: evidence.url, publisher: organisation(evidence.publisher) });
  }
  return defined({
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: input.title,
    description: input.summary,
    url: input.url,
    isPartOf: defined({ '@type': 'WebSite', name: input.site.name, url: input.site.url }),
    isBasedOn: defined({
      '@type': 'CreativeWork',
      name: input.source.title,
      url: input.source.url,
      publisher: input.source.publishers.length ? input.source.publishers.map((p) => organisation(p.name, p.url)) : undefined,
    }),
    citation: citations.size ? [...citations.values()] : undefined,
  });
}

/**
 * The text of a `<script type="application/ld+json">`: JSON in which `<`, `>` and `&` are written
 * as `\u003c`, `\u003e`, `\u0026` (and U+2028/2029 escaped), so no text from the source, such as
 * `</script>` or `<!--`, can end the element or change how the page parses. JSON.parse reads it
 * back unchanged.
 */
export function jsonLdText(value: JsonObject): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
