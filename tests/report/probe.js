// tests/report/probe.js: put at the end of a page's body by tests/report/run.sh (a copy of
// the page; the page itself has no script). It focuses the first quote that fails (the
// review style shows its tooltip on :hover and :focus) and writes what the browser
// computed, after styles and layout, as JSON into a pre element (id vb-probe) for --dump-dom.
(function () {
  var out = { marks: [], rows: [], pairs: [], tip: null, tipText: null, hoverRules: 0 };
  var marks = document.querySelectorAll("mark.q, span.quote");
  var focus = null;
  marks.forEach(function (m) {
    var cs = getComputedStyle(m), r = m.getBoundingClientRect();
    var fails = m.classList.contains("fails") || m.getAttribute("data-fails") === "true";
    out.marks.push({ verdict: m.getAttribute("data-verdict"), fails: fails, bg: cs.backgroundColor,
      outline: cs.outlineStyle + " " + cs.outlineColor, w: r.width, h: r.height, text: m.textContent });
    if (fails && !focus && m.hasAttribute("data-tip")) focus = m;
  });
  document.querySelectorAll("table tr").forEach(function (tr) {
    var r = tr.getBoundingClientRect();
    out.rows.push({ table: tr.closest("table").className, id: tr.id, h: r.height, cells: tr.cells.length });
  });
  document.querySelectorAll(".pair").forEach(function (p) {
    var s = p.querySelectorAll(".side");
    if (s.length === 2) {
      var a = s[0].getBoundingClientRect(), b = s[1].getBoundingClientRect();
      out.pairs.push({ left: a.left, right: b.left, top: [a.top, b.top], w: [a.width, b.width] });
    }
  });
  for (var i = 0; i < document.styleSheets.length; i++) {
    var rules = document.styleSheets[i].cssRules;
    for (var j = 0; j < rules.length; j++)
      if (rules[j].selectorText && rules[j].selectorText.indexOf(":hover::after") >= 0) out.hoverRules++;
  }
  function write() {
    var pre = document.createElement("pre");
    pre.id = "vb-probe";
    pre.textContent = JSON.stringify(out);
    document.body.appendChild(pre);
  }
  if (!focus) return write();
  // :focus matches only once the page itself has the focus, which a headless browser
  // under load gives it a little after the script runs: wait for it (timers run in the
  // virtual time of --virtual-time-budget), a bounded number of times, and say in the
  // JSON whether it came
  focus.setAttribute("tabindex", "0");
  var tries = 0;
  (function read() {
    focus.focus();
    var focused = focus.matches(":focus");
    if (!focused && ++tries < 60) return setTimeout(read, 20);
    var after = getComputedStyle(focus, "::after");
    out.tip = { content: after.content, bg: after.backgroundColor, position: after.position,
      focused: focused, pageFocus: document.hasFocus(), tries: tries };
    out.tipText = focus.getAttribute("data-tip");
    write();
  })();
})();
