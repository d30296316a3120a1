// Loads previews.js on the first hover or focus of a link in <main> (see docs/reading.md).
(function () {
  var data = document.getElementById('link-previews');
  if (!data) return;
  function load(e) {
    if (!e.target.closest || !e.target.closest('main a[href]')) return;
    removeEventListener('mouseover', load);
    removeEventListener('focusin', load);
    var script = document.createElement('script');
    script.src = data.getAttribute('data-script');
    document.head.appendChild(script);
  }
  addEventListener('mouseover', load);
  addEventListener('focusin', load);
})();
