import type { AstroIntegration } from 'astro';
import { contentDir } from '../lib/content-dir.ts';
import { validateContent } from '../content/validate.ts';
import { formatProblems } from '../content/problems.ts';
import { checkOutcome, contentError, startContentCheck } from '../content/check-in-worker.ts';

export { ContentError } from '../content/check-in-worker.ts';

/**
 * Validates the whole content folder, so a bad file fails `build` (and shows in `dev`) with every
 * problem listed, each naming the file, the field and a fix.
 *
 * In a build the check runs in a worker thread while Astro syncs content, and the build waits for
 * it before bundling (src/content/check-in-worker.ts); elsewhere (dev, check, sync) it runs here,
 * before Astro starts.
 */
export default function contentCheck(): AstroIntegration {
  return {
    name: 'content-check',
    hooks: {
      'astro:config:setup': ({ logger, command }) => {
        const dir = contentDir();
        if (command === 'build') {
          startContentCheck(dir);
          return;
        }
        const started = Date.now();
        const { problems, content } = validateContent(dir);
        if (problems.length) logger.error(formatProblems(problems));
        else logger.info(`content OK: ${content.sections.size} sections, ${content.entityIds.size} entities, ${content.sourceIds.size} sources in ${dir} (${Date.now() - started} ms)`);
      },
      'astro:build:start': async ({ logger }) => {
        const check = checkOutcome();
        if (!check) throw new Error('The content check was not started: content-check must see astro:config:setup.');
        const { problems, counts, ms } = await check.outcome;
        if (problems.length) throw contentError(check.dir, problems);
        logger.info(`content OK: ${counts.sections} sections, ${counts.entities} entities, ${counts.sources} sources in ${check.dir}, checked beside the content sync (${ms} ms)`);
      },
    },
  };
}
