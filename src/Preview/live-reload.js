// Live reload for `dotnet run -- preview`. Served by the preview server only, never part of the
// built site. Reloads the page after a rebuild, keeping its scroll position; shows build errors
// in an overlay and the last good build's warnings in a small panel, collapsed unless the editor
// opened it; reconnects by itself when the server restarts.
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

  // Warnings never block the page: a small panel in a corner, a <details> the editor opens or
  // closes (remembered across reloads), above the page but beside its content.
  var panel = null;
  var openKey = "case-record-warnings-open";
  function showWarnings(warnings) {
    if (!warnings || !warnings.lines || warnings.lines.length === 0) {
      if (panel) { panel.remove(); panel = null; }
      return;
    }
    if (!panel) {
      panel = document.createElement("details");
      panel.id = "case-record-warnings";
      panel.style.cssText = "position:fixed;right:12px;bottom:12px;max-width:min(40rem,calc(100vw - 24px));max-height:40vh;overflow:auto;z-index:2147483646;" +
        "background:#fff8e1;color:#1b1b1b;font:13px/1.45 ui-monospace,monospace;border:2px solid #8a5a00;border-radius:4px;padding:6px 10px;box-shadow:0 2px 8px rgba(0,0,0,.3)";
      try { panel.open = sessionStorage.getItem(openKey) === "1"; } catch (e) { }
      panel.addEventListener("toggle", function () { try { sessionStorage.setItem(openKey, panel.open ? "1" : "0"); } catch (e) { } });
      document.body.appendChild(panel);
    }
    var summary = document.createElement("summary");
    summary.style.cssText = "cursor:pointer;font-weight:bold";
    summary.textContent = warnings.total + (warnings.total === 1 ? " warning" : " warnings") + " in this build" +
      (warnings.summarised ? " (by kind; the terminal with --verbose lists all)" : "");
    var list = document.createElement("ul");
    list.style.cssText = "margin:6px 0 0;padding-left:1.2em;white-space:pre-wrap";
    warnings.lines.forEach(function (line) {
      var item = document.createElement("li");
      item.textContent = line;
      list.appendChild(item);
    });
    panel.replaceChildren(summary, list);
  }

  function connect() {
    var events = new EventSource("/__case-record/events");
    events.addEventListener("hello", function (e) {
      var data = JSON.parse(e.data);
      if (build && data.build && data.build !== build) { reload(); return; }
      if (data.error) showError(data.error); else hideError();
      showWarnings(data.warnings);
    });
    events.addEventListener("reload", function (e) {
      var data = JSON.parse(e.data);
      if (data.build !== build) reload();
    });
    events.addEventListener("failed", function (e) { showError(JSON.parse(e.data)); });
    events.addEventListener("ok", function (e) { hideError(); showWarnings(JSON.parse(e.data).warnings); });
  }
  connect();
})();
