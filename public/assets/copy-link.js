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
  main.querySelectorAll('a.self-link[href^="#"]').forEach(function (a) {
    add(a, (a.getAttribute('aria-label') || 'Link').replace(/^Link to/, 'Copy link to'), 'Copy link', function () { return a.href; }, 'Link').classList.add('copy-button--link');
  });
  main.querySelectorAll('[data-copy]').forEach(function (el) {
    var what = el.getAttribute('data-copy');
    var url = el.getAttribute('data-url');
    add(el, 'Copy ' + what, 'Copy', function () { var t = el.textContent.trim(); return url ? t.split(url).join(location.href.replace(/[?#].*/, '')) : t; }, what.charAt(0).toUpperCase() + what.slice(1));
  });
})();
