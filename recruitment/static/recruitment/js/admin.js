// Recruitment queue: the bulk bar says how many applications are ticked. Without JavaScript
// the bar still works; it just says to tick applications first.
(function () {
  "use strict";
  function update() {
    var counter = document.querySelector("[data-recruitment-selected]");
    if (!counter) return;
    var ticked = document.querySelectorAll("input.recruitment-select:checked").length;
    counter.textContent = ticked === 0
      ? "No applications selected. Tick applications in the list, then choose what to do with them."
      : ticked + (ticked === 1 ? " application selected" : " applications selected");
  }
  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("input.recruitment-select")) update();
  });
  document.addEventListener("DOMContentLoaded", update);
})();
