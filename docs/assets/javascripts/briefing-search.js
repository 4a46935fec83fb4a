/*
 * Site search over the index built at build time (search/index.js, see generator/search.py).
 *
 * The index is made of scripts, so it loads from file:// as well as over HTTP: the
 * documents and vocabulary are fetched once the page is idle (or when the reader focuses
 * the search box), the postings in shards when a query needs them, and searched
 * without building anything. Queries are folded like the index (lowercase, no accents): « deployes »
 * finds « déployés ». Every word must match; the last one may be a prefix. Results
 * whose title holds the words come first, then the newest. Text is inserted with
 * textContent only.
 */
(function () {
  "use strict";

  var TOKEN = /[\p{L}]+|\p{N}+(?:[.,]\p{N}+)*/gu;
  var STOP = new Set(("a au aux avec ce ces dans de des du elle en est et il ils la le les leur " +
    "leurs lui mais ne ni on ou par pas pour qu que qui sa se ses son sont sur un une").split(" "));
  var MAX_RESULTS = 20;
  var MAX_EXPANSIONS = 300;
  var DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var DIGIT_OF = new Int8Array(128);  // character code -> digit, for decoding postings
  for (var d = 0; d < DIGITS.length; d++) { DIGIT_OF[DIGITS.charCodeAt(d)] = d; }
  var script = document.currentScript;
  var root = script.src.replace(/assets\/javascripts\/briefing-search\.js(\?.*)?$/, "");
  var index = null;
  var loading = null;

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
  }

  function tokens(text) {
    return (fold(text).match(TOKEN) || []).filter(function (t) {
      return t.length > 1 && !STOP.has(t);
    });
  }

  function addScript(path) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = root + path;
      tag.onload = resolve;
      tag.onerror = reject;
      document.head.appendChild(tag);
    });
  }

  function load() {
    if (!loading) {
      loading = addScript("search/index.js").then(function () {
        var data = window.__BRIEFING_SEARCH__;
        index = { docs: data.docs, terms: data.terms.split("\n"), shards: data.shards,
                  loaded: [], decoded: new Map(), titles: new Array(data.docs.length) };
        return index;
      });
    }
    return loading;
  }

  function shardOf(position) {  // the last shard starting at or before position
    var low = 0;
    var high = index.shards.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (index.shards[middle] <= position) { low = middle; } else { high = middle - 1; }
    }
    return low;
  }

  function loadShard(number) {  // postings come in shards, each fetched once when needed
    if (!index.loaded[number]) {
      index.loaded[number] = addScript("search/postings-" + number + ".js");
    }
    return index.loaded[number];
  }

  function decode(position) {
    var cached = index.decoded.get(position);
    if (cached) { return cached; }
    var shard = shardOf(position);
    var text = window.__BRIEFING_POSTINGS__[shard][position - index.shards[shard]];
    var numbers = [];
    var value = 0;
    var previous = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGIT_OF[text.charCodeAt(i)];
      value = value * 32 + (digit & 31);
      if (digit < 32) {
        previous += value;
        numbers.push(previous);
        value = 0;
      }
    }
    index.decoded.set(position, numbers);
    return numbers;
  }

  function lowerBound(term) {
    var low = 0;
    var high = index.terms.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (index.terms[middle] < term) { low = middle + 1; } else { high = middle; }
    }
    return low;
  }

  function documentsFor(token, prefix) {
    var found = new Set();
    var start = lowerBound(token);
    for (var i = start; i < index.terms.length && i - start < MAX_EXPANSIONS; i++) {
      var term = index.terms[i];
      if (term === token || (prefix && term.lastIndexOf(token, 0) === 0)) {
        decode(i).forEach(function (n) { found.add(n); });
      } else {
        break;
      }
    }
    return found;
  }

  function ready(query) {  // the shards holding the query's words (and their completions)
    return Promise.all(tokens(query).map(function (word) {
      return loadShard(shardOf(lowerBound(word)));
    }));
  }

  function foldedTitle(n) {  // folded once: a common word matches thousands of documents
    var title = index.titles[n];
    if (title === undefined) { title = index.titles[n] = fold(index.docs[n][1]); }
    return title;
  }

  function search(query) {
    var words = tokens(query);
    if (!words.length) { return { count: 0, items: [] }; }
    var matches = null;
    words.forEach(function (word, i) {
      // The last word may be a prefix, once it is long enough to narrow the vocabulary.
      var docs = documentsFor(word, i === words.length - 1 && word.length > 2);
      matches = matches === null ? docs : new Set(Array.from(matches).filter(function (n) {
        return docs.has(n);
      }));
    });
    var ranked = [];
    matches.forEach(function (n) {
      var title = foldedTitle(n);
      var score = 0;
      for (var w = 0; w < words.length; w++) { if (title.indexOf(words[w]) >= 0) { score++; } }
      ranked.push([n, score]);
    });
    ranked.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
    return { count: ranked.length, items: ranked.slice(0, MAX_RESULTS).map(function (r) {
      return index.docs[r[0]];
    }) };
  }

  function show(box, list, status, query) {
    var found = search(query);
    list.textContent = "";
    list.setAttribute("data-query", query);
    status.textContent = query.trim() ? (found.count === 0 ? "Aucun résultat" :
      found.count + (found.count > 1 ? " résultats" : " résultat")) : "";
    found.items.forEach(function (doc) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + doc[0];
      link.textContent = doc[1];
      item.appendChild(link);
      if (doc[2]) {
        var detail = document.createElement("span");
        detail.className = "ba-search-detail";
        detail.textContent = doc[2];
        item.appendChild(detail);
      }
      list.appendChild(item);
    });
    box.classList.toggle("ba-search--open", query.trim() !== "");
  }

  function build() {
    var box = document.createElement("div");
    box.className = "ba-search";
    box.setAttribute("role", "search");
    var input = document.createElement("input");
    input.id = "ba-search-input";
    input.type = "search";
    input.placeholder = "Rechercher";
    input.autocomplete = "off";
    input.setAttribute("aria-label", "Rechercher dans l'archive");
    var panel = document.createElement("div");
    panel.className = "ba-search-panel";
    var status = document.createElement("p");
    status.className = "ba-search-status";
    status.setAttribute("aria-live", "polite");
    var list = document.createElement("ol");
    list.id = "ba-search-results";
    panel.appendChild(status);
    panel.appendChild(list);
    box.appendChild(input);
    box.appendChild(panel);
    var header = document.querySelector(".md-header__inner");
    if (header) {
      header.appendChild(box);
    } else {
      document.body.insertBefore(box, document.body.firstChild);
    }
    input.addEventListener("focus", load);
    // Fetch the index as soon as the page is idle, so that the first query finds it ready.
    (window.requestIdleCallback || window.setTimeout)(load);
    input.addEventListener("input", function () {
      var query = input.value;
      load().then(function () { return ready(query); }).then(function () {
        if (input.value === query) { show(box, list, status, query); }
      });
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        input.value = "";
        box.classList.remove("ba-search--open");
      } else if (event.key === "Enter") {
        var first = list.querySelector("a");
        if (first) { first.click(); }
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", build);
  } else {
    build();
  }
})();
