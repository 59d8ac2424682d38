/* The event page's review forms: corrections, not-an-event, merge, split, undo. Each sends the analyst's token and
   reloads the page so the fields and the history show what the store now holds. */
"use strict";
(function () {
  var S = Sitrep;
  var id = document.body.getAttribute("data-event-id");
  var msg = document.getElementById("review-msg");
  var tokenState = document.getElementById("token-state");
  var INTS = ["fatalities", "fatalities_min", "fatalities_max", "geo_precision", "geonameid"];
  var FLOATS = ["latitude", "longitude"];
  function showToken() { tokenState.textContent = S.getToken() ? "token set for this tab" : "no token: reading only"; }
  showToken();
  document.getElementById("token-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    S.setToken(document.getElementById("token").value.trim());
    document.getElementById("token").value = "";
    showToken();
  });
  document.getElementById("forget").addEventListener("click", function () { S.setToken(""); showToken(); });
  function run(promise, after) {
    msg.textContent = "Saving…";
    promise.then(function (body) {
      msg.textContent = "Saved.";
      if (after) after(body);
      else { location.hash = "h-history"; location.reload(); }
    }).catch(function (err) { msg.textContent = "Refused: " + err.message; });
  }
  function typed(field, raw) {
    var v = raw.trim();
    if (v === "") return null;
    if (INTS.indexOf(field) >= 0) { if (!/^-?\d+$/.test(v)) throw new Error(field + " must be a whole number"); return parseInt(v, 10); }
    if (FLOATS.indexOf(field) >= 0) { var f = Number(v); if (!isFinite(f)) throw new Error(field + " must be a number"); return f; }
    return v;
  }
  var fieldSel = document.getElementById("c-field"), valueBox = document.getElementById("c-value");
  function prefill() {
    var cell = document.querySelector('#fields tr[data-field="' + fieldSel.value + '"] td');
    valueBox.value = cell && !cell.querySelector(".null") ? cell.textContent : "";
  }
  fieldSel.addEventListener("change", prefill); prefill();
  document.getElementById("correct-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var body = {};
    try { body[fieldSel.value] = typed(fieldSel.value, valueBox.value); }
    catch (err) { msg.textContent = err.message; return; }
    var reason = document.getElementById("c-reason").value.trim();
    if (reason) body.reason = reason;
    run(S.send("PATCH", "/api/events/" + encodeURIComponent(id), body));
  });
  document.getElementById("notevent-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    run(S.send("POST", "/api/events/" + encodeURIComponent(id) + "/not-event",
      {reason: document.getElementById("n-reason").value.trim() || null}), function () { location.href = "/"; });
  });
  document.getElementById("merge-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    run(S.send("POST", "/api/events/" + encodeURIComponent(id) + "/merge",
      {other_id: document.getElementById("m-other").value.trim(), reason: document.getElementById("m-reason").value.trim() || null}));
  });
  var split = document.getElementById("split-form");
  if (split) split.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var ids = Array.prototype.map.call(split.querySelectorAll("input[name=article]:checked"), function (c) { return c.value; });
    run(S.send("POST", "/api/events/" + encodeURIComponent(id) + "/split",
      {article_ids: ids, reason: document.getElementById("s-reason").value.trim() || null}),
      function (b) { location.href = "/events/" + encodeURIComponent(b.new_event_id); });
  });
  Array.prototype.forEach.call(document.querySelectorAll("button.undo"), function (b) {
    b.addEventListener("click", function () {
      run(S.send("POST", "/api/corrections/" + encodeURIComponent(b.getAttribute("data-correction")) + "/undo", {}));
    });
  });
})();
