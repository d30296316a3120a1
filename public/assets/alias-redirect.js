// On an alias page (a renamed section's old URL): go to the new page at once, keeping the
// #fragment of the old link, which the meta refresh alone would drop. Without JavaScript the
// refresh and the visible link still send the reader on.
(function () {
  var canonical = document.querySelector('link[rel="canonical"]');
  var target = canonical && canonical.getAttribute('href');
  if (target) window.location.replace(target + window.location.hash);
})();
