// The drawn signature on the waiver form: a canvas that follows the finger, pen or mouse
// and keeps a PNG data URL of the drawing in the hidden `drawn_signature` input. Without
// this script the pad stays hidden and the typed name (with its checkbox) is the signature.
(function () {
  "use strict";
  var pad = document.getElementById("signature-pad");
  var canvas = document.getElementById("signature-canvas");
  var input = document.getElementById("drawn_signature");
  var clear = document.getElementById("signature-clear");
  if (!pad || !canvas || !input || !canvas.getContext) { return; }
  pad.hidden = false;
  var context = canvas.getContext("2d");
  var drawing = false;
  var drawn = false;

  function reset() {
    context.fillStyle = "#fff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.lineWidth = 3;
    context.lineCap = "round";
    context.lineJoin = "round";
    context.strokeStyle = "#111";
    drawn = false;
    input.value = "";
  }

  function point(event) {
    var box = canvas.getBoundingClientRect();
    return {
      x: (event.clientX - box.left) * canvas.width / box.width,
      y: (event.clientY - box.top) * canvas.height / box.height
    };
  }

  canvas.addEventListener("pointerdown", function (event) {
    event.preventDefault();
    drawing = true;
    canvas.setPointerCapture(event.pointerId);
    var p = point(event);
    context.beginPath();
    context.moveTo(p.x, p.y);
    context.lineTo(p.x + 0.1, p.y + 0.1);
    context.stroke();
    drawn = true;
  });
  canvas.addEventListener("pointermove", function (event) {
    if (!drawing) { return; }
    event.preventDefault();
    var p = point(event);
    context.lineTo(p.x, p.y);
    context.stroke();
  });
  function finish() {
    if (!drawing) { return; }
    drawing = false;
    if (drawn) { input.value = canvas.toDataURL("image/png"); }
  }
  canvas.addEventListener("pointerup", finish);
  canvas.addEventListener("pointercancel", finish);
  canvas.addEventListener("pointerleave", finish);
  if (clear) { clear.addEventListener("click", reset); }
  reset();
  if (input.value) { input.value = ""; }
})();
