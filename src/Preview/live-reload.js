// Live reload for `dotnet run -- preview`. Served by the preview server only, never part of the
// built site. Reloads the page after a rebuild, keeping its scroll position; shows build errors
// in an overlay; reconnects by itself when the server restarts.
(function () {
  "use strict";
  var script = document.currentScript;
  var build = script ? script.getAttribute("data-build") : null;
  var key = "case-record-scroll:" + location.pathname;

  try {
    var saved = sessionStorage.getItem(key);
    if (saved) {
      sessionStorage.removeItem(key);
      var pos = JSON.parse(saved);
      var restore = function () { window.scrollTo(pos.x, pos.y); };
      if (document.readyState === "complete") restore(); else window.addEventListener("load", restore);
    }
  } catch (e) { /* storage may be unavailable; reloading still works */ }

  function reload() {
    try { sessionStorage.setItem(key, JSON.stringify({ x: window.scrollX, y: window.scrollY })); } catch (e) { }
    location.reload();
  }

  var overlay = null;
  function showError(error) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "case-record-build-error";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;z-index:2147483647;" +
        "background:#2b0a0a;color:#fff;font:14px/1.5 ui-monospace,monospace;padding:12px 16px;border-top:4px solid #d4351c;white-space:pre-wrap";
      document.body.appendChild(overlay);
    }
    var lines = ["Build failed: the page shows the last good build.", ""];
    (error.diagnostics || []).forEach(function (d) { lines.push(d.text); });
    overlay.textContent = lines.join("\n");
  }
  function hideError() {
    if (overlay) { overlay.remove(); overlay = null; }
  }

  function connect() {
    var events = new EventSource("/__case-record/events");
    events.addEventListener("hello", function (e) {
      var data = JSON.parse(e.data);
      if (build && data.build && data.build !== build) { reload(); return; }
      if (data.error) showError(data.error); else hideError();
    });
    events.addEventListener("reload", function (e) {
      var data = JSON.parse(e.data);
      if (data.build !== build) reload();
    });
    events.addEventListener("failed", function (e) { showError(JSON.parse(e.data)); });
    events.addEventListener("ok", function () { hideError(); });
  }
  connect();
})();
