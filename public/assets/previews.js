// Link previews: hovering or focusing a link to a section or entity shows its title and summary.
// Loaded on demand by preview-loader.js after this page's data (self.linkPreviews, written by the
// build into previews/<page>.js): nothing leaves the site.
// The card is a role=tooltip tied to the link by aria-describedby; Escape closes it.
(function () {
  var data = self.linkPreviews;
  if (!data) return;
  var byUrl = {};
  function key(href) { var u = new URL(href, document.baseURI); u.hash = u.search = ''; return u.href; }
  data.forEach(function (entry) { byUrl[key(entry[0])] = entry.slice(1); });
  var card = document.createElement('div');
  card.id = 'link-preview';
  card.className = 'link-preview';
  card.setAttribute('role', 'tooltip');
  card.hidden = true;
  var parts = ['kind', 'title', 'summary'].map(function (name) {
    var p = card.appendChild(document.createElement('p'));
    p.className = 'link-preview__' + name;
    return p;
  });
  // Inside <main>, so every piece of content sits in a landmark.
  (document.querySelector('main') || document.body).appendChild(card);
  var owner = null, timer = 0;
  function find(el) {
    var a = el.closest && el.closest('main a[href]:not(.self-link)');
    return a && key(a.href) !== key(location.href) && byUrl[key(a.href)] ? a : null;
  }
  function show(a) {
    hide();
    owner = a;
    byUrl[key(a.href)].forEach(function (text, i) { parts[i].textContent = text; });
    a.setAttribute('aria-describedby', card.id);
    card.hidden = false;
    // Below the link, or above it when there is no room; always inside the window's width.
    var r = a.getBoundingClientRect(), width = Math.min(352, innerWidth - 16);
    card.style.width = width + 'px';
    var top = r.bottom + 6;
    if (top + card.offsetHeight > innerHeight && r.top > card.offsetHeight + 6) top = r.top - card.offsetHeight - 6;
    card.style.left = scrollX + Math.max(8, Math.min(r.left, innerWidth - width - 8)) + 'px';
    card.style.top = scrollY + top + 'px';
  }
  function hide() {
    clearTimeout(timer);
    if (owner) owner.removeAttribute('aria-describedby');
    owner = null;
    card.hidden = true;
  }
  document.addEventListener('mouseover', function (e) {
    clearTimeout(timer);
    var a = find(e.target);
    if (a) { if (a !== owner) timer = setTimeout(function () { show(a); }, 350); }
    else if (owner) timer = setTimeout(hide, 300);
  });
  document.addEventListener('focusin', function (e) { var a = find(e.target); if (a) show(a); else hide(); });
  document.addEventListener('focusout', function (e) { if (e.target === owner) hide(); });
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape') hide(); });
  // Loaded on the reader's first hover or focus (preview-loader.js): answer that one too.
  var first = find(document.activeElement || document.body) || find(document.querySelector('main a[href]:hover') || document.body);
  if (first) show(first);
})();
