/*
 * Cookie banner with JavaScript: save the choice without a reload, show the confirmation,
 * and load or remove analytics. Without JavaScript the same form posts to /cookies/.
 */
(function () {
  "use strict";
  var ANALYTICS_PREFIXES = ["_ga", "_gid", "_gat"];

  function removeAnalyticsCookies() {
    var parts = window.location.hostname.split(".");
    document.cookie.split(";").forEach(function (cookie) {
      var name = cookie.split("=")[0].trim();
      var isAnalytics = ANALYTICS_PREFIXES.some(function (p) { return name.indexOf(p) === 0; });
      if (!isAnalytics) { return; }
      for (var i = 0; i < parts.length; i++) {
        var domain = parts.slice(i).join(".");
        document.cookie = name + "=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/; domain=" + domain;
      }
      document.cookie = name + "=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/";
    });
  }

  function loadAnalytics(banner) {
    var id = banner.getAttribute("data-analytics-id");
    var src = banner.getAttribute("data-analytics-src");
    if (!id || !src || document.querySelector("script[data-analytics-id]")) { return; }
    var script = document.createElement("script");
    script.src = src;
    script.defer = true;
    script.setAttribute("data-analytics-id", id);
    document.head.appendChild(script);
  }

  function removeAnalytics() {
    document.querySelectorAll("script[data-analytics-id]").forEach(function (s) { s.remove(); });
    removeAnalyticsCookies();
  }

  function showConfirmation(banner, message) {
    var choice = banner.querySelector("[data-cookie-banner-choice]");
    var confirmation = banner.querySelector("[data-cookie-banner-confirmation]");
    if (!confirmation) { return; }
    confirmation.querySelector("[data-cookie-banner-message]").textContent = message;
    if (choice) { choice.hidden = true; }
    confirmation.hidden = false;
    confirmation.setAttribute("tabindex", "-1");
    confirmation.focus();
  }

  function init() {
    var banner = document.querySelector("[data-cookie-banner]");
    if (!banner) { return; }

    var hide = banner.querySelector("[data-cookie-banner-hide]");
    if (hide) {
      hide.addEventListener("click", function (event) {
        event.preventDefault();
        banner.hidden = true;
      });
    }

    var form = banner.querySelector("[data-cookie-banner-form]");
    if (!form || !window.fetch || !window.FormData) { return; }
    form.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (!button) { return; } // fall back to a normal post
      event.preventDefault();
      var data = new FormData(form);
      data.append(button.name, button.value);
      fetch(form.action, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "Accept": "application/json" }
      }).then(function (response) {
        if (!response.ok) { throw new Error("consent not saved"); }
        return response.json();
      }).then(function (result) {
        if (result.analytics) { loadAnalytics(banner); } else { removeAnalytics(); }
        showConfirmation(banner, result.message);
      }).catch(function () {
        form.submit(); // the server-side route still works
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
