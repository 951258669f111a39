// Phones show lists as cards (tandem.css): each cell of a .table-cards table is labelled with its column's header.
(function () {
  function label(root) {
    root.querySelectorAll('table.table-cards').forEach(function (table) {
      var headers = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
        return th.textContent.trim();
      });
      table.querySelectorAll('tbody tr').forEach(function (row) {
        Array.prototype.forEach.call(row.children, function (cell, i) {
          if (!cell.hasAttribute('data-label') && headers[i] && !cell.hasAttribute('colspan')) {
            cell.setAttribute('data-label', headers[i]);
          }
        });
      });
    });
  }
  document.addEventListener('DOMContentLoaded', function () { label(document); });
  document.addEventListener('htmx:afterSwap', function (e) { label(e.target); });
})();
