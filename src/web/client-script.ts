/**
 * The reading room's only script: copy buttons for citations. Pages work without it; the buttons
 * stay hidden until it runs. When the clipboard is refused, the citation is selected instead so
 * the reader can copy it by hand. Served as a file (the pages' Content-Security-Policy allows no
 * inline script). What it says comes from the button (data-copied, data-selected), in the page's language.
 */
export const CLIENT_SCRIPT = `
(function () {
  var status = document.getElementById('copy-status');
  var buttons = document.querySelectorAll('button[data-copy]');
  for (var i = 0; i < buttons.length; i++) {
    (function (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        var source = document.getElementById(button.getAttribute('data-copy'));
        if (!source) return;
        var text = source.textContent.replace(/\\s+/g, ' ').trim();
        var selectIt = function () {
          var range = document.createRange();
          range.selectNodeContents(source);
          var selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          if (status) status.textContent = button.getAttribute('data-selected');
        };
        if (!navigator.clipboard) return selectIt();
        navigator.clipboard.writeText(text).then(function () {
          if (status) status.textContent = button.getAttribute('data-copied');
        }, selectIt);
      });
    })(buttons[i]);
  }
})();
`;
