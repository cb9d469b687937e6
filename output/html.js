/* html.js - the report page's script (embedded in index.html): task panel,
 * sortable and filterable tables, zoom/pan and highlighting on the diagram.
 * Plain ES5 + DOM; reads its data from the JSON island #rg-data. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('rg-data').textContent);
  var T = data.i18n;
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };

  /* tasks of every unit, lead first */
  var unitTasks = data.units.map(function () { return []; });
  data.tasks.forEach(function (t, i) {
    t.l.forEach(function (u) { unitTasks[u].push(i); });
  });
  data.tasks.forEach(function (t, i) {
    t.s.forEach(function (u) { unitTasks[u].push(i); });
  });
  var partners = data.units.map(function () { return []; });
  data.ties.forEach(function (e) { partners[e[0]].push(e[1]); partners[e[1]].push(e[0]); });

  /* ---- task panel ---- */
  var panel = document.getElementById('panel');
  var ptitle = document.getElementById('panel-title');
  var pbody = document.getElementById('panel-body');
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function names(list) {
    return list.map(function (u) { return data.units[u].name; }).join('、');
  }
  function showTasks(title, list) {
    ptitle.textContent = title + ' — ' + list.length + ' ' + T.tasks;
    pbody.textContent = '';
    list.forEach(function (i) {
      var t = data.tasks[i];
      if (!t) return;
      var div = el('div', 'ptask');
      var a = el('a', 'tl', t.n);
      a.href = '#task-' + t.o;
      div.appendChild(a);
      div.appendChild(document.createTextNode(' ' + t.x));
      if (t.l.length) div.appendChild(el('div', 'pu', T.lead + '：' + names(t.l)));
      if (t.s.length) div.appendChild(el('div', 'pu', T.support + '：' + names(t.s)));
      pbody.appendChild(div);
    });
    panel.hidden = false;
  }
  panel.querySelector('.close').addEventListener('click', function () { panel.hidden = true; });
  document.addEventListener('keydown', function (ev) { if (ev.key === 'Escape') panel.hidden = true; });
  document.addEventListener('click', function (ev) {
    var a = ev.target.closest ? ev.target.closest('a[data-tasks]') : null;
    if (!a) return;
    ev.preventDefault();
    var ids = a.getAttribute('data-tasks').split(',').filter(Boolean).map(Number);
    showTasks(a.getAttribute('data-title') || '', ids);
  });

  /* ---- sortable, filterable tables ---- */
  function key(cell) {
    if (!cell) return '';
    var v = cell.getAttribute('data-v');
    var t = v !== null ? v : cell.textContent.trim();
    return t;
  }
  each(document.querySelectorAll('table.data th[data-sort]'), function (th) {
    th.addEventListener('click', function () {
      var table = th.closest('table');
      var tbody = table.tBodies[0];
      var idx = Array.prototype.indexOf.call(th.parentNode.children, th);
      var num = th.getAttribute('data-sort') === 'num';
      var dir = th.getAttribute('aria-sort') === 'descending' ? 1 : -1;
      if (!num && !th.getAttribute('aria-sort')) dir = 1;
      each(th.parentNode.children, function (o) { o.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
      var rows = Array.prototype.slice.call(tbody.rows);
      rows.sort(function (a, b) {
        var x = key(a.cells[idx]), y = key(b.cells[idx]);
        if (num) {
          var p = parseFloat(x), q = parseFloat(y);
          if (isNaN(p)) p = -Infinity;
          if (isNaN(q)) q = -Infinity;
          return dir * (p === q ? 0 : (p < q ? -1 : 1));
        }
        return dir * x.localeCompare(y, 'zh');
      });
      rows.forEach(function (r) { tbody.appendChild(r); });
    });
  });
  each(document.querySelectorAll('input[data-filter]'), function (inp) {
    var table = document.getElementById(inp.getAttribute('data-filter'));
    if (!table) return;
    inp.addEventListener('input', function () {
      var q = inp.value.trim().toLowerCase();
      each(table.tBodies[0].rows, function (r) {
        r.hidden = q !== '' && r.textContent.toLowerCase().indexOf(q) < 0;
      });
    });
  });

  /* ---- printing the units' sections: only when asked (html.css) ---- */
  var pu = document.getElementById('print-units');
  if (pu) {
    pu.addEventListener('change', function () {
      document.body.classList.toggle('print-units', pu.checked);
    });
  }

  /* ---- search: units by name, tasks by number or text ---- */
  var q = document.getElementById('q'), qres = document.getElementById('qres');
  var MAX_SHOWN = 30;
  function norm(s) { return (s.normalize ? s.normalize('NFKC') : s).toLowerCase(); }
  function marked(text, needle) {
    var frag = document.createDocumentFragment(), low = norm(text), at = 0, i;
    if (low.length !== text.length) { frag.appendChild(document.createTextNode(text)); return frag; }
    while ((i = low.indexOf(needle, at)) >= 0) {
      frag.appendChild(document.createTextNode(text.slice(at, i)));
      frag.appendChild(el('mark', null, text.slice(i, i + needle.length)));
      at = i + needle.length;
    }
    frag.appendChild(document.createTextNode(text.slice(at)));
    return frag;
  }
  function hitRows(needle) {
    each(document.querySelectorAll('tr.hit'), function (r) { r.classList.remove('hit'); });
    if (!needle) return;
    each(document.querySelectorAll('#task-table tbody tr, #load-table tbody tr'), function (r) {
      if (norm(r.textContent).indexOf(needle) >= 0) r.classList.add('hit');
    });
  }
  function search() {
    var needle = norm(q.value.trim());
    hitRows(needle);
    qres.textContent = '';
    if (!needle) { qres.hidden = true; return; }
    var units = [], tasks = [];
    data.units.forEach(function (u, i) { if (norm(u.name).indexOf(needle) >= 0) units.push(i); });
    data.tasks.forEach(function (t, i) {
      if (norm(t.x).indexOf(needle) >= 0 || norm(t.n) === needle) tasks.push(i);
    });
    qres.appendChild(el('h4', null, T.sunits + ' (' + units.length + ')'));
    units.slice(0, MAX_SHOWN).forEach(function (u) {
      var a = el('a'), own = unitTasks[u];
      if (data.units[u].kind === 'unit') a.href = '#unit-' + u;
      else {
        a.href = '#tasks';
        a.setAttribute('data-tasks', own.join(','));
        a.setAttribute('data-title', data.units[u].name);
      }
      a.appendChild(marked(data.units[u].name, needle));
      a.appendChild(document.createTextNode(' · ' + own.length + ' ' + T.tasks));
      qres.appendChild(a);
    });
    var h = el('h4', null, T.stasks + ' (' + tasks.length + ') ');
    if (tasks.length > MAX_SHOWN) {
      var all = el('a', 'all', T.all);
      all.href = '#tasks';
      all.setAttribute('data-tasks', tasks.join(','));
      all.setAttribute('data-title', q.value.trim());
      h.appendChild(all);
    }
    qres.appendChild(h);
    tasks.slice(0, MAX_SHOWN).forEach(function (i) {
      var t = data.tasks[i], a = el('a', null, t.n + ' ');
      a.href = '#task-' + t.o;
      a.appendChild(marked(t.x.length > 120 ? t.x.slice(0, 120) + '…' : t.x, needle));
      qres.appendChild(a);
    });
    var first = qres.querySelector('a');
    if (first) first.classList.add('first');
    qres.hidden = false;
  }
  if (q && qres) {
    q.addEventListener('input', search);
    q.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter') {
        var first = qres.querySelector('a.first');
        if (first) first.click();
      } else if (ev.key === 'Escape') {
        qres.hidden = true;
      }
    });
    qres.addEventListener('click', function (ev) {
      var a = ev.target.closest ? ev.target.closest('a') : null;
      if (!a) return;
      qres.hidden = true;
      var id = (a.getAttribute('href') || '').slice(1), target = document.getElementById(id);
      if (target && !a.hasAttribute('data-tasks')) {
        ev.preventDefault();
        each(document.querySelectorAll('input[data-filter]'), function (inp) {
          if (inp.value) { inp.value = ''; inp.dispatchEvent(new Event('input')); }
        });
        location.hash = id;
        target.scrollIntoView();
      }
    });
    q.addEventListener('focus', function () { if (q.value.trim()) qres.hidden = false; });
  }

  /* ---- diagram: zoom, pan, highlight ---- */
  var box = document.getElementById('collab');
  var svg = box ? box.querySelector('svg') : null;
  if (!svg) return;
  var vb0 = svg.viewBox && svg.viewBox.baseVal;
  var orig = vb0 && vb0.width ? [vb0.x, vb0.y, vb0.width, vb0.height] : null;
  if (!orig) {
    var bb = svg.getBBox();
    orig = [bb.x, bb.y, bb.width || 1, bb.height || 1];
  }
  var vb = orig.slice();
  svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  function apply() { svg.setAttribute('viewBox', vb.join(' ')); }
  function toSvg(cx, cy) {
    var m = svg.getScreenCTM();
    if (!m) return { x: vb[0] + vb[2] / 2, y: vb[1] + vb[3] / 2 };
    var pt = svg.createSVGPoint();
    pt.x = cx;
    pt.y = cy;
    return pt.matrixTransform(m.inverse());
  }
  function zoomAt(f, p) {
    vb[0] = p.x - (p.x - vb[0]) * f;
    vb[1] = p.y - (p.y - vb[1]) * f;
    vb[2] *= f;
    vb[3] *= f;
    apply();
  }
  box.addEventListener('wheel', function (ev) {
    ev.preventDefault();
    zoomAt(ev.deltaY > 0 ? 1.2 : 1 / 1.2, toSvg(ev.clientX, ev.clientY));
  }, { passive: false });
  each(document.querySelectorAll('button[data-zoom]'), function (b) {
    b.addEventListener('click', function () {
      var z = b.getAttribute('data-zoom');
      var c = { x: vb[0] + vb[2] / 2, y: vb[1] + vb[3] / 2 };
      if (z === 'in') zoomAt(1 / 1.4, c);
      else if (z === 'out') zoomAt(1.4, c);
      else { vb = orig.slice(); apply(); }
    });
  });
  var drag = null, moved = false;
  box.addEventListener('pointerdown', function (ev) {
    var m = svg.getScreenCTM();
    drag = { x: ev.clientX, y: ev.clientY, vb: vb.slice(), s: m ? m.a : 1 };
    moved = false;
  });
  window.addEventListener('pointermove', function (ev) {
    if (!drag) return;
    var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) { moved = true; box.classList.add('dragging'); }
    if (!moved) return;
    vb[0] = drag.vb[0] - dx / drag.s;
    vb[1] = drag.vb[1] - dy / drag.s;
    apply();
  });
  window.addEventListener('pointerup', function () { drag = null; box.classList.remove('dragging'); });

  /* nodes carry id "u<unit>", ties id "e<a>_<b>" (output/diagram.h); an
   * edge without such an id is matched by its <title> "a--b" */
  var nodeOf = {}, unitOfName = {};
  each(svg.querySelectorAll('g.node'), function (g) {
    var m = /^u(\d+)$/.exec(g.id);
    if (!m) return;
    var u = Number(m[1]);
    nodeOf[u] = g;
    var t = g.querySelector('title');
    if (t) unitOfName[t.textContent] = u;
  });
  var edges = [];
  each(svg.querySelectorAll('g.edge'), function (g) {
    var m = /^e(\d+)_(\d+)$/.exec(g.id);
    if (m) {
      edges.push({ g: g, a: Number(m[1]), b: Number(m[2]) });
      return;
    }
    var t = g.querySelector('title');
    if (!t) return;
    var parts = t.textContent.split(/--|->/);
    for (var k = 1; k < parts.length; k++) {
      var a = parts.slice(0, k).join('--'), b = parts.slice(k).join('--');
      if (a in unitOfName && b in unitOfName) {
        edges.push({ g: g, a: unitOfName[a], b: unitOfName[b] });
        return;
      }
    }
  });
  function clear() {
    svg.classList.remove('dim');
    each(svg.querySelectorAll('.hl'), function (e) { e.classList.remove('hl'); });
  }
  function highlight(u) {
    clear();
    svg.classList.add('dim');
    if (nodeOf[u]) nodeOf[u].classList.add('hl');
    partners[u].forEach(function (v) { if (nodeOf[v]) nodeOf[v].classList.add('hl'); });
    edges.forEach(function (e) { if (e.a === u || e.b === u) e.g.classList.add('hl'); });
  }
  var pinned = null;
  Object.keys(nodeOf).forEach(function (k) {
    var u = Number(k), g = nodeOf[u];
    g.addEventListener('mouseenter', function () { if (pinned === null) highlight(u); });
    g.addEventListener('mouseleave', function () { if (pinned === null) clear(); });
    g.addEventListener('click', function (ev) {
      ev.preventDefault();
      ev.stopPropagation();
      if (moved) return;
      each(svg.querySelectorAll('.sel'), function (e) { e.classList.remove('sel'); });
      pinned = u;
      g.classList.add('sel');
      highlight(u);
      showTasks(data.units[u].name, unitTasks[u]);
    });
  });
  svg.addEventListener('click', function () {
    if (moved || pinned === null) return;
    pinned = null;
    each(svg.querySelectorAll('.sel'), function (e) { e.classList.remove('sel'); });
    clear();
  });
})();
