// Loads Pagefind's search interface for the search page. The index is made after the build;
// when it is missing (a build without Node), the page says so and points to the lists.
(function () {
  "use strict";
  var host = document.getElementById("search");
  if (!host) return;
  var bundle = host.getAttribute("data-bundle");
  var status = document.querySelector(".search-status");
  function say(text) { if (status) { status.hidden = false; status.textContent = text; } }
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
  };
  script.onerror = function () {
    say("The search index was not built with this copy of the site. Browse the articles, speakers and key figures instead.");
  };
  document.head.appendChild(script);
})();
