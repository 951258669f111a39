// Destructive and far-reaching actions ask first: a form with data-confirm="question" submits only after the user
// agrees. Runs in the capture phase, before a form's own handlers (e.g. the modeler's deploy), and stops them on
// "cancel". A script file because the content security policy allows no inline script.
(function () {
  document.addEventListener('submit', function (event) {
    const form = event.target;
    const question = form && form.dataset ? form.dataset.confirm : null;
    if (question && !window.confirm(question)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
})();
