/*
 * After a form is sent back with mistakes, move focus to the error summary (GOV.UK's
 * behaviour), so a screen reader reads it and a phone shows it at once. Works for every form
 * that uses templates/includes/error_summary.html. Each link in the summary then moves focus
 * to its field with the field's label in view, rather than scrolling the label off screen.
 */
(function () {
  "use strict";

  function labelFor(field) {
    var fieldset = field.closest("fieldset");
    var legend = fieldset && fieldset.querySelector("legend");
    if (legend) { return legend; }
    return (field.id && document.querySelector('label[for="' + field.id + '"]')) || field;
  }

  function init() {
    var summary = document.querySelector("[data-error-summary]");
    if (!summary) { return; }
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest('a[href^="#"]');
      if (!link) { return; }
      var field = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
      if (!field) { return; }
      event.preventDefault();
      labelFor(field).scrollIntoView();
      field.focus({ preventScroll: true });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
