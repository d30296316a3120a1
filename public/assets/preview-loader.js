// Loads this page's preview data, then previews.js, on the first hover or focus of a link in
// <main> (see docs/reading.md): no reader pays for previews up front.
(function () {
  var me = document.currentScript;
  function add(src, then) {
    var script = document.createElement('script');
    script.src = src;
    script.onload = then;
    document.head.appendChild(script);
  }
  function load(e) {
    if (!e.target.closest || !e.target.closest('main a[href]')) return;
    removeEventListener('mouseover', load);
    removeEventListener('focusin', load);
    add(me.getAttribute('data-previews'), function () { add(me.getAttribute('data-script')); });
  }
  addEventListener('mouseover', load);
  addEventListener('focusin', load);
})();
