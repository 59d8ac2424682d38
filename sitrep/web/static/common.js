/* Shared helpers. Untrusted text (article text, titles, notes, actor names) only ever goes into the page through
   textContent / attribute setters here; never through innerHTML. */
"use strict";
var Sitrep = (function () {
  var TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
               "Strategic developments"];
  function typeClass(t) {
    var i = TYPES.indexOf(t);
    return "t" + (i < 0 ? 6 : i);
  }
  /* el("tag.class", {attr: v}, child...) with children strings as text nodes. */
  function el(spec, attrs) {
    var parts = spec.split(".");
    var node = document.createElement(parts[0]);
    if (parts.length > 1) node.className = parts.slice(1).join(" ");
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (attrs[k] === null || attrs[k] === undefined || attrs[k] === false) return;
        if (k === "text") node.textContent = String(attrs[k]);
        else if (k === "href") node.setAttribute("href", safeHref(attrs[k]));
        else node.setAttribute(k, attrs[k] === true ? "" : String(attrs[k]));
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined) continue;
      node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    }
    return node;
  }
  function safeHref(url) {
    var s = String(url);
    if (s.charAt(0) === "/" && s.charAt(1) !== "/") return s;
    return /^https?:\/\//i.test(s) ? s : "#";
  }
  function getJSON(url) {
    return fetch(url, {headers: {"Accept": "application/json"}}).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) throw new Error(detailText(body, r.status));
        return body;
      });
    });
  }
  function detailText(body, status) {
    var d = body && body.detail;
    if (typeof d === "string") return d;
    if (Array.isArray(d)) return d.map(function (x) { return (x.loc || []).join(".") + ": " + x.msg; }).join("; ");
    if (d && d.message) return d.message;
    return "HTTP " + status;
  }
  function getToken() { try { return sessionStorage.getItem("sitrep-token") || ""; } catch (e) { return ""; } }
  function setToken(t) { try { if (t) sessionStorage.setItem("sitrep-token", t); else sessionStorage.removeItem("sitrep-token"); } catch (e) {} }
  function send(method, url, body) {
    var headers = {"Content-Type": "application/json", "Accept": "application/json"};
    var t = getToken();
    if (t) headers["Authorization"] = "Bearer " + t;
    return fetch(url, {method: method, headers: headers, body: JSON.stringify(body || {})}).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (b) {
        if (!r.ok) throw new Error(detailText(b, r.status));
        return b;
      });
    });
  }
  /* The article text with the evidence highlighted, built from text nodes and one <mark>. */
  function highlighted(text, start, end, evidence) {
    var box = el("div.article-text");
    var ok = typeof start === "number" && typeof end === "number" && start >= 0 && start < end && end <= text.length;
    if (!ok && evidence) {
      var f = text.indexOf(evidence);
      if (f >= 0) { start = f; end = f + evidence.length; ok = true; }
    }
    if (!ok) { box.appendChild(document.createTextNode(text)); return box; }
    box.appendChild(document.createTextNode(text.slice(0, start)));
    box.appendChild(el("mark.ev", null, text.slice(start, end)));
    box.appendChild(document.createTextNode(text.slice(end)));
    return box;
  }
  return {TYPES: TYPES, typeClass: typeClass, el: el, getJSON: getJSON, send: send, getToken: getToken,
          setToken: setToken, highlighted: highlighted, safeHref: safeHref};
})();
