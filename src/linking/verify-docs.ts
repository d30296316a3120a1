import fs from 'node:fs';
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { findReferenceLinks } from './reference-links.ts';
import { targetHref, targetRef, type ReferenceInventory, type Resolution } from './reference-inventory.ts';

/** One link into the reference, where it is, and what it comes to. */
export interface LinkReport {
  /** The document: the folder as given, then its path inside it. */
  file: string;
  line: number;
  column: number;
  href: string;
  resolution: Resolution;
}

/** What checking a docs folder found. */
export interface DocsCheck {
  reports: LinkReport[];
  /** Documents that could not be parsed, each with the parser's message. */
  unreadable: { file: string; message: string }[];
  /** How many `.md` / `.mdx` documents were read. */
  documents: number;
}

/** Every `.md` and `.mdx` file under `dir`, relative and sorted; `node_modules` and dot folders are skipped. */
export function markdownFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.mdx?$/.test(file) && !file.split(path.sep).some((part) => part === 'node_modules' || part.startsWith('.')))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

/** Finds every link into the reference in the Markdown and MDX documents under `dir` (GFM autolinks included). */
export function verifyDocs(dir: string, inventory: ReferenceInventory): DocsCheck {
  const check: DocsCheck = { reports: [], unreadable: [], documents: 0 };
  for (const file of markdownFiles(dir)) {
    check.documents++;
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const parser = unified().use(remarkParse).use(remarkGfm);
    if (file.endsWith('.mdx')) parser.use(remarkMdx);
    let tree;
    try {
      tree = parser.parse(text);
    } catch (error) {
      check.unreadable.push({ file: path.join(dir, file), message: error instanceof Error ? error.message : String(error) });
      continue;
    }
    for (const link of findReferenceLinks(tree, inventory)) {
      const start = link.position?.start;
      check.reports.push({ file: path.join(dir, file), line: start?.line ?? 0, column: start?.column ?? 0, href: link.href, resolution: link.resolution });
    }
  }
  return check;
}

/** One line per link: `file:line:column status href -> where it lands “title”`, and what to do. */
export function formatReport(report: LinkReport, inventory: ReferenceInventory): string {
  const where = `${report.file}:${report.line}:${report.column}`;
  const { resolution } = report;
  if (resolution.status === 'dead') return `${where} dead  ${report.href}: ${resolution.reason}. Fix or remove the link.`;
  const now = targetHref(inventory, resolution.target);
  const lands = `“${resolution.target.title}”`;
  if (resolution.status === 'ok') return `${where} ok    ${report.href} -> ${lands}`;
  return `${where} moved ${report.href} -> ${now} ${lands}. Update the link to ${report.href.startsWith('ref:') ? targetRef(resolution.target) : now}.`;
}

/** The closing line: counts of links, documents and each outcome. */
export function formatSummary(check: DocsCheck): string {
  const count = (status: Resolution['status']) => check.reports.filter((r) => r.resolution.status === status).length;
  const files = new Set(check.reports.map((r) => r.file)).size;
  const unreadable = check.unreadable.length ? `; ${check.unreadable.length} unreadable` : '';
  return `${check.reports.length} links into the reference in ${files} of ${check.documents} documents: ${count('ok')} ok, ${count('moved')} moved, ${count('dead')} dead${unreadable}.`;
}
