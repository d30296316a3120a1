// Runs in <head> before the page paints: applies the remembered theme so there is no flash of
// the wrong one. Without a remembered choice the page follows prefers-color-scheme (pure CSS).
// Once the page is parsed it wires the toggle, an aria-pressed button labelled "Dark theme".
(function () {
  var KEY = 'theme';
  var root = document.documentElement;
  var stored = null;
  try { stored = localStorage.getItem(KEY); } catch (e) { /* storage may be off (file://, privacy mode): follow the system */ }
  if (stored === 'light' || stored === 'dark') root.setAttribute('data-theme', stored);
  var system = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  function current() {
    return root.getAttribute('data-theme') || (system && system.matches ? 'dark' : 'light');
  }
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.querySelector('[data-theme-toggle]');
    if (!button) return;
    button.hidden = false;
    var sync = function () { button.setAttribute('aria-pressed', current() === 'dark' ? 'true' : 'false'); };
    sync();
    if (system && system.addEventListener) system.addEventListener('change', sync);
    button.addEventListener('click', function () {
      var next = current() === 'dark' ? 'light' : 'dark';
      root.setAttribute('data-theme', next);
      try { localStorage.setItem(KEY, next); } catch (e) { /* not remembered, still applied */ }
      sync();
    });
  });
})();
