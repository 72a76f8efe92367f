// Annotations on pages that show article text (the reader, and the side-by-side compare view):
// highlights for the listed annotations, and a small form that annotates the current selection.
// Text only ever enters the page through textContent; nothing here builds markup from strings.
//
// Article text is made of paragraph elements carrying their offsets into the stored body
// (data-start, data-end) and, directly or on an ancestor, the article id (data-article). Labels that
// are not article text (screen-reader prefixes, jump links) are skipped when counting characters.
(function () {
  'use strict';

  var PARAGRAPHS = 'p[data-start][data-end], h2[data-start][data-end], h3[data-start][data-end], '
    + 'blockquote[data-start][data-end]';
  var NOT_TEXT = '.visually-hidden, .jump, .anchor, [aria-hidden="true"]';

  var panel = document.getElementById('annotations');
  if (!panel) {
    return;
  }

  function articleOf(element) {
    var holder = element.closest('[data-article]');
    return holder ? holder.getAttribute('data-article') : null;
  }

  function paragraphs(articleId) {
    return Array.prototype.filter.call(document.querySelectorAll(PARAGRAPHS), function (p) {
      return !p.closest('#annotations') && articleOf(p) === articleId
        && !(p.parentElement && p.parentElement.closest(PARAGRAPHS));
    });
  }

  function paragraphOf(node) {
    var element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    var p = element ? element.closest(PARAGRAPHS) : null;
    while (p && p.parentElement && p.parentElement.closest(PARAGRAPHS)) {
      p = p.parentElement.closest(PARAGRAPHS);
    }
    return p && !p.closest('#annotations') && articleOf(p) ? p : null;
  }

  // The paragraph's article-text nodes, in document order.
  function textNodes(p) {
    var walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentElement.closest(NOT_TEXT) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    while (walker.nextNode()) {
      nodes.push(walker.currentNode);
    }
    return nodes;
  }

  // Body offset of a DOM position (a selection boundary) inside paragraph p.
  function bodyOffset(p, container, offset) {
    var point = document.createRange();
    point.setStart(container, offset);
    var count = 0;
    var nodes = textNodes(p);
    for (var i = 0; i < nodes.length; i++) {
      var node = nodes[i];
      if (node === container) {
        return parseInt(p.getAttribute('data-start'), 10) + count + offset;
      }
      if (point.comparePoint(node, 0) > 0) {
        break; // this text starts after the point
      }
      count += node.nodeValue.length;
    }
    return parseInt(p.getAttribute('data-start'), 10) + count;
  }

  // Wraps body[start, end) of an article in <mark> elements, one per text node it crosses.
  function highlight(articleId, start, end, id, linked) {
    paragraphs(articleId).forEach(function (p) {
      var pStart = parseInt(p.getAttribute('data-start'), 10);
      var pEnd = parseInt(p.getAttribute('data-end'), 10);
      if (end <= pStart || start >= pEnd) {
        return;
      }
      var from = Math.max(start, pStart) - pStart;
      var to = Math.min(end, pEnd) - pStart;
      var offset = 0;
      textNodes(p).forEach(function (node) {
        var length = node.nodeValue.length;
        var a = Math.max(from, offset);
        var b = Math.min(to, offset + length);
        if (a < b) {
          var target = node;
          if (b - offset < length) {
            target.splitText(b - offset);
          }
          if (a - offset > 0) {
            target = target.splitText(a - offset);
          }
          var mark = document.createElement('mark');
          mark.className = linked ? 'annotation-mark annotation-mark--linked' : 'annotation-mark';
          mark.setAttribute('data-annotation-id', id);
          target.parentNode.insertBefore(mark, target);
          mark.appendChild(target);
        }
        offset += length;
      });
    });
  }

  Array.prototype.forEach.call(panel.querySelectorAll('[data-anchor-start]'), function (item) {
    if (item.closest('.annotation-list--orphaned')) {
      return;
    }
    highlight(item.getAttribute('data-on-article'), parseInt(item.getAttribute('data-anchor-start'), 10),
      parseInt(item.getAttribute('data-anchor-end'), 10), item.getAttribute('data-annotation-id'),
      item.getAttribute('data-linked') === 'true');
  });

  var form = document.getElementById('annotate-form');
  var start = document.getElementById('annotate-start');
  if (!form || !start) {
    return;
  }
  var quote = document.getElementById('annotate-quote');
  var status = document.getElementById('annotate-status');
  var selected = null;

  // The stored body's text between two offsets. Paragraphs are joined by a blank line in the body; pieces
  // of one paragraph shown in separate elements (compare rows) follow each other directly.
  function bodyText(articleId, s, e) {
    var text = '';
    var previousEnd = -1;
    paragraphs(articleId).forEach(function (p) {
      var pStart = parseInt(p.getAttribute('data-start'), 10);
      var pEnd = parseInt(p.getAttribute('data-end'), 10);
      if (e <= pStart || s >= pEnd) {
        return;
      }
      var own = textNodes(p).map(function (n) { return n.nodeValue; }).join('');
      if (previousEnd >= 0 && previousEnd !== pStart) {
        text += '\n\n';
      }
      text += own.substring(Math.max(s, pStart) - pStart, Math.min(e, pEnd) - pStart);
      previousEnd = pEnd;
    });
    return text;
  }

  document.addEventListener('selectionchange', function () {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
      return; // keep the last selection: moving focus to the button must not lose it
    }
    var range = selection.getRangeAt(0);
    var first = paragraphOf(range.startContainer);
    var last = paragraphOf(range.endContainer);
    if (!first || !last || articleOf(first) !== articleOf(last)) {
      return;
    }
    var articleId = articleOf(first);
    var s = bodyOffset(first, range.startContainer, range.startOffset);
    var e = bodyOffset(last, range.endContainer, range.endOffset);
    var exact = e > s ? bodyText(articleId, s, e) : '';
    if (exact.trim().length === 0) {
      return;
    }
    selected = { article: articleId, start: s, end: e, exact: exact };
    start.disabled = false;
  });

  start.addEventListener('click', function () {
    if (!selected) {
      return;
    }
    quote.textContent = selected.exact;
    form.hidden = false;
    status.textContent = '';
    document.getElementById('annotate-note').focus();
  });

  document.getElementById('annotate-cancel').addEventListener('click', function () {
    form.hidden = true;
    start.focus();
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (!selected) {
      return;
    }
    var note = form.elements.note.value;
    var tags = form.elements.tags.value.split(',').map(function (t) { return t.trim(); })
      .filter(function (t) { return t.length > 0; });
    var bodies = [];
    if (note.trim().length > 0) {
      bodies.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: note });
    }
    tags.forEach(function (t) { bodies.push({ type: 'TextualBody', purpose: 'tagging', value: t }); });
    var annotation = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      body: bodies,
      visibility: form.elements.visibility.value,
      target: {
        source: new URL('/articles/' + selected.article, window.location.href).toString(),
        selector: [
          { type: 'TextQuoteSelector', exact: selected.exact },
          { type: 'TextPositionSelector', start: selected.start, end: selected.end }
        ]
      }
    };
    status.textContent = 'Saving…';
    fetch('/api/annotations', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/ld+json',
        'Accept': 'application/ld+json',
        'X-CSRF-TOKEN': form.elements['csrf-token'].value
      },
      body: JSON.stringify(annotation)
    }).then(function (response) {
      if (response.status === 201) {
        window.location.reload();
        return null;
      }
      return response.json().catch(function () { return {}; }).then(function (problem) {
        status.textContent = 'Not saved: ' + (problem.error || ('the server answered ' + response.status));
      });
    }).catch(function () {
      status.textContent = 'Not saved: the server could not be reached. Try again.';
    });
  });
}());
