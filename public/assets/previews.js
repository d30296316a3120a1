// Link previews: hovering or focusing a link to a section or an entity shows its title and
// summary in a small card. The data is in the page (<template id="link-previews">, written by the
// build), so nothing is fetched. The card is a role="tooltip" tied to the link with
// aria-describedby; Escape closes it; it never takes focus.
(function () {
  var data = document.getElementById('link-previews');
  if (!data || !data.content) return;
  var byUrl = {};
  var key = function (href) { var u = new URL(href, document.baseURI); u.hash = ''; u.search = ''; return u.href; };
  Array.prototype.forEach.call(data.content.querySelectorAll('[data-href]'), function (p) {
    var title = p.querySelector('b');
    byUrl[key(p.getAttribute('data-href'))] = {
      kind: p.getAttribute('data-kind') || '',
      title: title ? title.textContent : '',
      summary: p.textContent.slice(title ? title.textContent.length : 0).trim(),
    };
  });

  var card = document.createElement('div');
  card.id = 'link-preview';
  card.className = 'link-preview';
  card.setAttribute('role', 'tooltip');
  card.hidden = true;
  var kind = card.appendChild(document.createElement('p'));
  kind.className = 'link-preview__kind';
  var heading = card.appendChild(document.createElement('p'));
  heading.className = 'link-preview__title';
  var summary = card.appendChild(document.createElement('p'));
  summary.className = 'link-preview__summary';
  document.body.appendChild(card);

  var owner = null;
  var timer = 0;
  function previewable(el) {
    var a = el && el.closest ? el.closest('main a[href]') : null;
    if (!a || a.classList.contains('self-link')) return null;
    var preview = byUrl[key(a.href)];
    return preview && key(a.href) !== key(location.href) ? { link: a, preview: preview } : null;
  }
  function show(found) {
    clearTimeout(timer);
    if (owner && owner !== found.link) hide();
    owner = found.link;
    kind.textContent = found.preview.kind;
    heading.textContent = found.preview.title;
    summary.textContent = found.preview.summary;
    owner.setAttribute('aria-describedby', card.id);
    card.hidden = false;
    place();
  }
  function hide() {
    clearTimeout(timer);
    if (owner) owner.removeAttribute('aria-describedby');
    owner = null;
    card.hidden = true;
  }
  // Below the link, or above it when there is no room; always inside the window's width.
  function place() {
    var r = owner.getBoundingClientRect();
    var width = Math.min(352, document.documentElement.clientWidth - 16);
    card.style.width = width + 'px';
    var left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - width - 8));
    var top = r.bottom + 6;
    if (top + card.offsetHeight > window.innerHeight && r.top - card.offsetHeight - 6 > 0) top = r.top - card.offsetHeight - 6;
    card.style.left = left + window.scrollX + 'px';
    card.style.top = top + window.scrollY + 'px';
  }
  document.addEventListener('mouseover', function (e) {
    if (card.contains(e.target)) { clearTimeout(timer); return; }
    var found = previewable(e.target);
    clearTimeout(timer);
    if (found) timer = setTimeout(function () { show(found); }, 350);
    else if (owner && !owner.contains(e.target)) timer = setTimeout(hide, 250);
  });
  document.addEventListener('focusin', function (e) {
    var found = previewable(e.target);
    if (found) show(found); else hide();
  });
  document.addEventListener('focusout', function (e) { if (owner && e.target === owner) hide(); });
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape' && owner) hide(); });
  window.addEventListener('resize', function () { if (owner) place(); });
})();
