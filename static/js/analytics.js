/*
 * Google Analytics 4, loaded only for visitors who accepted additional cookies.
 * The measurement ID comes from this script tag's data-analytics-id attribute.
 */
(function () {
  "use strict";
  var tag = document.currentScript || document.querySelector("script[data-analytics-id]");
  var id = tag && tag.getAttribute("data-analytics-id");
  if (!id) { return; }
  window.dataLayer = window.dataLayer || [];
  window.gtag = function () { window.dataLayer.push(arguments); };
  window.gtag("js", new Date());
  window.gtag("config", id, { anonymize_ip: true });
  var gtm = document.createElement("script");
  gtm.async = true;
  gtm.src = "https://www.googletagmanager.com/gtag/js?id=" + encodeURIComponent(id);
  document.head.appendChild(gtm);
})();
