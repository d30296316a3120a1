import { createHash } from 'node:crypto';

/**
 * The one inline script of the site, on 404.html only, allowed by its hash in the CSP (no
 * `unsafe-inline`). A host serves 404.html for any missing URL at any depth, so its relative
 * links (written for 404.html at the site root) would resolve against the wrong folder. This
 * script finds the site root and rewrites every relative link and form action against it:
 * - `data-site-root` (set when SITE_URL is configured): the root's path, used as is;
 * - else the missing URL's folder, or its parent when that folder is one of the site's own
 *   (`data-site-dirs`: `history`, `entities`...), which covers every URL the site ever had;
 * - else (an unknown nested path) each ancestor folder in turn, deepest first, until one
 *   serves 404.html.
 * It cannot be an external file: its URL would be relative too. Keep it small and ES5-safe.
 */
export const FIX_LINKS_SCRIPT = `(function () {
  var script = document.currentScript;
  if (!script) return;
  var configured = script.getAttribute('data-site-root');
  var ours = (script.getAttribute('data-site-dirs') || '').split(' ');
  function rewrite(root) {
    [['a', 'href'], ['form', 'action']].forEach(function (pair) {
      document.querySelectorAll(pair[0] + '[' + pair[1] + ']').forEach(function (el) {
        var value = el.getAttribute(pair[1]) || '';
        if (value === '' || value.charAt(0) === '#' || value.charAt(0) === '/' || /^[a-z][a-z0-9+.-]*:/i.test(value)) return;
        el.setAttribute(pair[1], new URL(value, root).href);
      });
    });
  }
  if (configured) return rewrite(new URL(configured, location.href));
  var parts = location.pathname.split('/');
  parts.pop();
  var known = ours.indexOf(decodeURIComponent(parts[parts.length - 1] || '')) >= 0;
  if (known) parts.pop();
  var candidates = [];
  for (var n = parts.length; n >= 1; n--) candidates.push(new URL(parts.slice(0, n).join('/') + '/', location.href));
  var direct = location.pathname.slice(-9) === '/404.html';
  if (known || direct || location.protocol === 'file:' || !window.fetch) return rewrite(candidates[0]);
  (function probe(i) {
    if (i >= candidates.length) return;
    fetch(new URL('404.html', candidates[i]), { cache: 'no-store' }).then(function (response) {
      if (response.ok) rewrite(candidates[i]); else probe(i + 1);
    }, function () { probe(i + 1); });
  })(0);
})();`;

/** The CSP source that allows exactly FIX_LINKS_SCRIPT. */
export const FIX_LINKS_SCRIPT_HASH = `'sha256-${createHash('sha256').update(FIX_LINKS_SCRIPT, 'utf8').digest('base64')}'`;
