/*
 * Quick exit. People in danger use this: it must work at once and never throw.
 * Loaded in <head> without defer so Escape works before the page has finished loading.
 * - Escape exits, unless it first closes something open (a <details> menu or a <dialog>).
 * - Shift pressed three times within five seconds exits (as GOV.UK's "Exit this page").
 * - The "Leave this site" link exits; without JavaScript it is a plain link.
 * Exiting hides the page at once, then replaces this history entry with the neutral site,
 * so the Back button does not return here.
 */
(function () {
  "use strict";
  var DEFAULT_URL = "https://www.bbc.co.uk/weather";
  var SHIFT_WINDOW_MS = 5000;
  var shiftTimes = [];
  var exiting = false;

  function exitUrl() {
    var el = document.querySelector("[data-quick-exit]");
    var url = el && el.getAttribute("data-exit-url");
    return url || DEFAULT_URL;
  }

  function exit(event) {
    if (event) { event.preventDefault(); }
    if (exiting) { return; }
    exiting = true;
    try {
      document.documentElement.classList.add("quick-exit-active");
      document.title = "";
    } catch (e) { /* hiding is best effort; leaving is not */ }
    window.location.replace(exitUrl());
  }

  function closeOpenThing() {
    var dialog = document.querySelector("dialog[open]");
    if (dialog && typeof dialog.close === "function") { dialog.close(); return true; }
    var menu = document.querySelector("details[open][data-closable]");
    if (menu) {
      menu.removeAttribute("open");
      var summary = menu.querySelector("summary");
      if (summary) { summary.focus(); }
      return true;
    }
    return false;
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" || event.key === "Esc") {
      if (event.defaultPrevented || closeOpenThing()) { return; }
      exit(event);
      return;
    }
    if (event.key === "Shift" && !event.repeat) {
      var now = Date.now();
      shiftTimes.push(now);
      shiftTimes = shiftTimes.filter(function (t) { return now - t <= SHIFT_WINDOW_MS; });
      if (shiftTimes.length >= 3) { exit(event); }
    }
  }, true);

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest("[data-quick-exit-button]")) { exit(event); }
  }, true);

  // A page restored from the back/forward cache after an exit must not show itself again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && exiting) { exit(); }
  });
})();
