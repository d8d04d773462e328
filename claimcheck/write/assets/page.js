(function () {
  "use strict";
  var panel = document.getElementById("panel");
  if (!panel) return;
  var body = panel.querySelector(".body");
  var current = null;
  function marks(id) {
    return document.querySelectorAll('mark[data-claim="' + CSS.escape(id) + '"]');
  }
  function select(id) {
    var item = document.getElementById(id);
    if (!item) return;
    document.querySelectorAll("mark.sel").forEach(function (m) { m.classList.remove("sel"); });
    marks(id).forEach(function (m) { m.classList.add("sel"); });
    var copy = item.cloneNode(true);
    copy.removeAttribute("id");
    var summary = copy.querySelector("details");
    if (summary) summary.open = true;
    body.replaceChildren(copy);
    panel.hidden = false;
    document.body.classList.add("open");
    current = id;
    // On a phone the panel covers the lower half: keep the claim above it.
    var all = marks(id);
    if (!all.length || getComputedStyle(panel).position !== "fixed") return;
    var top = all[0].getBoundingClientRect().top;
    var bottom = all[all.length - 1].getBoundingClientRect().bottom;
    if (bottom > window.innerHeight - panel.offsetHeight - 16) {
      window.scrollBy(0, top - window.innerHeight * 0.1);
    }
  }
  function close() {
    panel.hidden = true;
    document.body.classList.remove("open");
    document.querySelectorAll("mark.sel").forEach(function (m) { m.classList.remove("sel"); });
    var first = current && document.getElementById("m-" + current);
    if (first) first.focus();
    current = null;
  }
  document.addEventListener("click", function (event) {
    var mark = event.target.closest("mark[data-claim]");
    if (mark && !document.body.classList.contains("hide-" + mark.dataset.kind)) {
      select(mark.dataset.claim);
      return;
    }
    var jump = event.target.closest("a.jump");
    if (jump) select(jump.getAttribute("href").slice(3));
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !panel.hidden) { close(); return; }
    var mark = event.target.closest && event.target.closest("mark[data-claim]");
    if (mark && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      select(mark.dataset.claim);
    }
  });
  panel.querySelector(".close").addEventListener("click", close);
  document.querySelectorAll(".filters input[data-kind]").forEach(function (box) {
    box.addEventListener("change", function () {
      var kind = box.dataset.kind;
      document.body.classList.toggle("hide-" + kind, !box.checked);
      document.querySelectorAll("mark.k-" + kind + "[id]").forEach(function (m) {
        m.tabIndex = box.checked ? 0 : -1;
      });
    });
  });
})();
