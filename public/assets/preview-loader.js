// Loads assets/previews.js the first time a reader points at or focuses a link in <main>: pages
// carry no preview code until someone wants a preview (as Wikipedia does). Works from file://.
(function () {
  var data = document.getElementById('link-previews');
  if (!data) return;
  function load(e) {
    if (!e.target.closest || !e.target.closest('main a[href]')) return;
    document.removeEventListener('mouseover', load);
    document.removeEventListener('focusin', load);
    var script = document.createElement('script');
    script.src = data.getAttribute('data-script');
    document.head.appendChild(script);
  }
  document.addEventListener('mouseover', load);
  document.addEventListener('focusin', load);
})();
