// Search on search.html?q=<query>. Loaded by search.html only.
//
// Served over HTTP it uses Pagefind (its pagefind.js: a chunked index and WebAssembly).
// Opened from disk (file://) Pagefind cannot fetch its chunks, so this script loads the small
// search-index.js through a plain <script> tag and searches that instead; it does the same when
// Pagefind fails to load. Results are built with DOM APIs only: no result text becomes markup.
// URLs: the script tag names Pagefind's script, its shard list and search-index.js in data-*
// attributes, made by src/lib/urls.ts and relative to search.html. Both indexes give result URLs
// relative to the site root; search.html sits at the root, so those are relative to this page.
(() => {
  'use strict';

  const script = document.currentScript;
  const dataset = script instanceof HTMLScriptElement ? script.dataset : {};
  /** A URL the search page gave (data-*), resolved against the page. */
  const given = (name) => {
    const value = dataset[name];
    if (!value) throw new Error(`the search page gave no data-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} URL`);
    return new URL(value, location.href).href;
  };
  /** The site root: search.html sits there. */
  const root = new URL('./', location.href);
  const MAX_RESULTS = 20;
  const MAX_SUBS = 3;

  const form = document.getElementById('search-page-form');
  const input = document.getElementById('search-page-q');
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  if (!(form && input instanceof HTMLInputElement && status && list)) return;

  const query = (new URLSearchParams(location.search).get('q') || '').trim();
  input.value = query;
  const headerInput = document.getElementById('site-search');
  if (headerInput instanceof HTMLInputElement) headerInput.value = query;

  if (!query) {
    status.textContent = 'Type one or more words and press Enter.';
    return;
  }
  document.title = `${query} – ${document.title}`;
  status.textContent = `Searching for “${query}”…`;

  // Which index answered is shown on the list (data-engine), for tests and for curious readers.
  searchWithPagefind(query)
    .then((results) => { list.dataset.engine = 'pagefind'; return results; })
    .catch((reason) => {
      if (location.protocol !== 'file:') console.warn('Pagefind unavailable, using the small offline index:', reason);
      list.dataset.engine = 'offline';
      return searchWithFallback(query);
    })
    .then((results) => render(query, results))
    .catch((reason) => {
      status.textContent = '';
      const why = document.createElement('p');
      why.textContent = `Search is unavailable here (${reason instanceof Error ? reason.message : String(reason)}). ` +
        'Serve the folder with any static web server (for example “python3 -m http.server” inside it) and open search.html from there, or browse by topic.';
      status.append(why);
    });

  /**
   * A result, whichever index found it.
   * @typedef {{ text: string, marked: boolean }} Part
   * @typedef {{ title: string, url: string, excerpt: Part[] }} Hit
   * @typedef {Hit & { subs: Hit[] }} Result
   */

  /** Pagefind over HTTP. Rejects from file:// (no module import or fetch from disk). */
  async function searchWithPagefind(q) {
    if (location.protocol === 'file:') throw new Error('opened from disk');
    const pagefind = await import(given('pagefind'));
    await pagefind.options({ excerptLength: 24 });
    // A large site's index comes in shards (src/search/pagefind-shards.ts): pagefind.js is the
    // first's, the others are merged into it, and Pagefind ranks their results together.
    for (const dir of await shardFolders()) {
      await pagefind.mergeIndex(new URL(dir, root).href, { excerptLength: 24 });
    }
    const search = await pagefind.search(q);
    const terms = q.split(/\s+/).map(folded).filter(Boolean);
    const data = [];
    for (let i = 0; i < search.results.length && data.length < MAX_RESULTS; i += MAX_RESULTS) {
      const batch = await Promise.all(search.results.slice(i, i + MAX_RESULTS).map((r) => r.data()));
      data.push(...batch.filter((d) => matchesEveryTerm(d, terms)));
    }
    return data.slice(0, MAX_RESULTS).map((d) => ({
      title: d.meta && d.meta.title ? d.meta.title : d.url,
      url: fromRoot(d.url),
      excerpt: markedParts(d.excerpt),
      subs: (d.sub_results || [])
        .filter((s) => s.url.includes('#') && s.title !== (d.meta && d.meta.title))
        .slice(0, MAX_SUBS)
        .map((s) => ({ title: s.title, url: fromRoot(s.url), excerpt: markedParts(s.excerpt) })),
    }));
  }

  /**
   * Whether a Pagefind result holds every word of the query. An index that lacks a word (as a
   * shard of a large site may, when other shards have it) answers with the nearest shorter one
   * it has ("he" for "helicopter"); such a result is not one. A matched word counts when it
   * shares its first five letters with the query word (all of a shorter one): "relations" finds
   * "related", as Pagefind's stemming means it to.
   */
  function matchesEveryTerm(d, terms) {
    const pageWords = (d.content || '').split(/[^\S\uFEFF]+/);
    const matched = (d.locations || []).map((at) => folded(pageWords[at] || ''));
    return terms.every((t) => matched.some((w) => sharedStart(w, t) >= Math.min(t.length, 5)));
  }

  /** A query or page word as Pagefind compares it: folded, its dashes and dots dropped ("Euro-Atlantic" -> "euroatlantic"). */
  function folded(word) {
    return words(word).join('');
  }

  function sharedStart(a, b) {
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return i;
  }

  /** The shard folders besides the first (pagefind-indexes.json, written by the build, lists the first first). */
  async function shardFolders() {
    const response = await fetch(given('pagefindIndexes'));
    if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status}`);
    const list = await response.json();
    const folders = Array.isArray(list.indexes) ? list.indexes.filter((d) => typeof d === 'string') : [];
    return folders.slice(1);
  }

  /** The plain-script index (search-index.js), loaded on demand. */
  async function searchWithFallback(q) {
    const index = await loadFallbackIndex();
    const terms = words(q);
    if (terms.length === 0) return [];
    const scored = [];
    for (const page of index.pages) {
      const segments = page.h.map(([anchor, title, text]) => ({ anchor, title, words: text.split(' ') }));
      const titleWords = words(page.t);
      let score = 0;
      let all = true;
      for (const term of terms) {
        const inTitle = titleWords.some((w) => w.startsWith(term));
        const count = segments.filter((s) => s.words.some((w) => w.startsWith(term))).length;
        if (!inTitle && count === 0) { all = false; break; }
        score += (inTitle ? 5 : 0) + count;
      }
      if (!all) continue;
      const subs = segments
        .filter((s) => s.anchor !== '')
        .map((s) => ({ s, hits: terms.filter((t) => s.words.some((w) => w.startsWith(t))).length }))
        .filter((x) => x.hits > 0)
        .sort((a, b) => b.hits - a.hits)
        .slice(0, MAX_SUBS)
        .map(({ s }) => ({ title: s.title, url: `${page.u}#${encodeURIComponent(s.anchor)}`, excerpt: [] }));
      scored.push({ score, result: { title: page.t, url: page.u, excerpt: [{ text: page.s, marked: false }], subs } });
    }
    return scored.sort((a, b) => b.score - a.score).slice(0, MAX_RESULTS).map((x) => x.result);
  }

  function loadFallbackIndex() {
    const loaded = () => window.__siteSearchIndex;
    if (loaded()) return Promise.resolve(loaded());
    return new Promise((resolve, reject) => {
      const tag = document.createElement('script');
      tag.src = given('searchIndex');
      tag.onload = () => (loaded() ? resolve(loaded()) : reject(new Error('search-index.js set no index')));
      tag.onerror = () => reject(new Error('search-index.js could not be loaded'));
      document.head.append(tag);
    });
  }

  /** Words folded like the build does (src/search/fallback-index.ts `words`). */
  function words(text) {
    return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
  }

  /**
   * Pagefind's URL as a URL relative to search.html (which sits at the site root). Pagefind
   * prefixes the folder it was loaded from ("/any/prefix/history/x.html#a"); strip it.
   */
  function fromRoot(url) {
    const absolute = new URL(url, root);
    if (absolute.origin === root.origin && absolute.pathname.startsWith(root.pathname)) {
      return absolute.pathname.slice(root.pathname.length) + absolute.hash;
    }
    return url.replace(/^\/+/, '');
  }

  /**
   * Pagefind's excerpt is escaped text with <mark> around matches. Parse it inertly and keep only
   * text and the marks, so nothing in it can become live markup.
   * @returns {Part[]}
   */
  function markedParts(html) {
    const doc = new DOMParser().parseFromString(`<body>${html || ''}</body>`, 'text/html');
    const parts = [];
    for (const node of doc.body.childNodes) {
      parts.push({ text: node.textContent || '', marked: node.nodeName === 'MARK' });
    }
    return parts;
  }

  function excerptElement(tag, parts) {
    const el = document.createElement(tag);
    for (const part of parts) {
      if (part.marked) {
        const mark = document.createElement('mark');
        mark.textContent = part.text;
        el.append(mark);
      } else {
        el.append(part.text);
      }
    }
    return el;
  }

  /** @param {Result[]} results */
  function render(q, results) {
    list.replaceChildren();
    status.textContent = results.length === 0
      ? `No section matches “${q}”. Try fewer or shorter words.`
      : `${results.length} section${results.length === 1 ? '' : 's'} found for “${q}”.`;
    for (const result of results) {
      const item = document.createElement('li');
      item.className = 'search-result';
      const heading = document.createElement('h2');
      const link = document.createElement('a');
      link.href = result.url;
      link.textContent = result.title;
      heading.append(link);
      item.append(heading);
      if (result.excerpt.length) item.append(excerptElement('p', result.excerpt));
      if (result.subs.length) {
        const subs = document.createElement('ul');
        subs.className = 'search-result__subs';
        subs.setAttribute('aria-label', `Matching parts of “${result.title}”`);
        for (const sub of result.subs) {
          const li = document.createElement('li');
          const a = document.createElement('a');
          a.href = sub.url;
          a.textContent = sub.title;
          li.append(a);
          if (sub.excerpt.length) li.append(' ', excerptElement('span', sub.excerpt));
          subs.append(li);
        }
        item.append(subs);
      }
      list.append(item);
    }
  }
})();
