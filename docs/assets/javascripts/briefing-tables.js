// Hand-written tables (Markdown's) read as cards on a phone, as generated ones do
// (briefing.css, .ba-table-box): each cell named by its column's header. Without this
// script they scroll sideways inside their box, as Material has them.
(function () {
  "use strict";
  function label() {
    document.querySelectorAll(".md-typeset__table > table:not([class])").forEach(function (table) {
      var headers = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
        return th.textContent.trim();
      });
      Array.prototype.forEach.call(table.tBodies, function (body) {
        Array.prototype.forEach.call(body.rows, function (row) {
          Array.prototype.forEach.call(row.cells, function (cell, i) {
            if (i > 0 && headers[i]) { cell.setAttribute("data-label", headers[i]); }
          });
        });
      });
      table.parentNode.classList.add("ba-table-box");
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", label);
  } else {
    label();
  }
})();
