/*
 * The Wagtail admin's widget and panel set-up without inline scripts (cms/admin_init.py).
 *
 * Blue Lamp's admin templates write each set-up call that Wagtail 8.0.1 writes as an inline
 * script as inert data for the Stimulus controller registered here,
 *   <script type="application/json" data-controller="blue-lamp-init"
 *     data-blue-lamp-init-initialiser-value="InlinePanel">[{...}]</script>
 * and the controller makes the call. Wagtail's Stimulus application connects such elements
 * once the page is parsed and as they are added later (an inline panel's new child, the
 * contents of a chooser modal), in document order: an inline panel's children before the
 * panel, as Wagtail's inline scripts ran, and a chooser's call before its widget, whose own
 * controllers must connect after it (cms/admin_init.py). Only the set-up functions named here
 * can be called, with the element's JSON as arguments; Stimulus reports a failure on the
 * console.
 */
(function () {
  "use strict";

  function call(name) {
    return function (args) { window[name](...args); };
  }
  function construct(name) {
    return function (args) { new window[name](...args); };
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

  window.wagtail.app.register("blue-lamp-init", class extends window.StimulusModule.Controller {
    static values = { initialiser: String };

    // initialize, not connect: once for each element, though an inline panel child that is
    // moved up or down is disconnected and connected again.
    initialize() {
      var name = this.initialiserValue;
      if (!Object.hasOwn(INITIALISERS, name)) {
        throw new Error("no admin initialiser called " + name);
      }
      INITIALISERS[name](JSON.parse(this.element.textContent));
    }
  });
})();
