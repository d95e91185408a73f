/*
 * Quick exit. People in danger use this: it must work at once, never throw, and never throw
 * anyone out by accident. Loaded in <head> without defer so the keys work before the page has
 * finished loading; everything it needs from the page is read when it is used.
 *
 * - Escape exits, unless it first closes something open (a <details> menu or a <dialog>).
 * - Shift pressed and released on its own three times within five seconds exits, as GOV.UK's
 *   "Exit this page": a Shift that modified another key (a capital, "@", Shift+Tab) does not
 *   count, and any other key starts the count again. After the first and second press a
 *   polite live region beside the button says how many more presses leave.
 * - The "Leave this site" link exits; without JavaScript it is a plain link.
 * - Exiting hides the page at once, tells the server to forget this browser's visit (a beacon
 *   to the button's own href, our route: cms/quick_exit.py), then replaces this history entry
 *   with the neutral site, so Back does not return here. It never waits for the beacon, and a
 *   beacon that fails stops nothing. The neutral address is the button's data-exit-address
 *   (the 500 page has none: its href is the neutral site itself); the server
 *   (SiteSettings.quick_exit_url, DEFAULT_QUICK_EXIT_URL when there is no database) is its
 *   only source.
 * - On a page that shows an applicant's answers (data-private-page on <body>) only the server
 *   decides what is shown, and after an exit it shows nothing typed. Brought back from the
 *   back/forward cache, such a page is hidden and loaded again; reached by Back or Forward,
 *   its forms are reset to what the server sent, undoing the browser's restoring of what was
 *   typed into them before (it would put a date of birth back into an emptied first page).
 * - When the site setting "keep the whole visit out of history" is on (data attribute on the
 *   quick exit), following a link or a search form to another page of this site replaces the
 *   current history entry, so after exiting, Back leaves the site altogether. A form sent by
 *   POST still adds one entry: the browser offers no way to post and replace.
 */
