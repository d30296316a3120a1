// Copy buttons: see docs/deep-links.md.
(function () {
  var main = document.querySelector('main');
  if (!main || !navigator.clipboard || !window.isSecureContext) return;
  var status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  document.body.appendChild(status);
  function add(after, label, glyph, text, what) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'copy-button';
    b.setAttribute('data-editorial', '');
    b.setAttribute('aria-label', label);
    var span = b.appendChild(document.createElement('span'));
    span.setAttribute('aria-hidden', 'true');
    span.textContent = glyph;
    b.onclick = function () {
      navigator.clipboard.writeText(text()).then(function () { status.textContent = what + ' copied'; }, function () { status.textContent = 'Could not copy'; });
    };
    after.after(b);
    return b;
  }
  // A path from the site root (no SITE_URL at build time) becomes the full address of the page read.
  function withFullUrl(el, text) {
    var shown = el.getAttribute('data-url-text');
    var href = el.getAttribute('data-url-href');
    if (!shown || !href || /^[a-z]+:/i.test(shown)) return text;
    return text.split(shown).join(new URL(href, location.href).href);
  }
  main.querySelectorAll('a.self-link[href^="#"]').forEach(function (a) {
    add(a, (a.getAttribute('aria-label') || 'Link').replace(/^Link to/, 'Copy link to'), 'Copy link', function () { return a.href; }, 'Link').classList.add('copy-button--link');
  });
  main.querySelectorAll('[data-copy]').forEach(function (el) {
    var what = el.getAttribute('data-copy');
    add(el, 'Copy ' + what, 'Copy', function () { return withFullUrl(el, el.textContent.trim()); }, what.charAt(0).toUpperCase() + what.slice(1));
  });
})();
