/*
 * Site search over the index built at build time (search/index.js, see generator/derive/search.py).
 *
 * The index is made of scripts, so it loads from file:// as well as over HTTP: the
 * documents and vocabulary are fetched once the page is idle (or when the reader focuses
 * the search box), the postings in shards when a query needs them, and the excerpts of
 * the results shown only once they have stayed shown a moment. Each shard also lists, per
 * term, the documents whose title holds it: results are ranked without reading titles.
 * Queries become keys by the rules the index carries (generator/derive/search.py: lowercase, no
 * accents, light French stemming, numbers without thousands separators): « deployes »
 * finds « déploie », « 3000 » finds « 3 000 ».
 * Every word must match; the last one may be a prefix while it is being typed. Results
 * whose title holds the words come first, articles before other pages, then the newest.
 * A result's excerpt is cut from its page's whole text (the excerpt shards) around the
 * query's words, every match marked (passage). Text is inserted with textContent only;
 * highlights are <mark> elements built here.
 *
 * The box is a combobox with a listbox of results: arrows move, Enter opens, Escape
 * (anywhere on the page) or a click outside closes. Results can be narrowed to a topic,
 * a year or an outlet (the index's facets).
 */
(function () {
  "use strict";

  // The same expressions as generator/derive/words.py (_TOKEN) and generator/derive/search.py (_GROUPED, _SEPARATORS).
  var TOKEN = /[\p{L}\p{Nl}\p{No}]+|(?<!\p{Nd})\p{Nd}{1,3}(?:[ \u00a0\u202f\u2009.]\p{Nd}{3})+(?!\p{Nd})|\p{Nd}+(?:[.,]\p{Nd}+)*/gu;
  var GROUPED = /^\p{Nd}{1,3}(?:[ \u00a0\u202f\u2009.]\p{Nd}{3})+$/u;
  var SEPARATORS = /[ \u00a0\u202f\u2009.]/g;
  var STARTS_WITH_DIGIT = /^\p{Nd}/u;
  var MAX_RESULTS = 20;
  var MAX_EXPANSIONS = 300;
  var EXCERPT_CHARS = 200;  // shown around the query's words
  // Excerpts are fetched once the results have stayed this long (ms): while a word is typed,
  // each keystroke redraws the results at once, and fetching their excerpt files every time
  // (up to twenty) would hold up the next keystroke's results.
  var EXCERPT_PAUSE = 80;
  // The index's facets (generator/derive/search.py FACETS), as the filters name them.
  var FACET_LABELS = {
    topic: ["Filtrer par sujet", "Tous les sujets"],
    year: ["Filtrer par année", "Toutes les années"],
    outlet: ["Filtrer par média", "Tous les médias"],
  };
  var DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var DIGIT_OF = new Int8Array(128);  // character code -> digit, for decoding postings
  for (var d = 0; d < DIGITS.length; d++) { DIGIT_OF[DIGITS.charCodeAt(d)] = d; }
  var script = document.currentScript;
  var root = script.src.replace(/assets\/javascripts\/briefing-search\.js(\?.*)?$/, "");
  var index = null;
  var loading = null;

  function fold(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "");
  }

  function stem(word) {  // generator/derive/search.py stem(), with the steps the index carries
    for (var s = 0; s < index.steps.length; s++) {
      var step = index.steps[s];
      for (var r = 0; r < step.length; r++) {
        var suffix = step[r][0];
        if (word.length - suffix.length >= index.minStem && word.endsWith(suffix)) {
          word = word.slice(0, word.length - suffix.length) + step[r][1];
          break;
        }
      }
    }
    return word;
  }

  var keyMemo = new Map();  // token -> key: titles share most of their words

  function keyOf(token) {
    var key = keyMemo.get(token);
    if (key === undefined) { keyMemo.set(token, key = makeKey(token)); }
    return key;
  }

  function makeKey(token) {  // generator/derive/search.py key(), for a lowercase token
    if (token.length < 2) { return ""; }
    if (STARTS_WITH_DIGIT.test(token)) {
      return GROUPED.test(token) ? token.replace(SEPARATORS, "") : token;
    }
    var word = fold(token);
    return index.stop.has(word) ? "" : stem(word);
  }

  function eachToken(text, visit) {  // visit(token, start, end) for every token of text
    TOKEN.lastIndex = 0;
    var match;
    while ((match = TOKEN.exec(text)) !== null) {
      visit(match[0].toLowerCase(), match.index, match.index + match[0].length);
    }
  }

  function queryWords(query) {
    // Each distinct key; a last word that stemming leaves as typed may be unfinished:
    // it also finds the terms it begins (« sold » finds « soldats »).
    var words = [];
    var seen = new Set();
    var tokens = [];
    eachToken(query, function (token) { tokens.push(token); });
    tokens.forEach(function (token, i) {
      var key = keyOf(token);
      if (!key || seen.has(key)) { return; }
      seen.add(key);
      var spellings = (index && index.spellings.get(key)) || [];
      words.push({ key: key, prefix: i === tokens.length - 1 && key.length > 2 &&
                   key === fold(token),
                   others: spellings.filter(function (other) { return other !== key; }) });
    });
    return words;
  }

  function matches(word, key) {
    return key === word.key || (word.prefix && key.lastIndexOf(word.key, 0) === 0) ||
      (word.others.length > 0 && word.others.indexOf(key) >= 0);
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
        // Per document, a line of each text (see generator/derive/search.py build_index).
        var urls = data.urls.split("\n");
        var hub = new Uint8Array(urls.length);
        data.hubs.forEach(function (n) { hub[n] = 1; });
        index = { urls: urls, titles: data.titles.split("\n"), details: data.details.split("\n"),
                  hub: hub, terms: data.terms.split("\n"), shards: data.shards,
                  steps: data.steps, minStem: data.min_stem, stop: new Set(data.stop.split(" ")),
                  perExcerptShard: data.excerpts, excerptShards: [], loaded: [],
                  facets: data.facets, decoded: new Map(), decodedTitles: new Map(),
                  spellings: new Map() };
        // Keys that are spellings of one name (« boudanov », « budanov »): each finds all.
        (data.spellings ? data.spellings.split("\n") : []).forEach(function (line) {
          var group = line.split(" ");
          group.forEach(function (key) { index.spellings.set(key, group); });
        });
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

  function loadExcerpts(number) {
    if (!index.excerptShards[number]) {
      index.excerptShards[number] = addScript("search/excerpts-" + number + ".js");
    }
    return index.excerptShards[number];
  }

  function decode(position, titles) {
    // The documents holding term number position (titles: those whose title holds it).
    var cache = titles ? index.decodedTitles : index.decoded;
    var cached = cache.get(position);
    if (cached) { return cached; }
    var shard = shardOf(position);
    var text = (titles ? window.__BRIEFING_TITLE_POSTINGS__ : window.__BRIEFING_POSTINGS__)[
      shard][position - index.shards[shard]];
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
    cache.set(position, numbers);
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

  function eachTerm(word, visit) {  // visit(position) for every term the word matches
    var start = lowerBound(word.key);
    for (var i = start; i < index.terms.length && i - start < MAX_EXPANSIONS; i++) {
      if (!matches(word, index.terms[i])) { break; }
      visit(i);
    }
    word.others.forEach(function (other) {  // the other spellings of a name
      var position = lowerBound(other);
      if (index.terms[position] === other) { visit(position); }
    });
  }

  function ready(query) {  // the shards holding the query's words (and their completions)
    return Promise.all(queryWords(query).reduce(function (keys, word) {
      return keys.concat([word.key], word.others);
    }, []).map(function (key) {
      return loadShard(shardOf(lowerBound(key)));
    }));
  }

  function facetValues(f) {  // per document, the numbers of its values: read when first filtered
    var facet = index.facets[f];
    if (!facet.valuesOf) {
      facet.valuesOf = facet.docs.split(" ").map(function (numbers) {
        return numbers ? numbers.split(",").map(Number) : [];
      });
    }
    return facet.valuesOf;
  }

  function search(query, filters) {
    // filters: per facet, the number of the value chosen (-1: any). Hub pages have none.
    // Counted per document in flat arrays, from the postings only (no title is read):
    // the words it holds, and those its title holds (the title postings).
    var words = queryWords(query);
    if (!words.length) { return { count: 0, items: [], words: words }; }
    var total = index.urls.length;
    var held = new Uint16Array(total);  // n holds the first held[n] words
    var titled = new Uint16Array(total);  // how many words n's title holds
    var credited = new Int32Array(total).fill(-1);  // the last word titled[n] counted
    words.forEach(function (word, w) {
      eachTerm(word, function (position) {
        var docs = decode(position, false);
        for (var i = 0; i < docs.length; i++) {
          if (held[docs[i]] === w) { held[docs[i]] = w + 1; }
        }
        docs = decode(position, true);
        for (i = 0; i < docs.length; i++) {
          if (credited[docs[i]] !== w) { credited[docs[i]] = w; titled[docs[i]]++; }
        }
      });
    });
    // More words in the title first; for as many, articles before hub pages; then index
    // order: one list per (words in the title, hub or not), filled in index order.
    var lists = [];
    for (var l = 0; l < 2 * (words.length + 1); l++) { lists.push([]); }
    var count = 0;
    for (var n = 0; n < total; n++) {
      if (held[n] !== words.length) { continue; }
      var kept = true;
      for (var f = 0; f < filters.length && kept; f++) {
        kept = filters[f] < 0 || facetValues(f)[n].indexOf(filters[f]) >= 0;
      }
      if (!kept) { continue; }
      count++;
      var list = lists[2 * (words.length - titled[n]) + index.hub[n]];
      if (list.length < MAX_RESULTS) { list.push(n); }
    }
    return { count: count, words: words,
             items: [].concat.apply([], lists).slice(0, MAX_RESULTS) };
  }

  function highlight(parent, text, words) {
    // text into parent as text nodes, each token matching a query word in a <mark>.
    var last = 0;
    eachToken(text, function (token, start, end) {
      var key = keyOf(token);
      if (key && words.some(function (word) { return matches(word, key); })) {
        parent.appendChild(document.createTextNode(text.slice(last, start)));
        var mark = document.createElement("mark");
        mark.textContent = text.slice(start, end);
        parent.appendChild(mark);
        last = end;
      }
    });
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function passage(text, words) {
    // EXCERPT_CHARS of the page's text (the index stores it whole) around the query's
    // words: the window holding the most distinct words, then the most matches (the
    // densest, as Pagefind chooses its excerpt), centred on them; the text's start when no
    // word is found. highlight() then marks every match it holds.
    var found = [];  // [start, end, word number] of each token matching a query word
    eachToken(text, function (token, start, end) {
      var key = keyOf(token);
      if (!key) { return; }
      for (var w = 0; w < words.length; w++) {
        if (matches(words[w], key)) { found.push([start, end, w]); return; }
      }
    });
    var first = 0;
    var last = 0;
    if (found.length) {
      var counts = new Uint32Array(words.length);
      var distinct = 0;
      var best = [-1, -1, 0, 0];  // distinct words, matches, first and last match
      for (var i = 0, j = 0; i < found.length; i++) {
        while (j < found.length && (j === i || found[j][1] - found[i][0] <= EXCERPT_CHARS)) {
          if (counts[found[j][2]]++ === 0) { distinct++; }
          j++;
        }
        if (distinct > best[0] || (distinct === best[0] && j - i > best[1])) {
          best = [distinct, j - i, i, j - 1];
        }
        if (--counts[found[i][2]] === 0) { distinct--; }
      }
      first = found[best[2]][0];
      last = found[best[3]][1];
    }
    var start = Math.max(0, first - Math.floor(Math.max(0, EXCERPT_CHARS - (last - first)) / 2));
    var end = Math.min(text.length, Math.max(start + EXCERPT_CHARS, last));
    start = Math.max(0, Math.min(start, end - EXCERPT_CHARS));
    if (start > 0) {  // at a word's start, never after the first match
      var space = text.indexOf(" ", start);
      start = space >= 0 && space < first ? space + 1 : first;
    }
    if (end < text.length) {  // after a whole word, never before the last match
      var cut = text.lastIndexOf(" ", end);
      if (cut > last) { end = cut; }
    }
    return (start > 0 ? "… " : "") + text.slice(start, end).trim() + (end < text.length ? " …" : "");
  }

  function fillExcerpts(list, query, shown, words, holders) {
    // Into holders[i], shown[i]'s excerpt; unless the list has been redrawn meanwhile.
    var shards = new Set(shown.map(function (n) {
      return Math.floor(n / index.perExcerptShard);
    }));
    Promise.all(Array.from(shards).map(loadExcerpts)).then(function () {
      if (!holders[0].isConnected) { return; }
      shown.forEach(function (n, i) {
        var shard = Math.floor(n / index.perExcerptShard);
        var text = window.__BRIEFING_EXCERPTS__[shard][n - shard * index.perExcerptShard];
        if (text) { highlight(holders[i], passage(text, words), words); }
      });
      list.setAttribute("data-excerpts", query);
    });
  }

  function Search(box, input, list, status, filters) {
    this.box = box;
    this.input = input;
    this.list = list;
    this.status = status;
    this.filters = filters;  // the element that holds the filters, made once the index is there
    this.selects = [];
    this.active = -1;
    this.excerpts = 0;  // the timer that fetches the excerpts of the results shown
  }

  Search.prototype.addFilters = function () {
    if (this.selects.length) { return; }
    var ui = this;
    index.facets.forEach(function (facet) {
      var labels = FACET_LABELS[facet.name] || [facet.name, "—"];
      var select = document.createElement("select");
      select.className = "ba-search-filter";
      select.setAttribute("aria-label", labels[0]);
      select.setAttribute("data-facet", facet.name);
      [labels[1]].concat(facet.values).forEach(function (value, i) {
        var option = document.createElement("option");
        option.value = String(i - 1);
        option.textContent = value;
        select.appendChild(option);
      });
      select.addEventListener("change", function () { ui.show(ui.input.value); });
      ui.filters.appendChild(select);
      ui.selects.push(select);
    });
  };

  Search.prototype.show = function (query) {
    this.addFilters();
    var found = search(query, this.selects.map(function (select) { return +select.value; }));
    var list = this.list;
    list.textContent = "";
    list.setAttribute("data-query", query);
    list.removeAttribute("data-excerpts");
    this.status.textContent = query.trim() ? (found.count === 0 ? "Aucun résultat" :
      found.count + (found.count > 1 ? " résultats" : " résultat")) : "";
    var holders = found.items.map(function (n, i) {
      // The link is the option, holding its title, detail and excerpt: no interactive
      // element inside another (a list item holding a link would be one).
      var item = document.createElement("li");
      item.setAttribute("role", "none");
      var link = document.createElement("a");
      link.id = "ba-search-option-" + i;
      link.setAttribute("role", "option");
      link.setAttribute("aria-selected", "false");
      link.href = root + index.urls[n];
      link.tabIndex = -1;
      var title = document.createElement("span");
      title.className = "ba-search-title";
      highlight(title, index.titles[n], found.words);
      link.appendChild(title);
      if (index.details[n]) {
        var detail = document.createElement("span");
        detail.className = "ba-search-detail";
        detail.textContent = index.details[n];
        link.appendChild(detail);
      }
      var excerpt = document.createElement("span");
      excerpt.className = "ba-search-excerpt";
      link.appendChild(excerpt);
      item.appendChild(link);
      list.appendChild(item);
      return excerpt;
    });
    this.activate(-1);
    this.open(query.trim() !== "");
    clearTimeout(this.excerpts);
    if (holders.length) {
      this.excerpts = setTimeout(fillExcerpts, EXCERPT_PAUSE, list, query, found.items,
                                 found.words, holders);
    }
  };

  Search.prototype.open = function (opened) {
    this.box.classList.toggle("ba-search--open", opened);
    this.input.setAttribute("aria-expanded", opened ? "true" : "false");
    if (!opened) { this.activate(-1); }
  };

  Search.prototype.isOpen = function () {
    return this.box.classList.contains("ba-search--open");
  };

  Search.prototype.activate = function (position) {
    var options = this.list.querySelectorAll("[role=option]");
    for (var i = 0; i < options.length; i++) {
      options[i].setAttribute("aria-selected", i === position ? "true" : "false");
      options[i].classList.toggle("ba-search-active", i === position);
    }
    this.active = position >= 0 && position < options.length ? position : -1;
    if (this.active >= 0) {
      this.input.setAttribute("aria-activedescendant", options[this.active].id);
      options[this.active].scrollIntoView({ block: "nearest" });
    } else {
      this.input.removeAttribute("aria-activedescendant");
    }
  };

  Search.prototype.move = function (step) {
    var count = this.list.children.length;
    if (!count) { return; }
    if (!this.isOpen()) { this.open(true); }
    var next = this.active + step;
    this.activate(next < 0 ? count - 1 : next >= count ? 0 : next);
  };

  Search.prototype.enter = function () {
    var option = this.list.children[this.active >= 0 ? this.active : 0];
    var link = option && this.isOpen() && option.querySelector("a");
    if (link) { link.click(); }
  };

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
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", "ba-search-results");
    var panel = document.createElement("div");
    panel.className = "ba-search-panel";
    var status = document.createElement("p");
    status.className = "ba-search-status";
    status.setAttribute("aria-live", "polite");
    var filters = document.createElement("div");
    filters.className = "ba-search-filters";
    var list = document.createElement("ol");
    list.id = "ba-search-results";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Résultats de la recherche");
    panel.appendChild(filters);
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
    var ui = new Search(box, input, list, status, filters);
    input.addEventListener("focus", function () {
      load();
      if (input.value.trim() && list.children.length) { ui.open(true); }
    });
    // Fetch the index as soon as the page is idle, so that the first query finds it ready.
    (window.requestIdleCallback || window.setTimeout)(load);
    input.addEventListener("input", function () {
      var query = input.value;
      load().then(function () { return ready(query); }).then(function () {
        if (input.value === query) { ui.show(query); }
      });
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        ui.move(event.key === "ArrowDown" ? 1 : -1);
      } else if (event.key === "Enter") {
        event.preventDefault();
        ui.enter();
      }
    });
    list.addEventListener("mousemove", function (event) {
      var option = event.target.closest && event.target.closest("li");
      if (option) { ui.activate(Array.prototype.indexOf.call(list.children, option)); }
    });
    // Escape closes from anywhere on the page; a click outside the box closes it.
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && ui.isOpen()) {
        event.preventDefault();  // a search field would also forget its text: a second Escape does
        if (box.contains(document.activeElement)) { input.focus(); }  // then closed
        ui.open(false);
      } else if (event.key === "Escape" && document.activeElement === input) {
        input.value = "";
      }
    });
    document.addEventListener("pointerdown", function (event) {
      if (ui.isOpen() && !box.contains(event.target)) { ui.open(false); }
    });
  }

  // For the tests that check this file and generator/derive/search.py make the same keys.
  window.briefingSearchKeys = function (text) {
    return load().then(function () {
      var keys = [];
      eachToken(text, function (token) { var key = keyOf(token); if (key) { keys.push(key); } });
      return keys;
    });
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", build);
  } else {
    build();
  }
})();
