// Layer toggles: each checkbox adds or removes a "hide-<layer>" class on <body>.
(function () {
  var boxes = document.querySelectorAll('.toggles input[data-layer]');
  Array.prototype.forEach.call(boxes, function (box) {
    function apply() {
      document.body.classList.toggle('hide-' + box.getAttribute('data-layer'), !box.checked);
    }
    box.addEventListener('change', apply);
    apply();
  });
  // A speaker mention links to its first quote; clicking it also outlines
  // all of that speaker's quotes in the same document.
  document.addEventListener('click', function (ev) {
    var link = ev.target.closest ? ev.target.closest('a.spk') : null;
    if (!link) return;
    var doc = link.closest('section.doc');
    if (!doc) return;
    var spk = link.getAttribute('data-spk');
    Array.prototype.forEach.call(doc.querySelectorAll('.q.focus'), function (q) {
      q.classList.remove('focus');
    });
    Array.prototype.forEach.call(doc.querySelectorAll('.q'), function (q) {
      if (q.getAttribute('data-spk') === spk) q.classList.add('focus');
    });
  });
  // Lets tests see that the script ran.
  document.body.setAttribute('data-js', 'ready');
})();
