// Details boxes that follow a Yes/No question (GOV.UK's conditional reveal): shown only
// after "Yes". Without JavaScript they are always shown, so nothing is ever out of reach.
(function () {
  "use strict";

  function setUp(box) {
    var name = box.getAttribute("data-reveal-when");
    var radios = document.querySelectorAll('input[type="radio"][name="' + name + '"]');
    if (!radios.length) {
      return;
    }
    function update() {
      var yes = false;
      radios.forEach(function (radio) {
        if (radio.value === "yes") {
          // aria-controls only: aria-expanded is not allowed on a radio (as GOV.UK found).
          radio.setAttribute("aria-controls", box.id);
          yes = radio.checked;
        }
      });
      // A box with an error stays open: the applicant must see what to fix.
      box.hidden = !yes && !box.querySelector(".error-message");
    }
    radios.forEach(function (radio) {
      radio.addEventListener("change", update);
    });
    update();
  }

  function init() {
    document.querySelectorAll("[data-reveal-when]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
