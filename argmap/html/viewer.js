// argmap's map viewer: pan and zoom, search, the side panel, the label colouring toggle and,
// on a live page (argmap view), updates pushed by the server. Plain JavaScript, no library.
// Map text is only ever set as text (textContent), never parsed as markup.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  var stage = document.getElementById("stage");
  var panel = document.getElementById("panel");
  var search = document.getElementById("search");
  var matchesOut = document.getElementById("matches");
  var evaluateButton = document.getElementById("evaluate");
  var errorsBox = document.getElementById("errors");
  var evaluated = Boolean(data.evaluate);
  var view = null; // the visible part of the drawing, in its own units: {x, y, w, h}
  var home = null; // the whole drawing
  var selected = null; // the node id shown in the panel
  var matches = [];
  var matchIndex = -1;

  function drawing() {
    return stage.querySelector('.drawing[data-evaluated="' + evaluated + '"]');
  }
  function svg() {
    var d = drawing();
    return d ? d.querySelector("svg") : null;
  }
  function readHome() {
    var s = svg();
    if (!s || !s.viewBox.baseVal) { home = null; return; }
    var b = s.viewBox.baseVal;
    home = { x: b.x, y: b.y, w: b.width, h: b.height };
  }
  function show(v) {
    var s = svg();
    if (!s || !v) return;
    view = v;
    s.setAttribute("viewBox", [v.x, v.y, v.w, v.h].join(" "));
  }
  function fit() {
    if (home) show({ x: home.x, y: home.y, w: home.w, h: home.h });
  }
  function toDrawing(clientX, clientY) {
    var s = svg();
    var p = s.createSVGPoint();
    p.x = clientX;
    p.y = clientY;
    return p.matrixTransform(s.getScreenCTM().inverse());
  }
  function centre() {
    var r = stage.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }
  function zoomAt(factor, clientX, clientY) {
    if (!view || !home) return;
    var w = Math.min(Math.max(view.w / factor, home.w / 200), home.w * 4);
    var f = view.w / w;
    var p = toDrawing(clientX, clientY);
    show({ x: p.x - (p.x - view.x) / f, y: p.y - (p.y - view.y) / f, w: w, h: view.h / f });
  }
  function panBy(dxPixels, dyPixels) {
    var scale = svg().getScreenCTM().a;
    show({ x: view.x - dxPixels / scale, y: view.y - dyPixels / scale, w: view.w, h: view.h });
  }
  function node(id) {
    var d = drawing();
    return d ? d.querySelector('g.node[id="' + CSS.escape(id) + '"]') : null;
  }
  function middle(id) {
    var n = node(id);
    if (!n) return null;
    var r = n.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }
  function centreOn(id) {
    var n = node(id);
    if (!n || !view) return;
    var r = n.getBoundingClientRect();
    var a = toDrawing(r.left, r.top);
    var b = toDrawing(r.right, r.bottom);
    // the node a third of the stage wide, at most 1.5 pixels a unit, never zoomed out
    var pixels = stage.getBoundingClientRect().width;
    var w = Math.min(view.w, Math.max((b.x - a.x) * 3, pixels / 1.5));
    var h = (view.h * w) / view.w;
    show({ x: (a.x + b.x) / 2 - w / 2, y: (a.y + b.y) / 2 - h / 2, w: w, h: h });
  }

  // ---- pointer: drag to pan, pinch or wheel to zoom, click to select ----
  var pointers = new Map();
  var dragStart = null;
  var pinchStart = null;
  stage.addEventListener("pointerdown", function (e) {
    if (!view || e.target.closest("#errors")) return;
    stage.setPointerCapture(e.pointerId);
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pointers.size === 1) {
      dragStart = { x: e.clientX, y: e.clientY, view: view, target: e.target, moved: false };
    } else if (pointers.size === 2) {
      var ps = Array.from(pointers.values());
      pinchStart = { d: Math.hypot(ps[0].x - ps[1].x, ps[0].y - ps[1].y), view: view };
      dragStart = null;
    }
  });
  stage.addEventListener("pointermove", function (e) {
    if (!pointers.has(e.pointerId)) return;
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pinchStart && pointers.size === 2) {
      var ps = Array.from(pointers.values());
      var d = Math.hypot(ps[0].x - ps[1].x, ps[0].y - ps[1].y);
      show(pinchStart.view);
      zoomAt(d / Math.max(pinchStart.d, 1), (ps[0].x + ps[1].x) / 2, (ps[0].y + ps[1].y) / 2);
    } else if (dragStart) {
      var dx = e.clientX - dragStart.x;
      var dy = e.clientY - dragStart.y;
      if (!dragStart.moved && Math.hypot(dx, dy) < 4) return;
      dragStart.moved = true;
      stage.classList.add("dragging");
      show(dragStart.view);
      panBy(dx, dy);
    }
  });
  function release(e) {
    if (!pointers.delete(e.pointerId)) return;
    stage.classList.remove("dragging");
    if (dragStart && !dragStart.moved && e.type === "pointerup") {
      var hit = dragStart.target.closest ? dragStart.target.closest("g.node") : null;
      if (hit && data.elements[hit.id]) select(hit.id, false);
    }
    dragStart = null;
    if (pointers.size < 2) pinchStart = null;
  }
  stage.addEventListener("pointerup", release);
  stage.addEventListener("pointercancel", release);
  stage.addEventListener(
    "wheel",
    function (e) {
      if (!view) return;
      e.preventDefault();
      zoomAt(Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.002)), e.clientX, e.clientY);
    },
    { passive: false }
  );

  // ---- keyboard ----
  document.addEventListener("keydown", function (e) {
    if (e.target === search) {
      if (e.key === "Enter") { e.preventDefault(); nextMatch(e.shiftKey ? -1 : 1); }
      if (e.key === "Escape") { search.value = ""; runSearch(); stage.focus(); }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || !view) return;
    var step = 80;
    var c = centre();
    var keys = {
      ArrowLeft: function () { panBy(step, 0); },
      ArrowRight: function () { panBy(-step, 0); },
      ArrowUp: function () { panBy(0, step); },
      ArrowDown: function () { panBy(0, -step); },
      "+": function () { zoomAt(1.25, c.x, c.y); },
      "=": function () { zoomAt(1.25, c.x, c.y); },
      "-": function () { zoomAt(0.8, c.x, c.y); },
      "0": fit,
      e: toggleEvaluate,
      "/": function () { search.focus(); },
      Escape: function () { select(null, false); },
    };
    if (keys[e.key]) { e.preventDefault(); keys[e.key](); }
  });
  document.getElementById("zoom-in").addEventListener("click", function () {
    var c = centre(); zoomAt(1.25, c.x, c.y);
  });
  document.getElementById("zoom-out").addEventListener("click", function () {
    var c = centre(); zoomAt(0.8, c.x, c.y);
  });
  document.getElementById("fit").addEventListener("click", fit);
  evaluateButton.addEventListener("click", toggleEvaluate);

  function toggleEvaluate() {
    var kept = view;
    evaluated = !evaluated;
    stage.querySelectorAll(".drawing").forEach(function (d) {
      d.hidden = d.getAttribute("data-evaluated") !== String(evaluated);
    });
    evaluateButton.setAttribute("aria-pressed", String(evaluated));
    readHome();
    if (kept) show(kept); else fit();
    if (selected) centreOn(selected);
  }

  // ---- search ----
  function haystack(entry) {
    var parts = [entry.id || "", entry.text || "", entry.holder || ""];
    (entry.quotes || []).forEach(function (q) { parts.push(q.text); });
    return parts.join("\n").toLowerCase();
  }
  function mark(className, ids) {
    stage.querySelectorAll("g." + className).forEach(function (g) { g.classList.remove(className); });
    stage.querySelectorAll("g.node").forEach(function (g) {
      if (ids.indexOf(g.id) >= 0) g.classList.add(className);
    });
  }
  function runSearch() {
    findMatches();
    if (matches.length) nextMatch(1);
  }
  function findMatches() {
    var wanted = search.value.trim().toLowerCase();
    matches = [];
    if (wanted) {
      Object.keys(data.elements).forEach(function (id) {
        if (haystack(data.elements[id]).indexOf(wanted) >= 0) matches.push(id);
      });
    }
    matchIndex = -1;
    mark("argmap-match", matches);
    matchesOut.textContent = wanted ? matches.length + (matches.length === 1 ? " match" : " matches") : "";
  }
  function nextMatch(direction) {
    if (!matches.length) return;
    matchIndex = (matchIndex + direction + matches.length) % matches.length;
    matchesOut.textContent = matchIndex + 1 + " of " + matches.length;
    select(matches[matchIndex], true);
  }
  search.addEventListener("input", runSearch);

  // ---- the panel ----
  function el(tag, text, className) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (className) e.className = className;
    return e;
  }
  function section(title, items) {
    if (!items.length) return;
    panel.appendChild(el("h3", title));
    var list = el("ul");
    items.forEach(function (item) { list.appendChild(item); });
    panel.appendChild(list);
  }
  function nameOf(nodeId) {
    var entry = data.elements[nodeId];
    if (!entry) return nodeId;
    if (entry.kind === "reason" || entry.kind === "objection") {
      var target = (entry.links || []).filter(function (l) {
        return l.relation === "supports" || l.relation === "objects to";
      })[0];
      var to = target && data.elements[target.node] ? data.elements[target.node].id : null;
      return entry.kind + (entry.id ? " " + entry.id : "") + (to ? (entry.kind === "reason" ? " for " : " to ") + to : "");
    }
    var words = entry.text || "";
    if (words.length > 70) words = words.slice(0, 69) + "…";
    return entry.id + ": " + words;
  }
  function findingItem(f) {
    var li = el("li");
    li.appendChild(el("span", f.code + " " + f.severity, "severity-" + f.severity));
    li.appendChild(document.createTextNode(" (line " + f.line + "): " + f.message));
    return li;
  }
  function introduction() {
    panel.appendChild(el("h2", data.title || "Argument map"));
    panel.appendChild(el("p", "Click a statement or a reason to see what the map says about it. Drag to move, use the wheel or + and − to zoom, 0 to fit, / to search."));
    section("Findings about the whole map", (data.map || []).map(findingItem));
  }
  function fill(id) {
    panel.textContent = "";
    var entry = id ? data.elements[id] : null;
    if (!entry) { introduction(); return; }
    var heading = el("h2");
    heading.appendChild(el("span", entry.kind + (entry.conceded ? " (conceded)" : ""), "kind"));
    if (entry.id) heading.appendChild(document.createTextNode(" " + entry.id));
    panel.appendChild(heading);
    if (entry.text) panel.appendChild(el("p", entry.text, "text"));
    if (entry.holder) panel.appendChild(el("p", "Held by " + entry.holder, "holder"));
    if (entry.label) {
      var p = el("p", null, "why");
      p.appendChild(el("span", entry.label, "label label-" + entry.label));
      if (entry.why) p.appendChild(document.createTextNode(" " + entry.why));
      panel.appendChild(p);
    }
    section("Quotes", (entry.quotes || []).map(function (q) {
      var li = el("li");
      li.appendChild(el("blockquote", "“" + q.text + "”"));
      li.appendChild(el("span", "— " + q.source, "source"));
      return li;
    }));
    section("Cited", (entry.citations || []).map(function (c) {
      return el("li", c.source + (c.locator ? ", " + c.locator : ""));
    }));
    section("Findings", (entry.findings || []).map(findingItem));
    section("Notes", (entry.notes || []).map(function (n) { return el("li", n); }));
    section("Linked", (entry.links || []).map(function (link) {
      var li = el("li", link.relation + " ");
      var b = el("button", nameOf(link.node), "link");
      b.type = "button";
      b.addEventListener("click", function () { select(link.node, true); });
      li.appendChild(b);
      return li;
    }));
    panel.appendChild(el("p", "Line " + entry.line + " of the map.", "kind"));
  }
  function select(id, andCentre) {
    selected = id && data.elements[id] ? id : null;
    mark("argmap-selected", selected ? [selected] : []);
    fill(selected);
    if (selected && andCentre) centreOn(selected);
  }

  // ---- errors and live updates ----
  function showErrors(text) {
    errorsBox.hidden = !text;
    errorsBox.querySelector("pre").textContent = text || "";
  }
  function replaceDrawings(svgs) {
    var kept = view;
    var parser = new DOMParser();
    stage.querySelectorAll(".drawing").forEach(function (d) {
      var text = svgs[d.getAttribute("data-evaluated") === "true" ? 1 : 0];
      var doc = parser.parseFromString(text, "image/svg+xml");
      var root = doc.documentElement;
      d.textContent = "";
      if (root && root.localName === "svg") d.appendChild(document.importNode(root, true));
    });
    readHome();
    if (kept) show(kept); else fit();
  }
  function nodeNamed(id) {
    return Object.keys(data.elements).filter(function (k) {
      return id && data.elements[k].id === id;
    })[0] || null;
  }
  function update(message) {
    if (message.svgs) {
      // node ids follow the order of the file: find the selected statement again by its own id
      // and keep it where it was on the screen, however the layout moved it
      var selectedId = selected && data.elements[selected] ? data.elements[selected].id : null;
      var before = selected ? middle(selected) : null;
      data.elements = message.elements;
      selected = nodeNamed(selectedId);
      data.map = message.map;
      data.title = message.title;
      replaceDrawings(message.svgs);
      var after = selected && before ? middle(selected) : null;
      if (after) panBy(before.x - after.x, before.y - after.y);
      document.getElementById("map-title").textContent = data.title || "argument map";
      // the data block stays the data of the drawing shown (it is never run)
      document.getElementById("argmap-data").textContent = JSON.stringify(data);
    }
    showErrors(message.errors);
    select(selected, false);
    if (search.value) findMatches();
    document.body.setAttribute("data-version", String(message.version));
  }
  if (data.live) {
    var events = new EventSource("/events");
    events.addEventListener("update", function (e) { update(JSON.parse(e.data)); });
  }

  readHome();
  fit();
  showErrors(data.errors);
  fill(null);
})();
