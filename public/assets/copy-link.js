// Progressive "copy" buttons on section pages, loaded with `defer` by CiteSection.astro.
// - Beside every self-link (¶ or #) in <main>: "Copy link to …", which copies the link's full URL.
// - After every element marked data-copy="<what>" (the citations): "Copy <what>".
// Buttons are real <button>s (keyboard reachable, named by aria-label) and carry data-editorial,
// like the self-links, so they never count as source text. Without JavaScript nothing is added
// and the self-links still work. A polite live region says whether the copy worked.
(function () {
  'use strict';
  var main = document.querySelector('main');
  // The Clipboard API needs a secure context (https, localhost, file://); elsewhere the
  // self-links alone remain, which is what readers without JavaScript get too.
  if (!main || !navigator.clipboard || !window.isSecureContext) return;

  var status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  document.body.appendChild(status);

  function announce(text) {
    status.textContent = '';
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function copy(text, what, button) {
    var done = function () {
      announce(what + ' copied');
      button.classList.add('copy-button--done');
      window.setTimeout(function () { button.classList.remove('copy-button--done'); }, 1500);
    };
    var failed = function () { announce('Could not copy: select the ' + what.toLowerCase() + ' and copy it by hand'); };
    navigator.clipboard.writeText(text).then(done, failed);
  }

  function makeButton(label, text) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-button';
    button.setAttribute('data-editorial', '');
    button.setAttribute('aria-label', label);
    button.title = label;
    var glyph = document.createElement('span');
    glyph.setAttribute('aria-hidden', 'true');
    glyph.textContent = text;
    button.appendChild(glyph);
    return button;
  }

  main.querySelectorAll('a.self-link[href^="#"]').forEach(function (link) {
    var name = (link.getAttribute('aria-label') || 'Link to this place').replace(/^Link to/, 'Copy link to');
    var button = makeButton(name, 'Copy link');
    button.classList.add('copy-button--link');
    button.addEventListener('click', function () { copy(link.href, 'Link', button); });
    link.after(button);
  });

  main.querySelectorAll('[data-copy]').forEach(function (element) {
    var what = element.getAttribute('data-copy') || 'text';
    var button = makeButton('Copy ' + what, 'Copy');
    button.addEventListener('click', function () { copy(element.textContent.trim(), what.charAt(0).toUpperCase() + what.slice(1), button); });
    element.after(button);
  });
})();
