/* The dashboard: map (server-side aggregated), timeline with a date brush, filters, event list and detail.
   The view (filters, selected event, map centre and zoom) lives in the URL so a link can be shared. */
"use strict";
(function () {
  var S = Sitrep, el = S.el;
  var FILTERS = ["since", "until", "event_type", "sub_event_type", "certainty", "min_fatalities", "status", "actor",
                 "country", "admin1", "q"];
  var form = document.getElementById("filters");
  var statusBox = document.getElementById("status");
  var listBox = document.getElementById("list");
  var moreBtn = document.getElementById("more");
  var detailBox = document.getElementById("detail");
  var state = {selected: null, next: null, fitted: false, seq: 0};
  var inView = document.getElementById("inview");

  // ---- URL <-> form ----------------------------------------------------------------------------------
  var params = new URLSearchParams(location.search);
  FILTERS.forEach(function (k) { if (params.get(k)) form.elements[k].value = params.get(k); });
  state.selected = params.get("event");

  function filterParams(skipDates) {
    var p = new URLSearchParams();
    FILTERS.forEach(function (k) {
      if (skipDates && (k === "since" || k === "until")) return;
      var v = form.elements[k].value.trim();
      if (v) p.set(k, v);
    });
    return p;
  }
  function writeURL() {
    var p = filterParams(false);
    if (state.selected) p.set("event", state.selected);
    var c = map.getCenter();
    p.set("c", c.lat.toFixed(4) + "," + c.lng.toFixed(4) + "," + map.getZoom());
    history.replaceState(null, "", "?" + p.toString());
  }

  // ---- map ---------------------------------------------------------------------------------------------
  var map = L.map("map", {zoomControl: true, worldCopyJump: true, minZoom: 2, maxZoom: 14});
  map.attributionControl.setPrefix(false);
  var view = (params.get("c") || "").split(",").map(Number);
  if (view.length === 3 && view.every(isFinite)) { map.setView([view[0], view[1]], view[2]); state.fitted = true; }
  else map.setView([48.5, 31.5], 5);
  var tileUrl = document.body.getAttribute("data-tile-url");
  if (tileUrl) L.tileLayer(tileUrl, {maxZoom: 18, attribution: "tiles: your tile server"}).addTo(map);
  map.attributionControl.addAttribution("Boundaries: Natural Earth");
  var canvas = L.canvas({padding: 0.2});
  var admin1Layer = null;
  function unwrapAntimeridian(fc) {
    // a ring crossing 180° (Chukotka, Fiji) jumps from +179 to -179; drawn as is, it is a band across the world.
    // Such a ring is drawn continuously past 180° instead (its western longitudes + 360).
    function ring(r) {
      for (var i = 1; i < r.length; i++) {
        if (Math.abs(r[i][0] - r[i - 1][0]) > 180) {
          return r.map(function (c) { return c[0] < 0 ? [c[0] + 360, c[1]] : c; });
        }
      }
      return r;
    }
    fc.features.forEach(function (f) {
      var g = f.geometry;
      if (!g) return;
      if (g.type === "Polygon") g.coordinates = g.coordinates.map(ring);
      else if (g.type === "MultiPolygon") g.coordinates = g.coordinates.map(function (p) { return p.map(ring); });
    });
    return fc;
  }
  function loadBase(url, object, style, cb) {
    fetch(url).then(function (r) { return r.json(); }).then(function (topo) {
      var layer = L.geoJSON(unwrapAntimeridian(topojson.feature(topo, topo.objects[object])), {renderer: canvas, style: style,
        interactive: false});
      cb(layer);
    }).catch(function () {});
  }
  loadBase("/static/vendor/basemap/countries-50m.topo.json", "countries",
    {color: "#6b7280", weight: 1, fillColor: "#eef0e8", fillOpacity: tileUrl ? 0 : 1}, function (layer) {
      layer.addTo(map); layer.bringToBack();
      document.body.setAttribute("data-basemap", "ready");
    });
  function loadAdmin1() {  // after the events are shown: decoding 4,700 regions takes a moment
    loadBase("/static/vendor/basemap/admin1.topo.json", "admin1",
      {color: "#9ca3af", weight: 0.6, fill: false, dashArray: "2 3"}, function (layer) {
        admin1Layer = layer; syncAdmin1();
        document.body.setAttribute("data-admin1", "ready");
      });
  }
  function syncAdmin1() {
    if (!admin1Layer) return;
    if (map.getZoom() >= 4) { if (!map.hasLayer(admin1Layer)) admin1Layer.addTo(map); }
    else if (map.hasLayer(admin1Layer)) map.removeLayer(admin1Layer);
  }
  var markers = L.layerGroup().addTo(map);

  function radiusFor(f) { return 5 + Math.min(14, 2 * Math.sqrt(f || 0)); }
  function tip(lines) {
    var box = el("div");
    lines.forEach(function (l, i) { if (i) box.appendChild(el("br")); box.appendChild(document.createTextNode(l)); });
    return box;
  }
  function clusterIcon(cluster) {
    var counts = {}, best = null;
    cluster.getAllChildMarkers().forEach(function (m) {
      counts[m.options.etype] = (counts[m.options.etype] || 0) + 1;
      if (best === null || counts[m.options.etype] > counts[best]) best = m.options.etype;
    });
    var n = cluster.getChildCount(), size = n < 10 ? 30 : n < 100 ? 38 : 46;
    return L.divIcon({html: el("div", null, el("span", null, String(n))), iconSize: L.point(size, size),
      className: "marker-cluster cl " + S.typeClass(best)});
  }
  function bboxParam() {
    var b = map.getBounds();
    var w = Math.max(-180, b.getWest()), e = Math.min(180, b.getEast());
    if (e - w >= 360 || w > e) { w = -180; e = 180; }
    return [w, Math.max(-90, b.getSouth()), e, Math.min(90, b.getNorth())].map(function (v) { return v.toFixed(4); }).join(",");
  }
  function loadMap() {
    var p = filterParams(false);
    var fit = !state.fitted;
    if (!fit) p.set("bbox", bboxParam());
    p.set("zoom", String(map.getZoom()));
    var seq = ++state.seq;
    return S.getJSON("/api/map?" + p).then(function (data) {
      if (seq !== state.seq) return;
      markers.clearLayers();
      var latlngs = [];
      if (data.mode === "points") {
        var group = L.markerClusterGroup({iconCreateFunction: clusterIcon, showCoverageOnHover: false,
          maxClusterRadius: 40, chunkedLoading: true});
        data.points.forEach(function (pt) {
          var m = L.circleMarker([pt.lat, pt.lon], {radius: radiusFor(pt.fatalities), etype: pt.type, eid: pt.id,
            className: "mk " + S.typeClass(pt.type) + (pt.id === state.selected ? " sel" : ""), weight: 1.5,
            fillOpacity: 0.75});
          m.bindTooltip(tip([pt.date + " · " + pt.type, (pt.location || "") +
            (pt.fatalities ? " · " + pt.fatalities + " killed" : "")]));
          m.on("click", function () { select(pt.id, true); });
          group.addLayer(m);
          latlngs.push([pt.lat, pt.lon]);
        });
        markers.addLayer(group);
      } else {
        var maxN = Math.max.apply(null, data.cells.map(function (c) { return c.n; }).concat([1]));
        data.cells.forEach(function (c) {
          var size = Math.round(26 + 26 * Math.sqrt(c.n / maxN));
          var label = c.n >= 10000 ? Math.round(c.n / 1000) + "k" : c.n >= 1000 ? (c.n / 1000).toFixed(1) + "k" : String(c.n);
          var m = L.marker([c.lat, c.lon], {title: c.n + " events", keyboard: true, icon: L.divIcon({
            html: el("div", null, el("span", null, label)), iconSize: L.point(size, size),
            className: "marker-cluster cl cellmk " + S.typeClass(c.type)})});
          m.bindTooltip(tip([c.n + " events (mostly " + c.type + ")", c.fatalities + " fatalities"]));
          m.on("click", function () { map.setView([c.lat, c.lon], Math.min(14, map.getZoom() + 2)); });
          markers.addLayer(m);
          latlngs.push([c.lat, c.lon]);
        });
      }
      if (fit) {
        state.fitted = true;
        if (latlngs.length) map.fitBounds(L.latLngBounds(latlngs).pad(0.2), {maxZoom: 8, animate: false});
        updateDownloads();
      }
    });
  }

  // ---- list and detail ----------------------------------------------------------------------------------
  function listParams() {
    var p = filterParams(false);
    if (state.fitted && inView.checked) p.set("bbox", bboxParam());
    p.set("limit", "50");
    return p;
  }
  function loadList(append) {
    var p = listParams();
    if (append && state.next) p.set("cursor", state.next);
    return S.getJSON("/api/events?" + p).then(function (data) {
      var active = document.activeElement, keep = active && listBox.contains(active) ? active.getAttribute("data-id") : null;
      if (!append) listBox.textContent = "";
      data.events.forEach(function (e) {
        var b = el("button.item" + (e.event_id === state.selected ? ".sel" : ""), {type: "button", "data-id": e.event_id},
          el("span.swatch." + S.typeClass(e.event_type), {"aria-hidden": "true"}),
          el("span.when", null, e.event_date || "?"), " ",
          el("strong", null, e.event_type), " ",
          el("span.where", null, [e.location, e.admin1, e.country].filter(Boolean).join(", ")),
          e.fatalities ? el("span.fat", null, " · " + e.fatalities + " killed") : null);
        b.addEventListener("click", function () { select(e.event_id, true); });
        listBox.appendChild(el("li", null, b));
      });
      state.next = data.next;
      moreBtn.hidden = !data.next;
      if (keep) {  // a keyboard user keeps their place when the map moves and the list is redrawn
        var again = listBox.querySelector('.item[data-id="' + CSS.escape(keep) + '"]');
        if (again) again.focus();
      }
    });
  }
  moreBtn.addEventListener("click", function () { loadList(true); });

  function row(label, value) {
    return el("tr", null, el("th", {scope: "row"}, label),
      el("td", null, value === null || value === undefined || value === "" ? "—" : String(value)));
  }
  function markSelected(id) {
    // the chosen event stands out in the list and on the map
    listBox.querySelectorAll(".item.sel").forEach(function (b) { b.classList.remove("sel"); });
    if (id) {
      var item = listBox.querySelector('.item[data-id="' + CSS.escape(id) + '"]');
      if (item) item.classList.add("sel");
    }
    markers.eachLayer(function visit(layer) {
      if (layer.eachLayer) { layer.eachLayer(visit); return; }
      var path = layer.getElement && layer.getElement();
      if (path && layer.options.eid !== undefined) path.classList.toggle("sel", layer.options.eid === id);
    });
  }
  document.addEventListener("keydown", function (ev) {  // Escape closes the event panel
    if (ev.key === "Escape" && !detailBox.hidden) { select(null); }
  });
  function select(id, focus) {
    state.selected = id;
    writeURL();
    markSelected(id);
    if (!id) { detailBox.hidden = true; return; }
    S.getJSON("/api/events/" + encodeURIComponent(id)).then(function (e) {
      if (focus && e.latitude !== null && e.longitude !== null) {  // a click in the list pans to the event
        map.panTo([e.latitude, e.longitude]);
      }
      detailBox.textContent = "";
      var close = el("button.close", {type: "button", "aria-label": "Close the event"}, "×");
      close.addEventListener("click", function () { select(null); });
      var fats = [e.fatalities_min, e.fatalities, e.fatalities_max].filter(function (v) { return v !== null && v !== undefined; });
      var range = fats.length ? Math.min.apply(null, fats) + (Math.max.apply(null, fats) !== Math.min.apply(null, fats) ? "–" + Math.max.apply(null, fats) : "") : null;
      detailBox.appendChild(el("div.dhead", null, close,
        el("h2", null, el("span.swatch." + S.typeClass(e.event_type), {"aria-hidden": "true"}), e.event_type + ": " + e.sub_event_type)));
      detailBox.appendChild(el("p.lede", null, e.notes || ""));
      detailBox.appendChild(el("p.certainty.c-" + (e.certainty || "reported"), null,
        el("strong", null, "Certainty: " + e.certainty), " — ",
        e.claimed_by ? "claimed / reported by " : "stated by the outlet in its own voice",
        e.claimed_by ? el("strong.claimant", null, e.claimed_by) : null));
      var t = el("table.fields");
      [["date", e.event_date + (e.date_precision ? " (" + e.date_precision + ")" : "")],
       ["where", [e.location, e.admin2, e.admin1, e.country].filter(Boolean).join(", ")],
       ["coordinates", e.latitude !== null ? e.latitude + ", " + e.longitude + " (precision " + e.geo_precision + ")" : null],
       ["actor 1", e.actor1], ["actor 2", e.actor2], ["interaction", e.interaction],
       ["fatalities", e.fatalities === null ? "not reported" : e.fatalities],
       ["range across sources", range]].forEach(function (r) { t.appendChild(row(r[0], r[1])); });
      detailBox.appendChild(t);
      detailBox.appendChild(el("p", null, el("a.button", {href: "/events/" + encodeURIComponent(e.event_id)},
        "All fields, history and review →")));
      detailBox.appendChild(el("h3", null, "Sources (" + e.sources.length + ")"));
      e.sources.forEach(function (s) {
        var box = el("article.source", null,
          el("p.meta", null, (s.source || "unknown outlet") + " · " + (s.published || "date unknown") + " · ",
            s.url ? el("a", {href: s.url, rel: "noopener noreferrer nofollow", target: "_blank"}, s.url) : s.article_id));
        detailBox.appendChild(box);
        S.getJSON("/api/articles/" + encodeURIComponent(s.article_id)).then(function (a) {
          if (a.title) box.insertBefore(el("h4", null, a.title), box.firstChild);
          box.appendChild(S.highlighted(a.text, s.char_start, s.char_end, s.evidence));
        }).catch(function () { box.appendChild(el("blockquote.evidence", null, s.evidence)); });
      });
      detailBox.hidden = false;
      if (focus) detailBox.focus();
    }).catch(function (err) { statusBox.textContent = "Event " + id + ": " + err.message; });
  }

  // ---- timeline -----------------------------------------------------------------------------------------
  var svg = document.getElementById("timeline");
  var NS = "http://www.w3.org/2000/svg";
  var tl = {days: [], x0: 0, step: 1};
  function svgEl(tag, attrs) {
    var n = document.createElementNS(NS, tag);
    Object.keys(attrs).forEach(function (k) { n.setAttribute(k, String(attrs[k])); });
    return n;
  }
  function dayIndex(d) { return Math.round((Date.parse(d + "T00:00:00Z") - tl.start) / 86400000); }
  function dayOf(i) { return new Date(tl.start + i * 86400000).toISOString().slice(0, 10); }
  var binSelect = document.getElementById("tl-bin");
  binSelect.addEventListener("change", function () { loadTimeline(); });
  function binDays(days, unit) {
    if (unit === "day") return days.map(function (d) { return {date: d.date, counts: d.counts, fatalities: d.fatalities || 0, span: 1}; });
    var out = {}, order = [];
    days.forEach(function (d) {
      var t = new Date(d.date + "T00:00:00Z"), key;
      if (unit === "week") { t.setUTCDate(t.getUTCDate() - (t.getUTCDay() + 6) % 7); key = t.toISOString().slice(0, 10); }
      else key = d.date.slice(0, 7) + "-01";
      if (!out[key]) {
        var end = unit === "week" ? 7 : new Date(Date.UTC(+key.slice(0, 4), +key.slice(5, 7), 0)).getUTCDate();
        out[key] = {date: key, counts: {}, fatalities: 0, span: end}; order.push(key);
      }
      for (var k in d.counts) out[key].counts[k] = (out[key].counts[k] || 0) + d.counts[k];
      out[key].fatalities += d.fatalities || 0;
    });
    return order.map(function (k) { return out[k]; });
  }
  function drawTimeline(data) {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var W = svg.clientWidth || 600, H = svg.clientHeight || 110, pad = 30;
    svg.setAttribute("viewBox", "0 0 " + W + " " + H);
    tl.days = data.days;
    if (!data.days.length) { var t = svgEl("text", {x: 10, y: 20, "class": "axis"}); t.textContent = "No dated events"; svg.appendChild(t); return; }
    tl.start = Date.parse(data.days[0].date + "T00:00:00Z");
    tl.n = dayIndex(data.days[data.days.length - 1].date) + 1;
    tl.step = Math.min(24, (W - 2 * pad) / tl.n); tl.x0 = pad;
    // bars per day, week or month (auto: whatever keeps bars a few pixels wide), stacked by type
    var unit = binSelect.value === "auto" ? (tl.n <= 120 ? "day" : tl.n <= 730 ? "week" : "month") : binSelect.value;
    var bins = binDays(data.days, unit);
    document.getElementById("tl-title").textContent = "Events per " + unit;
    var max = 1, maxKilled = 0;
    bins.forEach(function (d) { var s = 0; for (var k in d.counts) s += d.counts[k]; if (s > max) max = s; if (d.fatalities > maxKilled) maxKilled = d.fatalities; });
    var scale = (H - pad - 8) / max;
    [0, Math.round(max / 2), max].filter(function (v, i, a) { return a.indexOf(v) === i; }).forEach(function (v) {  // y-axis
      var yy = H - pad - v * scale;
      svg.appendChild(svgEl("line", {x1: pad - 3, x2: W - 4, y1: yy, y2: yy, "class": "grid"}));
      var lab = svgEl("text", {x: pad - 5, y: yy + 3, "class": "axis yaxis", "text-anchor": "end"}); lab.textContent = String(v);
      svg.appendChild(lab);
    });
    var line = [];
    bins.forEach(function (d) {
      var x = tl.x0 + Math.max(0, dayIndex(d.date)) * tl.step, y = H - pad, wid = Math.max(1, d.span * tl.step - 0.5);
      if (maxKilled) line.push((x + wid / 2).toFixed(1) + "," + (H - pad - d.fatalities * (H - pad - 8) / maxKilled).toFixed(1));
      S.TYPES.concat(Object.keys(d.counts).filter(function (k) { return S.TYPES.indexOf(k) < 0; })).forEach(function (k) {
        var c = d.counts[k]; if (!c) return;
        var h = c * scale;
        var r = svgEl("rect", {x: x, y: y - h, width: wid, height: h, "class": "bar " + S.typeClass(k)});
        var title = svgEl("title", {}); title.textContent = (unit === "day" ? "" : unit + " of ") + d.date + ": " + c + " " + k; r.appendChild(title);
        svg.appendChild(r);
        y -= h;
      });
    });
    var span = tl.n * tl.step;
    [0].concat(span > 160 ? [tl.n - 1] : []).concat(span > 400 && tl.n > 2 ? [Math.floor(tl.n / 2)] : []).forEach(function (i) {
      var t = svgEl("text", {x: tl.x0 + i * tl.step, y: H - 6, "class": "axis", "text-anchor": i === 0 ? "start" : i === tl.n - 1 ? "end" : "middle"});
      t.textContent = dayOf(i); svg.appendChild(t);
    });
    if (line.length) {  // fatalities over time, on their own scale (right-hand label)
      var pl = svgEl("polyline", {points: line.join(" "), "class": "killed"});
      var pt = svgEl("title", {}); pt.textContent = "fatalities per " + unit + " (max " + maxKilled + ")"; pl.appendChild(pt);
      svg.appendChild(pl);
    }
    var m = svgEl("text", {x: W - 4, y: 12, "class": "axis", "text-anchor": "end"});
    m.textContent = "events per " + unit + (maxKilled ? "; line: fatalities (max " + maxKilled + ")" : ""); svg.appendChild(m);
    drawSelection();
  }
  var selRect = null;
  function drawSelection() {
    if (selRect && selRect.parentNode) selRect.parentNode.removeChild(selRect);
    var a = form.elements.since.value, b = form.elements.until.value;
    document.getElementById("tl-clear").hidden = !(a || b);
    if (!tl.days.length || !(a || b)) return;
    var i0 = a ? dayIndex(a) : 0, i1 = b ? dayIndex(b) : tl.n - 1;
    selRect = svgEl("rect", {x: tl.x0 + Math.max(0, i0) * tl.step, y: 0, height: svg.clientHeight || 110,
      width: Math.max(2, (Math.min(tl.n - 1, i1) - Math.max(0, i0) + 1) * tl.step), "class": "brush"});
    svg.appendChild(selRect);
  }
  function xToDay(clientX) {
    var r = svg.getBoundingClientRect();
    var i = Math.floor((clientX - r.left - tl.x0) / tl.step);
    return dayOf(Math.max(0, Math.min(tl.n - 1, i)));
  }
  var drag = null;
  svg.addEventListener("pointerdown", function (ev) {
    if (!tl.days.length) return;
    drag = xToDay(ev.clientX); svg.setPointerCapture(ev.pointerId);
  });
  svg.addEventListener("pointermove", function (ev) {
    if (drag === null) return;
    var d = xToDay(ev.clientX);
    form.elements.since.value = d < drag ? d : drag; form.elements.until.value = d < drag ? drag : d;
    drawSelection();
  });
  svg.addEventListener("pointerup", function (ev) {
    if (drag === null) return;
    var d = xToDay(ev.clientX);
    form.elements.since.value = d < drag ? d : drag; form.elements.until.value = d < drag ? drag : d;
    drag = null; refresh(false);
  });
  document.getElementById("tl-clear").addEventListener("click", function () {
    form.elements.since.value = ""; form.elements.until.value = ""; refresh(false);
  });
  function loadTimeline() {
    return S.getJSON("/api/timeline?" + filterParams(true)).then(function (data) {
      drawTimeline(data);
      fillList("countries", data.countries); fillList("regions", data.admin1);
      return data;
    });
  }
  function fillList(id, counts) {
    var dl = document.getElementById(id); dl.textContent = "";
    Object.keys(counts || {}).forEach(function (k) { dl.appendChild(el("option", {value: k})); });
  }

  // ---- legend, refresh ----------------------------------------------------------------------------------
  var legend = document.getElementById("legend");
  S.TYPES.forEach(function (t) {
    var b = el("button.legend-item", {type: "button", title: "Show only " + t}, el("span.swatch." + S.typeClass(t), {"aria-hidden": "true"}), t);
    b.addEventListener("click", function () { form.elements.event_type.value = form.elements.event_type.value === t ? "" : t; refresh(true); });
    legend.appendChild(el("li", null, b));
  });
  function countsText(d, undatedFrom) {
    // both numbers, so the list and the map never seem to contradict the count
    var n = d.total, placed = d.placed === undefined ? n : d.placed;
    var text = n === placed ? n + (n === 1 ? " event matches" : " events match") + " the filters, all on the map"
      : placed + " on the map of " + n + " events matching the filters; " + (n - placed) + " without a place";
    var dated = form.elements.since.value || form.elements.until.value;
    var undated = dated ? (undatedFrom && undatedFrom.undated) || 0 : d.undated || 0;
    if (undated) text += dated ? "; " + undated + " undated, outside any date range (clear the dates to list them)"
      : "; " + undated + " undated (listed, not on the timeline)";
    return text + ".";
  }
  inView.addEventListener("change", function () { loadList(false); });
  function updateDownloads() {
    var q = filterParams(false).toString();
    document.getElementById("dl-csv").setAttribute("href", "/api/events.csv" + (q ? "?" + q : ""));
    document.getElementById("dl-geojson").setAttribute("href", "/api/events.geojson" + (q ? "?" + q : ""));
    var onScreen = filterParams(false);  // "download what is on screen": the filters and the map view
    onScreen.set("bbox", bboxParam());
    document.getElementById("dl-view").setAttribute("href", "/api/events.csv?" + onScreen);
  }
  function refresh(withTimeline) {
    statusBox.textContent = "Loading…";
    updateDownloads();
    writeURL();
    var jobs = [loadMap().then(function () { return loadList(false); })];
    if (withTimeline !== false) jobs.push(loadTimeline());
    else drawSelection();
    return Promise.all(jobs).then(function (done) {
      var dated = form.elements.since.value || form.elements.until.value;
      var counted = !dated && done[1] ? Promise.resolve(done[1]) : S.getJSON("/api/timeline?" + filterParams(false));
      return counted.then(function (d) {
        statusBox.textContent = countsText(d, done[1]);
      });
    }).catch(function (err) { statusBox.textContent = "Error: " + err.message; });
  }
  function refit() { state.fitted = false; return refresh(true); }  // new filters: the map zooms to their results
  form.addEventListener("submit", function (ev) { ev.preventDefault(); refit(); });
  ["event_type", "certainty", "status"].forEach(function (k) {
    form.elements[k].addEventListener("change", function () { refit(); });
  });
  document.getElementById("reset").addEventListener("click", function () {
    FILTERS.forEach(function (k) { form.elements[k].value = ""; }); refresh(true);
  });
  var moveTimer = null;
  map.on("moveend", function () {
    syncAdmin1();
    if (!state.fitted) return;
    clearTimeout(moveTimer);
    moveTimer = setTimeout(function () { writeURL(); updateDownloads(); loadMap(); if (inView.checked) loadList(false); }, 150);
  });
  window.addEventListener("resize", function () { loadTimeline(); });
  refresh(true).then(function () {
    if (state.selected) select(state.selected, false);
    setTimeout(loadAdmin1, 50);
  });
})();
