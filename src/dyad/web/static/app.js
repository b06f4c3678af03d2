/* dyad dashboard: one dyad's Goldstein and QuadClass series, the network of the most
 * active dyads, a filtered event table and an article view with highlighted evidence.
 * Data comes from the HTTP API (live) or from the JSON embedded in a report file; text
 * from the store is only ever set through textContent, never parsed as HTML. */
(function () {
  "use strict";

  var QUADS = ["verbal cooperation", "material cooperation", "verbal conflict",
               "material conflict"];
  var QUAD_COLORS = ["#4c9f70", "#1f6f43", "#e0a030", "#c0392b"];
  var PAGE = 50;
  var PLOT_CONFIG = {responsive: true, displaylogo: false};

  function $(id) { return document.getElementById(id); }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }

  /* plotly reads hover text as a small HTML subset: escape store text first */
  function plotText(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function query(params) {
    var parts = [];
    Object.keys(params || {}).forEach(function (key) {
      var value = params[key];
      if (value !== undefined && value !== null && value !== "") {
        parts.push(encodeURIComponent(key) + "=" + encodeURIComponent(value));
      }
    });
    return parts.length ? "?" + parts.join("&") : "";
  }

  /* ---- data sources: the live API, or a report's embedded JSON ---- */

  function apiSource() {
    function get(path, params) {
      return fetch(path + query(params)).then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) { throw new Error(body.detail || response.statusText); }
          return body;
        });
      });
    }
    return {
      fixed: false,
      actors: function () { return get("actors"); },
      top: function (limit) { return get("dyads/top", {limit: limit}); },
      relations: function (a, b, by) {
        return get("relations/" + encodeURIComponent(a) + "/" + encodeURIComponent(b),
                   {by: by});
      },
      events: function (params) { return get("events", params); },
      article: function (id) { return get("articles/" + encodeURIComponent(id)); }
    };
  }

  function matches(event, p) {
    var s = event.source.entity, t = event.target.entity;
    if (p.both_ways) {
      if (!((s === p.source && t === p.target) || (s === p.target && t === p.source))) {
        return false;
      }
    } else if ((p.source && s !== p.source) || (p.target && t !== p.target)) {
      return false;
    }
    if (p.root && event.cameo_root !== p.root) { return false; }
    if (p.quad_class && String(event.quad_class) !== String(p.quad_class)) { return false; }
    if (p.status && event.status !== p.status) { return false; }
    if (p.from && !(event.day && event.day >= p.from)) { return false; }
    if (p.to && !(event.day && event.day <= p.to)) { return false; }
    if (p.q && event.evidence.text.toLowerCase().indexOf(p.q.toLowerCase()) < 0) {
      return false;
    }
    return true;
  }

  function embeddedSource(data) {
    function done(value) { return Promise.resolve(value); }
    return {
      fixed: true,
      actors: function () { return done(data.actors); },
      top: function () { return done(data.top); },
      relations: function () { return done(data.relations); },
      events: function (p) {
        var found = data.events.filter(function (e) { return matches(e, p); });
        var offset = p.offset || 0;
        return done({total: found.length, limit: p.limit, offset: offset,
                     events: found.slice(offset, offset + p.limit)});
      },
      article: function (id) {
        var article = data.articles[id];
        return article ? done(article) : Promise.reject(new Error("article not in report"));
      }
    };
  }

  /* ---- state ---- */

  var source = null;
  var state = {a: "", b: "", by: "month", offset: 0};

  function setStatus(text) { $("status").textContent = text || ""; }

  function fail(error) { setStatus("Error: " + error.message); }

  /* ---- dyad picker ---- */

  function fillPicker(actors) {
    ["actor-a", "actor-b"].forEach(function (id) {
      var select = $(id);
      select.textContent = "";
      actors.forEach(function (actor) {
        var option = element("option", actor.entity + " (" + actor.events + ")");
        option.value = actor.entity;
        select.appendChild(option);
      });
    });
  }

  function pick(a, b, by) {
    state.a = a; state.b = b; state.by = by || state.by; state.offset = 0;
    $("actor-a").value = a; $("actor-b").value = b; $("period").value = state.by;
    writeHash();
    return Promise.all([showRelations(), showEvents()]).catch(fail);
  }

  /* ---- relations: Goldstein and QuadClass series ---- */

  function verdictText(label, trend) {
    if (trend.delta === null) { return label + ": " + trend.verdict; }
    return label + ": " + trend.verdict + " (mean Goldstein " + trend.early_mean.toFixed(2) +
      " → " + trend.late_mean.toFixed(2) + ")";
  }

  function showTrend(rel) {
    var box = $("trend");
    box.textContent = "";
    rel.directions.forEach(function (d) {
      box.appendChild(element("p", verdictText(d.source + " → " + d.target, d.trend)));
    });
    box.appendChild(element("p", verdictText("both", rel.trend)));
    if (rel.skipped) {
      box.appendChild(element("p", rel.skipped + " story events without a date skipped",
                              "hint"));
    }
  }

  function goldsteinTraces(rel) {
    return rel.directions.map(function (d) {
      return {
        type: "scatter", mode: "lines+markers", name: d.source + " → " + d.target,
        x: rel.periods,
        y: d.series.map(function (p) { return p.events ? p.goldstein_sum : null; }),
        connectgaps: false,
        customdata: d.series.map(function (p) {
          return [p.events, p.goldstein_mean === null ? "" : p.goldstein_mean.toFixed(2)];
        }),
        hovertemplate: "%{x}<br>Goldstein sum %{y:+.1f}<br>%{customdata[0]} events, " +
          "mean %{customdata[1]}<extra>%{fullData.name}</extra>"
      };
    });
  }

  function quadTraces(rel) {
    var traces = [];
    rel.directions.forEach(function (d, side) {
      QUADS.forEach(function (name, q) {
        traces.push({
          type: "bar", name: d.source + " → " + d.target + ": " + name,
          legendgroup: d.source + d.target, x: rel.periods,
          y: d.series.map(function (p) {
            var n = p.quad_class[String(q + 1)];
            return side === 0 ? n : -n;
          }),
          customdata: d.series.map(function (p) { return p.quad_class[String(q + 1)]; }),
          hovertemplate: "%{x}: %{customdata} " + name + "<extra>" + d.source + " → " +
            d.target + "</extra>",
          marker: {color: QUAD_COLORS[q], opacity: side === 0 ? 1 : 0.6}
        });
      });
    });
    return traces;
  }

  function showRelations() {
    return source.relations(state.a, state.b, state.by).then(function (rel) {
      $("dyad-title").textContent = rel.a + " ↔ " + rel.b + " by " + rel.by;
      showTrend(rel);
      Plotly.react("goldstein", goldsteinTraces(rel), {
        title: {text: "Goldstein sum per " + rel.by}, margin: {t: 40, r: 10},
        xaxis: {type: "category"}, yaxis: {zeroline: true, title: {text: "Goldstein"}},
        hovermode: "closest"
      }, PLOT_CONFIG);
      Plotly.react("quad", quadTraces(rel), {
        title: {text: "Story events by QuadClass (" + rel.a + " → " + rel.b +
                      " up, " + rel.b + " → " + rel.a + " down)"},
        barmode: "relative", margin: {t: 40, r: 10}, xaxis: {type: "category"},
        yaxis: {title: {text: "events"}}
      }, PLOT_CONFIG);
    });
  }

  /* ---- network of the most active dyads ---- */

  function layout(entities) {
    var spots = {};
    entities.forEach(function (name, i) {
      var angle = 2 * Math.PI * i / entities.length;
      spots[name] = [Math.cos(angle), Math.sin(angle)];
    });
    return spots;
  }

  function edgeColor(mean) {
    if (mean > 0.5) { return "#1f8a4c"; }
    if (mean < -0.5) { return "#c0392b"; }
    return "#888888";
  }

  function showNetwork(dyads) {
    var names = [];
    dyads.forEach(function (d) {
      [d.source, d.target].forEach(function (n) { if (names.indexOf(n) < 0) { names.push(n); } });
    });
    var spot = layout(names), most = Math.max.apply(null, dyads.map(function (d) {
      return d.stories;
    }).concat([1]));
    var arrows = [], mids = {x: [], y: [], text: [], customdata: []};
    dyads.forEach(function (d) {
      var s = spot[d.source], t = spot[d.target];
      var nx = -(t[1] - s[1]) * 0.04, ny = (t[0] - s[0]) * 0.04; /* two-way pairs apart */
      arrows.push({x: t[0] + nx, y: t[1] + ny, ax: s[0] + nx, ay: s[1] + ny,
                   xref: "x", yref: "y", axref: "x", ayref: "y", showarrow: true,
                   arrowhead: 3, arrowsize: 1, standoff: 14, startstandoff: 14,
                   arrowwidth: 1 + 5 * d.stories / most, arrowcolor: edgeColor(d.goldstein_mean)});
      mids.x.push((s[0] + t[0]) / 2 + nx); mids.y.push((s[1] + t[1]) / 2 + ny);
      mids.text.push(plotText(d.label) + ": " + d.stories + " stories, " + d.mentions +
                     " mentions, mean Goldstein " + d.goldstein_mean.toFixed(2));
      mids.customdata.push([d.source, d.target]);
    });
    var nodes = {type: "scatter", mode: "markers+text", x: [], y: [], text: [],
                 textposition: "top center", hoverinfo: "text", name: "actors",
                 marker: {size: 16, color: "#2c3e50"}};
    names.forEach(function (n) { nodes.x.push(spot[n][0]); nodes.y.push(spot[n][1]);
                                 nodes.text.push(plotText(n)); });
    var dots = {type: "scatter", mode: "markers", x: mids.x, y: mids.y,
                hovertext: mids.text, hoverinfo: "text", customdata: mids.customdata,
                name: "dyads", marker: {size: 10, color: "#ffffff",
                                        line: {width: 2, color: "#2c3e50"}}};
    var axis = {visible: false, range: [-1.3, 1.3]};
    Plotly.react("network", [nodes, dots], {
      showlegend: false, annotations: arrows, xaxis: axis,
      yaxis: Object.assign({scaleanchor: "x"}, axis), margin: {t: 10, b: 10, l: 10, r: 10},
      hovermode: "closest"
    }, PLOT_CONFIG).then(function (plot) {
      if (plot.removeAllListeners) { plot.removeAllListeners("plotly_click"); }
      plot.on("plotly_click", function (event) {
        var point = event.points[0];
        if (point && point.data.name === "dyads" && !source.fixed) {
          pick(point.customdata[0], point.customdata[1]);
        }
      });
    });
  }

  /* ---- event table ---- */

  function filterParams() {
    var form = $("filters"), direction = form.direction.value;
    var params = {source: state.a, target: state.b, both_ways: direction === "both",
                  root: form.root.value, quad_class: form.quad_class.value,
                  status: form.status.value, from: form.from.value, to: form.to.value,
                  q: form.q.value, limit: PAGE, offset: state.offset};
    if (direction === "ba") { params.source = state.b; params.target = state.a; }
    return params;
  }

  function eventRow(event) {
    var row = document.createElement("tr");
    [event.day || "", event.source.code || "?", event.cameo, event.target.code || "?",
     event.status, event.goldstein.toFixed(1)].forEach(function (value) {
      row.appendChild(element("td", value));
    });
    row.appendChild(element("td", event.evidence.text, "evidence"));
    var cell = element("td"), button = element("button", event.article_id, "open-article");
    button.type = "button";
    button.addEventListener("click", function () { openArticle(event.article_id); });
    cell.appendChild(button);
    row.appendChild(cell);
    return row;
  }

  function showEvents() {
    return source.events(filterParams()).then(function (page) {
      var body = $("events").tBodies[0];
      body.textContent = "";
      page.events.forEach(function (e) { body.appendChild(eventRow(e)); });
      var last = Math.min(page.offset + page.events.length, page.total);
      $("page-info").textContent = page.total ?
        (page.offset + 1) + "–" + last + " of " + page.total + " events" : "no events";
      $("prev").disabled = page.offset === 0;
      $("next").disabled = last >= page.total;
    });
  }

  /* ---- article view: evidence highlighted with each event's code and actors ---- */

  function describe(event) {
    return event.cameo + " " + (event.source.code || "?") + " → " +
      (event.target.code || "?") + " (" + event.status + ")";
  }

  /* cut the text (by code points, as the offsets count) where any evidence starts or ends */
  function segments(chars, events) {
    var cuts = [0, chars.length];
    events.forEach(function (e) { cuts.push(e.evidence.start, e.evidence.end); });
    cuts = cuts.filter(function (c) { return c >= 0 && c <= chars.length; })
      .sort(function (x, y) { return x - y; })
      .filter(function (c, i, all) { return i === 0 || c !== all[i - 1]; });
    var out = [];
    for (var i = 0; i + 1 < cuts.length; i += 1) {
      var start = cuts[i], end = cuts[i + 1], covering = [], ending = [];
      events.forEach(function (e, k) {
        if (e.evidence.start <= start && e.evidence.end >= end) { covering.push(k); }
        if (e.evidence.end === end && e.evidence.start < end) { ending.push(k); }
      });
      out.push({text: chars.slice(start, end).join(""), covering: covering, ending: ending});
    }
    return out;
  }

  function actorName(actor) { return actor.name || actor.text || actor.code || "?"; }

  function renderArticle(article) {
    var box = $("article"), list = $("article-events"), chars = Array.from(article.text);
    box.textContent = ""; list.textContent = "";
    segments(chars, article.events).forEach(function (seg) {
      if (!seg.covering.length) {
        box.appendChild(document.createTextNode(seg.text));
      } else {
        var mark = element("mark", seg.text);
        mark.dataset.events = seg.covering.join(" ");
        if (seg.covering.length > 1) { mark.className = "multi"; }
        mark.title = seg.covering.map(function (k) {
          return describe(article.events[k]);
        }).join("\n");
        box.appendChild(mark);
      }
      seg.ending.forEach(function (k) {
        box.appendChild(element("sup", "[" + (k + 1) + "] " + describe(article.events[k]),
                                "tag q" + article.events[k].quad_class));
      });
    });
    article.events.forEach(function (e) {
      var item = element("li", describe(e) + "  " + actorName(e.source) + " → " +
                         actorName(e.target) + ", Goldstein " +
                         e.goldstein.toFixed(1) + (e.date ? ", " + e.date : ""));
      list.appendChild(item);
    });
    $("article-title").textContent = article.title || article.id;
    $("article-meta").textContent = [article.id, article.published, article.source]
      .filter(Boolean).join(" · ");
    $("article-view").hidden = false;
  }

  function openArticle(id) {
    state.article = id;
    writeHash();
    return source.article(id).then(function (article) {
      renderArticle(article);
      $("article-view").scrollIntoView();
    }).catch(fail);
  }

  /* ---- #a=AZE&b=RUS&by=month&article=ID: shareable state ---- */

  function writeHash() {
    if (source.fixed) { return; }
    var params = {a: state.a, b: state.b, by: state.by, article: state.article};
    history.replaceState(null, "", query(params).replace("?", "#") || "#");
  }

  function readHash() {
    var found = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      var kv = part.split("=");
      if (kv[0]) { found[decodeURIComponent(kv[0])] = decodeURIComponent(kv[1] || ""); }
    });
    return found;
  }

  /* ---- start ---- */

  function wire() {
    $("picker").addEventListener("submit", function (event) {
      event.preventDefault();
      pick($("actor-a").value, $("actor-b").value, $("period").value);
    });
    $("filters").addEventListener("submit", function (event) {
      event.preventDefault();
      state.offset = 0;
      showEvents().catch(fail);
    });
    $("prev").addEventListener("click", function () {
      state.offset = Math.max(0, state.offset - PAGE);
      showEvents().catch(fail);
    });
    $("next").addEventListener("click", function () {
      state.offset += PAGE;
      showEvents().catch(fail);
    });
  }

  function start() {
    var embedded = $("dyad-data");
    var data = embedded ? JSON.parse(embedded.textContent) : null;
    source = data ? embeddedSource(data) : apiSource();
    wire();
    if (source.fixed) { $("picker").hidden = true; }
    Promise.all([source.actors(), source.top(15)]).then(function (found) {
      var actors = found[0], top = found[1], hash = readHash();
      fillPicker(actors);
      showNetwork(top);
      var a = data ? data.a : hash.a || (top[0] ? top[0].source : "");
      var b = data ? data.b : hash.b || (top[0] ? top[0].target : "");
      if (!a || !b) { setStatus("The store has no events yet."); return null; }
      var shown = pick(a, b, data ? data.by : hash.by);
      if (hash.article && !data) { openArticle(hash.article); }
      return shown;
    }).catch(fail);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
