// Marks the contents entry of the part being read (see docs/reading.md); the list works without it.
(function () {
  var toc = document.querySelector('[data-toc]');
  if (!toc || !window.IntersectionObserver) return;
  var items = [];
  toc.querySelectorAll('a[href^="#"]').forEach(function (link) {
    var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (target) items.push([link, target]);
  });
  if (!items.length) return;
  var current, queued;
  function update() {
    queued = false;
    // The last part whose top passed the reading line (a third down), or the last at the page end.
    var active = items[0];
    items.forEach(function (item) { if (item[1].getBoundingClientRect().top <= innerHeight / 3) active = item; });
    if (innerHeight + scrollY >= document.documentElement.scrollHeight - 2) active = items[items.length - 1];
    if (active === current) return;
    if (current) current[0].removeAttribute('aria-current');
    active[0].setAttribute('aria-current', 'true');
    current = active;
  }
  function schedule() { if (!queued) { queued = true; requestAnimationFrame(update); } }
  var observer = new IntersectionObserver(schedule, { rootMargin: '0px 0px -66% 0px' });
  items.forEach(function (item) { observer.observe(item[1]); });
  observer.observe(document.querySelector('.site-footer') || document.body);
  update();
})();
