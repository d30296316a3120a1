const TITLE_SEPARATOR = ' · ';

/**
 * The document `<title>` of a page: its own title, then the site's name (content/site.yaml); the
 * home page has the site's name only.
 */
export function documentTitle(title: string, isHome: boolean, siteName: string): string {
  return isHome ? siteName : `${title}${TITLE_SEPARATOR}${siteName}`;
}

/** A page's own title, read back from its `<title>` (the inverse of {@link documentTitle}). */
export function titleFromDocumentTitle(documentTitleText: string, siteName: string): string {
  const suffix = `${TITLE_SEPARATOR}${siteName}`;
  return documentTitleText.endsWith(suffix) ? documentTitleText.slice(0, -suffix.length) : documentTitleText;
}

/** Settings of the code, the same for every reference (a reference's own: content/site.yaml). */
export const SITE = {
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
