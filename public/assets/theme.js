// In <head>, before paint: applies the remembered theme (no flash), then wires the toggle.
(function () {
  var root = document.documentElement, stored = null;
  try { stored = localStorage.getItem('theme'); } catch (e) { /* storage off (file://, private): follow the system */ }
  if (stored === 'light' || stored === 'dark') root.setAttribute('data-theme', stored);
  var system = window.matchMedia && matchMedia('(prefers-color-scheme: dark)');
  function dark() { var set = root.getAttribute('data-theme'); return set ? set === 'dark' : !!(system && system.matches); }
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.querySelector('[data-theme-toggle]');
    if (!button) return;
    function sync() { button.setAttribute('aria-pressed', String(dark())); }
    button.hidden = false;
    sync();
    if (system && system.addEventListener) system.addEventListener('change', sync);
    button.addEventListener('click', function () {
      var next = dark() ? 'light' : 'dark';
      root.setAttribute('data-theme', next);
      try { localStorage.setItem('theme', next); } catch (e) { /* not remembered, still applied */ }
      sync();
    });
  });
})();
