/**
 * npm run links:verify -- <docs folder> --inventory <links.json | site URL> [--base <site URL>]
 *
 * Checks the Markdown and MDX documents of another project that link into the reference, by the
 * site's URL or the `ref:<topic>/<slug>#<id>` shorthand: prints each link with its file and line
 * (ok and the title it lands on, moved and the new URL, or dead and why), then a summary.
 * Exit code 1 on a dead link or an unreadable document, 2 on a usage error. See docs/deep-links.md.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadInventory } from './reference-inventory.ts';
import { formatReport, formatSummary, verifyDocs } from './verify-docs.ts';

const USAGE = 'Usage: npm run links:verify -- <docs folder> --inventory <links.json file | site URL> [--base <site URL>]';

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { inventory: { type: 'string' }, base: { type: 'string' } } });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const [dir, ...extra] = parsed.positionals;
  const source = parsed.values.inventory;
  if (!dir || extra.length || !source) {
    console.error(`${!dir ? 'Name the docs folder to check.' : extra.length ? `One folder only; also got ${extra.join(' ')}.` : 'Name the inventory with --inventory.'}\n${USAGE}`);
    return 2;
  }
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    console.error(`No folder ${dir}: pass the folder holding the .md/.mdx documents to check.\n${USAGE}`);
    return 2;
  }
  const inventory = await loadInventory(source, parsed.values.base ?? null);
  console.log(`Checking ${dir} against ${source} (${inventory.byKey.size} targets and aliases${inventory.base ? `, site at ${inventory.base}` : ', ref: links only: pass --base <site URL> to check full URLs too'})`);
  const check = verifyDocs(dir, inventory);
  for (const report of check.reports) console.log(formatReport(report, inventory));
  for (const { file, message } of check.unreadable) console.log(`${file} unreadable: ${message}`);
  console.log(formatSummary(check));
  return check.unreadable.length || check.reports.some((r) => r.resolution.status === 'dead') ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
