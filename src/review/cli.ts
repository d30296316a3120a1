/**
 * `npm run review [-- --accept <id>]`
 *
 * Lists what in the content folder ($SITE_CONTENT_DIR or content/) still needs a person,
 * section by section and entity by entity; `--accept <section-id or entity-id>` marks one
 * reviewed after the content check passes. Exit codes: 0 done, 2 a wrong id or a failing
 * content check (nothing changed), 1 a bug. See docs/ingest.md.
 */
import { parseArgs } from 'node:util';
import { contentDir } from '../lib/content-dir.ts';
import { acceptDraft, ReviewError } from './accept.ts';
import { formatReview, reviewItems } from './needs.ts';

const USAGE = 'usage: npm run review [-- --accept <section-id or entity-id>]';

function main(argv: string[]): void {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { accept: { type: 'string' } } }));
  } catch (error) {
    throw new ReviewError(`${(error as Error).message}\n${USAGE}`);
  }
  const dir = contentDir();
  if (values.accept !== undefined) process.stdout.write(`${acceptDraft(dir, values.accept)}\n`);
  else process.stdout.write(`${formatReview(reviewItems(dir), dir)}\n`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof ReviewError)) throw error;
  process.stderr.write(`review: ${error.message}\n`);
  process.exitCode = 2;
}
