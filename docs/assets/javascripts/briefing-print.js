// A printed page says where it comes from: each link's full address (resolved against the
// page's published address, its canonical link, or where it was opened), and at its top the
// page's address and the day it was printed (briefing.css prints them; without this script,
// links print as written).
(function () {
  "use strict";
  function published() {
    var canonical = document.querySelector('link[rel="canonical"]');
    return canonical ? canonical.href : location.href.split("#")[0];
  }
  function prepare() {
    var address = published();
    document.querySelectorAll(".md-content a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      if (href.charAt(0) === "#") { return; }
      try {
        link.setAttribute("data-print-href", new URL(href, address).href);
      } catch (error) { /* left as written */ }
    });
    var note = document.getElementById("ba-print-note");
    if (!note) {
      note = document.createElement("p");
      note.id = "ba-print-note";
      note.className = "ba-print-note";
      var content = document.querySelector(".md-content__inner") || document.body;
      content.insertBefore(note, content.firstChild);
    }
    var day = new Date().toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric" });
    note.textContent = "Imprimé le " + day + " depuis " + address;
  }
  window.addEventListener("beforeprint", prepare);
  if (window.matchMedia) {
    var print = window.matchMedia("print");
    if (print.addEventListener) {
      print.addEventListener("change", function (event) { if (event.matches) { prepare(); } });
    }
  }
})();
