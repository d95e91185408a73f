/*
 * The Wagtail admin's widget and panel set-up without inline scripts (cms/admin_init.py).
 *
 * Blue Lamp's admin templates write each set-up call as inert data,
 *   <script type="application/json" data-admin-init="InlinePanel">[{...}]</script>
 * and this file makes the call. It runs each one as soon as the parser has passed it, in
 * document order (children before the panel that holds them, as Wagtail's inline scripts
 * ran), and later for every such element added to the page: an inline panel's new child,
 * the contents of a chooser modal. Only the set-up functions named here can be called.
 */
(function () {
  "use strict";
  var SELECTOR = 'script[type="application/json"][data-admin-init]';

  function call(name) {
    return function (args) { return window[name].apply(window, args); };
  }
  function construct(name) {
    return function (args) { var Constructor = window[name]; return new Constructor(...args); };
  }
  var INITIALISERS = {
    initDateChooser: call("initDateChooser"),
    initTimeChooser: call("initTimeChooser"),
    initDateTimeChooser: call("initDateTimeChooser"),
    createTaskChooser: call("createTaskChooser"),
    InlinePanel: construct("InlinePanel"),
    MultipleChooserPanel: construct("MultipleChooserPanel"),
    Chooser: construct("Chooser"),
    PageChooser: construct("PageChooser"),
    ImageChooser: construct("ImageChooser"),
    DocumentChooser: construct("DocumentChooser"),
    SnippetChooser: construct("SnippetChooser"),
  };
  var done = new WeakSet();

  function run(element) {
    done.add(element);
    var name = element.getAttribute("data-admin-init");
    var initialise = Object.prototype.hasOwnProperty.call(INITIALISERS, name) && INITIALISERS[name];
    if (!initialise) {
      console.error("admin-init: no initialiser called " + name);
      return;
    }
    try {
      initialise(JSON.parse(element.textContent));
    } catch (error) {
      console.error("admin-init: " + name + " failed", error);
    }
  }

  // While the page loads, an element is whole once the parser has added something after it.
  function parsed(element) {
    if (document.readyState !== "loading") { return true; }
    for (var node = element; node; node = node.parentNode) {
      if (node.nextSibling) { return true; }
    }
    return false;
  }

  function runParsed() {
    var elements = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < elements.length; i++) {
      if (done.has(elements[i])) { continue; }
      if (!parsed(elements[i])) { return; }
      run(elements[i]);
    }
  }

  function runAdded(records) {
    if (document.readyState === "loading") { runParsed(); return; }
    records.forEach(function (record) {
      record.addedNodes.forEach(function (node) {
        if (node.nodeType !== Node.ELEMENT_NODE) { return; }
        var found = node.matches(SELECTOR) ? [node] : node.querySelectorAll(SELECTOR);
        Array.prototype.forEach.call(found, function (element) {
          if (!done.has(element) && element.isConnected) { run(element); }
        });
      });
    });
  }

  new MutationObserver(runAdded).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", runParsed);
})();
