import { FIX_LINKS_SCRIPT_HASH } from '../not-found/fix-links-script.ts';

/** Site-wide settings shown on every page. */
export const SITE = {
  name: 'Russia–US Relations: a Reference',
  /** The source shown in the footer link. */
  mainSource: 'russia-us-relations',
  /**
   * No inline scripts, nothing from another origin. `wasm-unsafe-eval` lets Pagefind's WebAssembly
   * run; styles are inlined by the build, hence `unsafe-inline` for styles only. The one hash is
   * 404.html's link fixer (src/not-found/fix-links-script.ts).
   */
  csp: `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${FIX_LINKS_SCRIPT_HASH}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'`,
} as const;
