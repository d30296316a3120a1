// Runs in <head> before the page paints: applies the remembered theme so there is no flash of
// the wrong one, then wires the toggle button once the page is parsed.
(function () {
  var KEY = 'theme';
  var root = document.documentElement;
  var stored = null;
  try { stored = localStorage.getItem(KEY); } catch (e) { /* storage may be off (file://, privacy mode) */ }
  if (stored === 'light' || stored === 'dark') root.setAttribute('data-theme', stored);
  function current() {
    var set = root.getAttribute('data-theme');
    if (set) return set;
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.querySelector('[data-theme-toggle]');
    if (!button) return;
    button.hidden = false;
    var sync = function () { button.setAttribute('aria-pressed', current() === 'dark' ? 'true' : 'false'); };
    sync();
    button.addEventListener('click', function () {
      var next = current() === 'dark' ? 'light' : 'dark';
      root.setAttribute('data-theme', next);
      try { localStorage.setItem(KEY, next); } catch (e) { /* not remembered, still applied */ }
      sync();
    });
  });
})();
