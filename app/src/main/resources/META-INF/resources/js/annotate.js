// Annotations on the reader page: highlights for the listed annotations, and a form for new ones.
// Text only ever enters the page through textContent; nothing here builds markup from strings.
(function () {
  'use strict';

  var panel = document.getElementById('annotations');
  var body = document.querySelector('.reader__body');
  if (!panel || !body) {
    return;
  }
  var articleId = panel.getAttribute('data-article');

  // Paragraph elements carry their offsets into the stored body (data-start, data-end).
  function paragraphs() {
    return Array.prototype.slice.call(body.querySelectorAll('[data-start][data-end]'));
  }

  function textNodes(element) {
    var walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, null);
    var nodes = [];
    while (walker.nextNode()) {
      nodes.push(walker.currentNode);
    }
    return nodes;
  }

  // Wraps body[start, end) in <mark> elements, one per text node it crosses.
  function highlight(start, end, id, linked) {
    paragraphs().forEach(function (p) {
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
    highlight(parseInt(item.getAttribute('data-anchor-start'), 10), parseInt(item.getAttribute('data-anchor-end'), 10),
      item.getAttribute('data-annotation-id'), item.getAttribute('data-linked') === 'true');
  });

  var form = document.getElementById('annotate-form');
  var start = document.getElementById('annotate-start');
  if (!form || !start) {
    return;
  }
  var quote = document.getElementById('annotate-quote');
  var status = document.getElementById('annotate-status');
  var selected = null;

  // Offset of a DOM position within the stored body, or -1 when it is outside the article's paragraphs.
  function bodyOffset(container, offset) {
    var element = container.nodeType === Node.ELEMENT_NODE ? container : container.parentElement;
    var p = element && element.closest('[data-start][data-end]');
    if (!p || !body.contains(p)) {
      return -1;
    }
    var range = document.createRange();
    range.setStart(p, 0);
    range.setEnd(container, offset);
    return parseInt(p.getAttribute('data-start'), 10) + range.toString().length;
  }

  document.addEventListener('selectionchange', function () {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
      return; // keep the last selection: focusing the button must not lose it
    }
    var range = selection.getRangeAt(0);
    var s = bodyOffset(range.startContainer, range.startOffset);
    var e = bodyOffset(range.endContainer, range.endOffset);
    if (s < 0 || e <= s) {
      return;
    }
    selected = { start: s, end: e, exact: range.toString() };
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
        source: new URL('/articles/' + articleId, window.location.href).toString(),
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
        return response.json().then(function (created) {
          var id = created.id.substring(created.id.lastIndexOf('/') + 1);
          window.location.assign('/articles/' + articleId + '#annotation-' + id);
          window.location.reload();
        });
      }
      return response.json().catch(function () { return {}; }).then(function (problem) {
        status.textContent = 'Not saved: ' + (problem.error || ('the server answered ' + response.status));
      });
    }).catch(function () {
      status.textContent = 'Not saved: the server could not be reached. Try again.';
    });
  });
}());
