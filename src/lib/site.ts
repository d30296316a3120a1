const TITLE_SEPARATOR = ' · ';

/** The document `<title>` of a page: its own title, then the site name (the home page has the site name only). */
export function documentTitle(title: string, isHome: boolean): string {
  return isHome ? SITE.name : `${title}${TITLE_SEPARATOR}${SITE.name}`;
}

/** A page's own title, read back from its `<title>` (the inverse of {@link documentTitle}). */
export function titleFromDocumentTitle(documentTitleText: string): string {
  const suffix = `${TITLE_SEPARATOR}${SITE.name}`;
  return documentTitleText.endsWith(suffix) ? documentTitleText.slice(0, -suffix.length) : documentTitleText;
}

/** Site-wide settings shown on every page. */
export const SITE = {
  name: 'Russia–US Relations: a Reference',
  /** The source shown in the footer link. */
  mainSource: 'russia-us-relations',
  /**
   * No inline scripts, nothing from another origin. `wasm-unsafe-eval` lets Pagefind's WebAssembly
   * run; styles are inlined by the build, hence `unsafe-inline` for styles only.
   */
  csp: `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'`,
} as const;

/**
 * The CSP of one page: SITE.csp plus the hashes (`'sha256-…'`) of the inline scripts that page
 * alone carries (404.html's link fixer), so no other page allows them.
 */
export function pageCsp(scriptHashes: readonly string[] = []): string {
  if (scriptHashes.length === 0) return SITE.csp;
  return SITE.csp
    .split('; ')
    .map((directive) => (directive.startsWith('script-src ') ? `${directive} ${scriptHashes.join(' ')}` : directive))
    .join('; ');
}
