// Marks the table-of-contents entry for the part of the page the reader is in (aria-current),
// and keeps it in view inside a scrolling sidebar. Without this script the contents are still a
// plain list of links. An IntersectionObserver wakes us when a target crosses the reading line.
(function () {
  var toc = document.querySelector('[data-toc]');
  if (!toc || !('IntersectionObserver' in window)) return;
  var links = Array.prototype.slice.call(toc.querySelectorAll('a[href^="#"]'));
  var items = [];
  links.forEach(function (link) {
    var target = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
    if (target) items.push({ link: link, target: target });
  });
  if (!items.length) return;
  var current = null;
  // The reading line: a third of the way down the window, where the eye usually is.
  function update() {
    var line = window.innerHeight / 3;
    var active = items[0];
    var atEnd = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
    for (var i = 0; i < items.length; i++) {
      if (items[i].target.getBoundingClientRect().top <= line) active = items[i];
    }
    if (atEnd) active = items[items.length - 1];
    if (active === current) return;
    if (current) current.link.removeAttribute('aria-current');
    active.link.setAttribute('aria-current', 'true');
    current = active;
  }
  var queued = false;
  function schedule() {
    if (queued) return;
    queued = true;
    requestAnimationFrame(function () { queued = false; update(); });
  }
  var observer = new IntersectionObserver(schedule, { rootMargin: '0px 0px -66% 0px', threshold: [0, 1] });
  items.forEach(function (item) { observer.observe(item.target); });
  // The last parts can be too short to reach the reading line: the page's end counts too.
  var footer = document.querySelector('.site-footer');
  if (footer) new IntersectionObserver(schedule).observe(footer);
  update();
})();
