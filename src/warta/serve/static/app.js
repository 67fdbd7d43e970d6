// Warta's web UI: a few touches, no libraries. The pages work without it.
(function () {
  "use strict";
  // Hover text of the evidence marks: the code and the resolved date, next to the pointer.
  var tip = null;
  function showTip(event) {
    var el = event.target.closest("[data-tip]");
    if (!el) { return; }
    if (!tip) {
      tip = document.createElement("div");
      tip.className = "tip";
      document.body.appendChild(tip);
    }
    tip.textContent = el.getAttribute("data-tip");  // textContent: the tip is never parsed as HTML
    tip.style.display = "block";
    var box = el.getBoundingClientRect();
    tip.style.left = (window.scrollX + box.left) + "px";
    tip.style.top = (window.scrollY + box.bottom + 4) + "px";
  }
  function hideTip(event) {
    if (tip && event.target.closest("[data-tip]")) { tip.style.display = "none"; }
  }
  // Layers of evidence switched on and off on the article page.
  function toggleLayer(event) {
    var box = event.target;
    if (!box.matches("input[data-layer]")) { return; }
    var body = document.getElementById("body");
    if (body) { body.classList.toggle("hide-" + box.getAttribute("data-layer"), !box.checked); }
  }
  // A link to a piece of evidence flashes it.
  function flash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var anchor = id && document.getElementById(id);
    var next = anchor && anchor.nextElementSibling;
    while (next && next.classList.contains("anchor")) { next = next.nextElementSibling; }
    if (next) {
      next.classList.remove("flash");
      void next.offsetWidth;  // restart the animation
      next.classList.add("flash");
    }
  }
  document.addEventListener("mouseover", showTip);
  document.addEventListener("mouseout", hideTip);
  document.addEventListener("change", toggleLayer);
  window.addEventListener("hashchange", flash);
  document.addEventListener("DOMContentLoaded", flash);
})();
