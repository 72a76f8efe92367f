// Side-by-side page: hovering or focusing a passage highlights its counterparts in the other columns.
// The page works without this file; it only adds the highlight (and, with separate columns, brings the
// counterpart into view inside its own column).
(function () {
  'use strict';

  function piecesOf(anchor) {
    return document.querySelectorAll('[data-passage="' + anchor + '"]');
  }

  function passageOf(node) {
    return node && node.closest ? node.closest('.passage[data-counterparts]') : null;
  }

  function mark(passage, on) {
    var own = piecesOf(passage.getAttribute('data-passage'));
    own.forEach(function (p) { p.classList.toggle('is-active', on); });
    passage.getAttribute('data-counterparts').split(' ').forEach(function (anchor) {
      piecesOf(anchor).forEach(function (p) {
        p.classList.toggle('is-counterpart', on);
        if (on) {
          revealInPane(p);
        }
      });
    });
  }

  // With separate columns each column scrolls on its own: scroll only that column, never the page.
  function revealInPane(node) {
    var pane = node.closest('.pane__body');
    if (!pane) {
      return;
    }
    var top = node.getBoundingClientRect().top - pane.getBoundingClientRect().top;
    if (top < 0 || top > pane.clientHeight - 40) {
      pane.scrollTop += top - pane.clientHeight / 3;
    }
  }

  var current = null;

  function activate(passage) {
    if (current === passage) {
      return;
    }
    if (current) {
      mark(current, false);
    }
    current = passage;
    if (current) {
      mark(current, true);
    }
  }

  // Scrolling (a jump link, keyboard focus) slides passages under a resting pointer, and the browser then fires
  // mouseover at the same coordinates; only a pointer that really moved may take the highlight from focus.
  var restX = null;
  var restY = null;
  document.addEventListener('mousemove', function (e) { restX = e.clientX; restY = e.clientY; });
  document.addEventListener('mouseover', function (e) {
    if (e.clientX === restX && e.clientY === restY) {
      return;
    }
    activate(passageOf(e.target));
  });
  document.addEventListener('focusin', function (e) { activate(passageOf(e.target)); });
  document.addEventListener('mouseleave', function () { activate(null); });
})();
