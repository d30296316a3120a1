import type { AstroIntegration } from 'astro';
import { contentDir } from '../lib/content-dir.ts';
import { validateContent } from '../content/validate.ts';
import { formatProblems } from '../content/problems.ts';

/** Thrown when content is invalid; its message lists every problem, so the build stops with all of them. */
export class ContentError extends Error {
  override name = 'ContentError';
}

/**
 * Validates the whole content folder before Astro starts, so a bad file fails `build` (and
 * shows in `dev`) with every problem listed, each naming the file, the field and a fix.
 */
export default function contentCheck(): AstroIntegration {
  return {
    name: 'content-check',
    hooks: {
      'astro:config:setup': ({ logger, command }) => {
        const dir = contentDir();
        const started = Date.now();
        const { problems, content } = validateContent(dir);
        if (problems.length) {
          const report = formatProblems(problems);
          if (command === 'dev') logger.error(report);
          else throw new ContentError(`Content in ${dir} is not valid.\n\n${report}\n`);
        } else {
          logger.info(`content OK: ${content.sections.size} sections, ${content.entityIds.size} entities, ${content.sourceIds.size} sources in ${dir} (${Date.now() - started} ms)`);
        }
      },
    },
  };
}
