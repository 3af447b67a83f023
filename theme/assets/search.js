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
  // Results that say what they are. The index holds a record a page (src/Search/search-index.mjs);
  // an article's result is split here into a result a paragraph (#pN) and a result a key figure
  // (its row in the article's table, id figure-ID), from the ids Pagefind keeps with their word
  // positions; a speaker's or an organisation's result is named as such.
  var excerptWords = 30;
  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }
  function excerpt(words, from, to, hits) {
    var first = hits.length ? hits[0] : from;
    var start = Math.max(from, Math.min(first - Math.floor(excerptWords / 3), to - excerptWords));
    var end = Math.min(to, start + excerptWords);
    var marked = {};
    hits.forEach(function (h) { marked[h] = true; });
    var out = [];
    for (var i = start; i < end; i++) out.push(marked[i] ? "<mark>" + escapeHtml(words[i]) + "</mark>" : escapeHtml(words[i]));
    return (start > from ? "… " : "") + out.join(" ") + (end < to ? " …" : "");
  }
  // The paragraph's closing "Quotation from A, B; a spokesman, not named" (theme/partials/paragraph.sbn).
  function quotedBy(text) {
    var said = /\sQuotation from (.+)$/.exec(text || "");
    if (!said) return null;
    var who = [];
    said[1].split("; ").forEach(function (part) {
      if (/, not named$/.test(part)) who.push(part.replace(/, not named$/, "") + " (not named)");
      else part.split(", ").forEach(function (name) { who.push(name); });
    });
    return { names: who, words: said[0].trim().split(/\s+/).length };
  }
  function byWords(list) {
    return list.length < 2 ? list.join("") : list.slice(0, -1).join(", ") + " and " + list[list.length - 1];
  }
  function articleResults(data) {
    var title = data.meta.title || "";
    var words = (data.content || "").split(/[\r\n\s]+/g);
    var anchors = (data.anchors || []).filter(function (a) {
      return (a.element === "p" && /^p\d+$/.test(a.id)) || (a.element === "a" && /^figure-/.test(a.id)) || /^h\d$/.test(a.element);
    }).sort(function (a, b) { return a.location - b.location; });
    var root = { title: "Article: " + title, url: data.url, locations: [], from: 0, to: anchors.length ? anchors[0].location : words.length };
    var results = [];
    var regions = anchors.map(function (a, i) {
      var to = i + 1 < anchors.length ? anchors[i + 1].location : words.length;
      if (a.element === "p") {
        var n = a.id.slice(1);
        var quote = quotedBy(a.text);
        return {
          title: quote ? "Quotation by " + byWords(quote.names) + ", paragraph " + n + " of " + title : "Paragraph " + n + " of " + title,
          url: data.url + "#" + a.id, locations: [], from: a.location + 1, to: quote ? Math.max(a.location + 1, to - quote.words) : to,
        };
      }
      if (a.element === "a") {
        return { title: "Key figure: " + a.text, url: data.url.replace(/articles\/[^\/]*\/(index\.html)?$/, "figures/" + a.id.slice(7) + "/"), locations: [], from: a.location, to: to };
      }
      return null; // a heading: words under it belong to the article itself
    });
    (data.locations || []).forEach(function (at) {
      var region = root;
      for (var i = 0; i < anchors.length && anchors[i].location <= at; i++) region = regions[i] || root;
      region.locations.push(at);
    });
    [root].concat(regions).forEach(function (r) {
      if (!r || !r.locations.length) return;
      results.push({ title: r.title, url: r.url, locations: r.locations, excerpt: excerpt(words, r.from, r.to, r.locations) });
    });
    if (root.locations.length) data.excerpt = results[0].excerpt;
    else results.unshift({ title: root.title, url: data.url, locations: [], excerpt: data.excerpt = excerpt(words, Math.min(root.to, title.split(/\s+/).length), root.to, []) });
    data.meta.title = root.title;
    data.sub_results = results;
    return data;
  }
  function describe(data) {
    var kind = data.meta.kind;
    delete data.meta.kind; // shown in the title, not as a tag
    if (kind === "article") return articleResults(data);
    if (kind === "speaker") data.meta.title = "Speaker: " + data.meta.title;
    if (kind === "organisation") data.meta.title = "Organisation: " + data.meta.title;
    // One result for the page, its excerpt Pagefind's own (not a result per heading).
    data.sub_results = [{ title: data.meta.title, url: data.url, locations: data.locations || [], excerpt: data.excerpt }];
    return data;
  }
  var tries = 0;
  function load() {
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = bundle + "pagefind-ui.css";
    document.head.appendChild(css);
    var script = document.createElement("script");
    script.src = bundle + "pagefind-ui.js";
    // A large record's index is in several parts (src/Search/SearchIndexer.cs), listed beside the
    // first; a record of one has no list. Asked for once the first has loaded, so both are of one index.
    script.onload = function () {
      fetch(bundle + "parts.json", { cache: "no-store" })
        .then(function (r) { return r.ok ? r.json() : []; })
        .catch(function () { return []; })
        .then(start);
    };
    function start(list) {
      /* global PagefindUI */
      var base = host.getAttribute("data-base") || "/";
      var merged = (Array.isArray(list) ? list : []).map(function (p) { return { bundlePath: bundle + p, baseUrl: base }; });
      new PagefindUI({ element: "#search", bundlePath: bundle, baseUrl: base, mergeIndex: merged, showSubResults: true, showImages: false, resetStyles: false, processResult: describe });
      var input = host.querySelector("input");
      if (input) input.setAttribute("aria-label", "Search the record");
      if (status) status.hidden = true;
      if (browse) browse.hidden = true;
    }
    script.onerror = function () {
      css.remove();
      script.remove();
      // The preview answers 503 while it makes the index after a rebuild: try again shortly.
      fetch(script.src, { method: "HEAD", cache: "no-store" }).then(function (r) {
        if (r.status === 503 && tries++ < 150) {
          say("The preview is making the search index; search opens here when it is ready.");
          setTimeout(load, 2000);
        } else if (r.ok && tries++ < 150) {
          // Made between the failed load and this check: load it now rather than give up.
          load();
        } else {
          say("The search index was not built with this copy of the site.");
        }
      }, function () { say("The search index was not built with this copy of the site."); });
    };
    document.head.appendChild(script);
  }
  load();
})();
