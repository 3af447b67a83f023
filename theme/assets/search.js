// Loads Pagefind's search interface for the search page. The index is made after the build;
// when it cannot be used (a page opened from disk, a build without Node, a preview still making
// it), the page says why in one line and keeps its links to the lists.
(function () {
  "use strict";
  var host = document.getElementById("search");
  if (!host) return;
  var bundle = host.getAttribute("data-bundle");
  var status = document.querySelector(".search-status[role=status]");
  var browse = document.querySelector(".search-browse");
  // Says one line; parts in odd places are commands, shown as code.
  function say() {
    if (!status) return;
    status.hidden = false;
    status.textContent = "";
    for (var i = 0; i < arguments.length; i++) {
      var part = document.createElement(i % 2 ? "code" : "span");
      part.textContent = arguments[i];
      status.appendChild(part);
    }
  }
  // Pagefind fetches its index, which a browser refuses to a page opened from disk; it would
  // otherwise wait on "Searching for …" for ever.
  if (location.protocol === "file:") {
    say("Search needs the site served by a web server, not opened from disk: run ", "dotnet run -- serve", " and open the address it gives.");
    return;
  }
  var tries = 0;
  function load() {
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = bundle + "pagefind-ui.css";
    document.head.appendChild(css);
    var script = document.createElement("script");
    script.src = bundle + "pagefind-ui.js";
    script.onload = function () {
      /* global PagefindUI */
      new PagefindUI({ element: "#search", bundlePath: bundle, baseUrl: host.getAttribute("data-base") || "/", showSubResults: true, showImages: false, resetStyles: false });
      var input = host.querySelector("input");
      if (input) input.setAttribute("aria-label", "Search the record");
      if (status) status.hidden = true;
      if (browse) browse.hidden = true;
    };
    script.onerror = function () {
      css.remove();
      script.remove();
      // The preview answers 503 while it makes the index after a rebuild: try again shortly.
      fetch(script.src, { method: "HEAD", cache: "no-store" }).then(function (r) {
        if (r.status === 503 && tries++ < 150) {
          say("The preview is making the search index; search opens here when it is ready.");
          setTimeout(load, 2000);
        } else {
          say("The search index was not built with this copy of the site.");
        }
      }, function () { say("The search index was not built with this copy of the site."); });
    };
    document.head.appendChild(script);
  }
  load();
})();