(function () {
  "use strict";
  var SHIFT_WINDOW_MS = 5000;
  var PRESSES_TO_EXIT = 3;
  var MESSAGES = {
    1: "Shift, press 2 more times to leave this site",
    2: "Shift, press 1 more time to leave this site"
  };
  var shiftCount = 0;
  var shiftTimer = null;
  // True between a Shift keydown and its keyup while no other key has been pressed.
  var shiftAlone = false;
  var exiting = false;

  function button() {
    return document.getElementById("quick-exit");
  }

  function announce(text) {
    var status = document.querySelector("[data-quick-exit-status]");
    if (status) { status.textContent = text; }
  }

  function hidePage() {
    try {
      document.documentElement.classList.add("quick-exit-active");
      document.title = "";
    } catch (e) { /* hiding is best effort; leaving is not */ }
  }

  // Ask the server to end this browser's session, without waiting: a beacon outlives the
  // page it was sent from. Only when the link is our route (it has a data-exit-address).
  function forgetVisit(link) {
    if (!link.hasAttribute("data-exit-address")) { return; }
    try {
      if (navigator.sendBeacon && navigator.sendBeacon(link.href)) { return; }
      if (window.fetch) {
        window.fetch(link.href, { method: "POST", keepalive: true, credentials: "same-origin" })
          .catch(function () { /* the exit has happened already */ });
      }
    } catch (e) { /* nothing here may stop the exit */ }
  }

  function exit(event) {
    if (event) { event.preventDefault(); }
    var link = button();
    if (!link || exiting) { return; }
    exiting = true;
    hidePage();
    forgetVisit(link);
    window.location.replace(link.getAttribute("data-exit-address") || link.href);
  }

  function resetShifts() {
    if (shiftTimer) { window.clearTimeout(shiftTimer); shiftTimer = null; }
    if (shiftCount) { shiftCount = 0; announce(""); }
  }

  function countShift() {
    shiftCount += 1;
    if (shiftTimer) { window.clearTimeout(shiftTimer); }
    if (shiftCount >= PRESSES_TO_EXIT) {
      resetShifts();
      exit();
      return;
    }
    announce(MESSAGES[shiftCount]);
    shiftTimer = window.setTimeout(resetShifts, SHIFT_WINDOW_MS);
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

  function isShift(event) {
    return event.key === "Shift" || event.keyCode === 16;
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" || event.key === "Esc") {
      shiftAlone = false;
      resetShifts();
      if (event.defaultPrevented || closeOpenThing()) { return; }
      exit(event);
      return;
    }
    if (isShift(event)) {
      if (!event.repeat) { shiftAlone = true; }
      return;
    }
    // Any other key, Shift held or not: this Shift modified it, and the count starts again.
    shiftAlone = false;
    resetShifts();
  }, true);

  document.addEventListener("keyup", function (event) {
    if (!isShift(event)) {
      // A key released after Shift (rolling typing) still means Shift was not pressed alone.
      shiftAlone = false;
      return;
    }
    if (shiftAlone) { countShift(); }
    shiftAlone = false;
  }, true);

  // Switching window or tab mid-press loses the keyup: never count a press we did not see end.
  window.addEventListener("blur", function () { shiftAlone = false; });

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest("[data-quick-exit-button]")) { exit(event); }
  }, true);

  // --- Back and Forward on pages that show answers -----------------------------------------

  function isPrivatePage() {
    return !!(document.body && document.body.hasAttribute("data-private-page"));
  }

  function reachedByBackOrForward() {
    try {
      var entry = window.performance.getEntriesByType("navigation")[0];
      return !!entry && entry.type === "back_forward";
    } catch (e) { return false; }
  }

  // What the server sent is each control's default: reset() puts it back. Then tell the
  // page's own scripts (conditional reveals) that the choices changed.
  function showOnlyWhatTheServerSent() {
    Array.prototype.forEach.call(document.forms, function (form) {
      form.reset();
      Array.prototype.forEach.call(form.elements, function (control) {
        if (control.type === "radio" || control.type === "checkbox") {
          control.dispatchEvent(new Event("change", { bubbles: true }));
        }
      });
    });
  }

  window.addEventListener("pageshow", function (event) {
    if (event.persisted && exiting) {
      // The page we left from, brought back: it must not show itself again.
      exiting = false;
      exit();
      return;
    }
    if (!isPrivatePage()) { return; }
    if (event.persisted) {
      // Frozen with its answers before the exit: ask the server, which has forgotten them.
      // A replace, not a reload, which would put typed values back in the forms again.
      hidePage();
      window.location.replace(window.location.href);
    } else if (reachedByBackOrForward()) {
      showOnlyWhatTheServerSent();
    }
  });

  // --- Keep the whole visit out of history ---------------------------------------------------

  function keepOutOfHistory() {
    var quickExit = document.querySelector("[data-quick-exit]");
    return !!(quickExit && quickExit.hasAttribute("data-keep-out-of-history"));
  }

  function sameSiteAddress(url) {
    return url.origin === window.location.origin;
  }

  function replaceWith(event, url) {
    // Only a move to another page: a link to a part of this page keeps its usual behaviour.
    if (url.pathname === window.location.pathname && url.search === window.location.search) {
      return;
    }
    event.preventDefault();
    window.location.replace(url.href);
  }

  // Bubbling phase, after every other handler: a link or form that script took over
  // (defaultPrevented) is left alone.
  document.addEventListener("click", function (event) {
    if (exiting || event.defaultPrevented || event.button !== 0 || !keepOutOfHistory()) { return; }
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) { return; }
    var link = event.target && event.target.closest && event.target.closest("a[href]");
    if (!link || link.hasAttribute("download")) { return; }
    if (link.target && link.target !== "_self") { return; }
    var url = new URL(link.href, window.location.href);
    if (!sameSiteAddress(url)) { return; }
    replaceWith(event, url);
  });

  document.addEventListener("submit", function (event) {
    if (exiting || event.defaultPrevented || !keepOutOfHistory()) { return; }
    var form = event.target;
    if ((form.getAttribute("method") || "get").toLowerCase() !== "get") { return; }
    var url = new URL(form.action, window.location.href);
    if (!sameSiteAddress(url)) { return; }
    var params = new URLSearchParams();
    new FormData(form, event.submitter || undefined).forEach(function (value, name) {
      if (typeof value === "string") { params.append(name, value); }
    });
    url.search = params.toString();
    url.hash = "";
    event.preventDefault();
    window.location.replace(url.href);
  });
})();
