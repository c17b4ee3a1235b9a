// Live preview of a policy section's Markdown while it is typed. Without JavaScript the
// "Preview" button does the same through a full page. The server renders (and escapes).
(function () {
  "use strict";
  var source = document.querySelector("textarea[data-preview-url]");
  if (!source || !window.fetch || !window.FormData) { return; }
  var target = document.getElementById(source.getAttribute("data-preview-target"));
  var token = source.form && source.form.querySelector("input[name=csrf_token]");
  var timer = null;
  var sent = 0;

  function refresh() {
    var body = new FormData();
    var ticket = ++sent;
    body.append("text", source.value);
    if (token) { body.append("csrf_token", token.value); }
    fetch(source.getAttribute("data-preview-url"), {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      return response.json();
    }).then(function (data) {
      if (ticket !== sent || !target) { return; }  // a newer preview is on its way
      if (data.html !== undefined) {
        target.innerHTML = data.html;  // server-rendered Markdown, raw HTML escaped
      } else if (data.error) {
        target.textContent = data.error;
      }
    }).catch(function () { /* the Preview button still works */ });
  }

  source.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 400);
  });
})();
