import { AstroError } from 'astro/errors';
import { formatProblems, type Problem } from './problems.ts';

/**
 * Thrown when content is invalid. It is Astro's user error (`astro/errors`): Astro prints its
 * message and hint, with no stack trace and no location inside our code, since the mistake is in
 * a content file and the message names it.
 */
export class ContentError extends AstroError {
  readonly dir: string;
  readonly problems: readonly Problem[];

  constructor(dir: string, problems: readonly Problem[]) {
    super(`Content in ${dir} is not valid.\n\n${formatProblems(problems)}\n`, 'Fix each problem listed above (file, field, what was expected), then build again. A failed build leaves the output folder as it was.');
    this.dir = dir;
    this.problems = problems;
    this.name = 'ContentError';
    // A user's mistake, not the tool's crash: no stack (Astro then prints no trace or location).
    delete (this as { stack?: string }).stack;
  }
}
