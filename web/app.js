// app.js -- the classroom page of `spcsim serve`: the levers as sliders,
// the baseline and the variant as lines that grow while the simulated
// weeks complete (server-sent events), the chain table once the
// replications are done. The server does every calculation; this file
// only draws (uPlot) and asks.
"use strict";

const LINES = [
  { key: "esat", digits: 1 },
  { key: "csat", digits: 1 },
  { key: "active", digits: 0 },
  { key: "profit", digits: 0 },
];

// One run as the page knows it: replication 1 as it streams, then the means.
function emptyRun() {
  const r = { week: [], done: false, mean: false, finished: 0 };
  for (const l of LINES) r[l.key] = [];
  return r;
}

const state = {
  scenario: null,
  base: emptyRun(),
  variant: null,      // null: no lever moved
  variantId: 0,
  source: null,       // the variant's EventSource
  charts: {},
  timer: 0,
};
window.spcsim = state; // read by tests/browser/serve_page.js

const $ = (sel) => document.querySelector(sel);

function fmt(v, digits) {
  if (v === null || v === undefined || !isFinite(v)) return "–";
  return Number(v).toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function showError(msg) {
  const e = $("#error");
  e.textContent = msg || "";
  e.hidden = !msg;
}

// ---- levers ----

function decimals(step) {
  const s = String(step);
  return s.includes(".") ? s.split(".")[1].length : 0;
}

function buildLevers(levers) {
  const form = $("#levers");
  levers.forEach((lv, i) => {
    const id = "lever-" + i;
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = lv.label + " ";
    const unit = document.createElement("span");
    unit.className = "unit";
    unit.textContent = lv.unit ? "(" + lv.unit + ")" : "";
    label.appendChild(unit);
    const row = document.createElement("div");
    row.className = "row";
    let input;
    if (lv.switch) {
      input = document.createElement("input");
      input.type = "checkbox";
      input.checked = lv.value !== 0;
    } else {
      input = document.createElement("input");
      input.type = "range";
      input.min = lv.min; input.max = lv.max; input.step = lv.step;
      input.value = lv.value;
    }
    input.id = id;
    input.dataset.path = lv.path;
    input.dataset.initial = lv.value;
    const out = document.createElement("output");
    out.htmlFor = id;
    const show = () => {
      const v = lv.switch ? (input.checked ? 1 : 0) : Number(input.value);
      out.textContent = lv.switch ? (v ? "on" : "off") : fmt(v, decimals(lv.step));
    };
    show();
    input.addEventListener("input", () => { show(); if (lv.path === "decision") redraw(); schedule(); });
    row.append(input, out);
    form.append(label, row);
  });
}

function leverValues() {
  const values = {};
  for (const input of document.querySelectorAll("#levers input")) {
    values[input.dataset.path] = input.type === "checkbox" ? (input.checked ? 1 : 0) : Number(input.value);
  }
  return values;
}

function decisionWeek() {
  const d = document.querySelector('#levers input[data-path="decision"]');
  return d ? Number(d.value) : null;
}

function moved() {
  return [...document.querySelectorAll("#levers input")].some((i) => {
    const v = i.type === "checkbox" ? (i.checked ? 1 : 0) : Number(i.value);
    return v !== Number(i.dataset.initial);
  });
}

// A lever moved: after a short pause, ask for the variant (the server stops the one before).
function schedule() {
  clearTimeout(state.timer);
  state.timer = setTimeout(startVariant, 250);
}

async function startVariant() {
  if (state.source) { state.source.close(); state.source = null; }
  $("#chain").hidden = true;
  $("#save").hidden = $("#report").hidden = true;
  if (!moved()) { state.variant = null; redraw(); status(); return; }
  let res, body;
  try {
    res = await fetch("/api/run", { method: "POST", headers: { "Content-Type": "application/json" },
                                    body: JSON.stringify({ levers: leverValues() }) });
    body = await res.json();
  } catch (e) {
    showError("The server does not answer: is spcsim serve still running?");
    return;
  }
  if (!res.ok) { showError(body.error || ("error " + res.status)); return; }
  showError("");
  state.variantId = body.run;
  state.variant = emptyRun();
  state.source = follow(body.run, state.variant);
  $("#save").href = "/api/scenario.cfg?run=" + body.run;
  $("#save").hidden = false;
  redraw();
}

// ---- the runs' events ----

function follow(id, run) {
  const src = new EventSource("/api/events?run=" + id);
  src.addEventListener("period", (e) => {
    if (run.mean) return;
    const p = JSON.parse(e.data);
    run.week.push(p.week);
    for (const l of LINES) run[l.key].push(p[l.key]);
    redrawSoon();
  });
  src.addEventListener("finished", () => { run.finished++; status(); });
  src.addEventListener("series", (e) => {
    const s = JSON.parse(e.data);
    run.week = s.week;
    for (const l of LINES) run[l.key] = s[l.key].mean;
    run.mean = true;
    redraw();
  });
  src.addEventListener("chain", (e) => showChain(JSON.parse(e.data), id));
  for (const end of ["done", "cancelled", "error"]) {
    src.addEventListener(end, (e) => {
      src.close();
      run.done = true;
      if (end === "error") showError(JSON.parse(e.data).message);
      status();
    });
  }
  src.onerror = () => { if (!run.done) { src.close(); status(); } };
  return src;
}

function status() {
  const n = state.scenario ? state.scenario.replications : 0;
  const say = (name, r) => {
    if (!r) return "";
    const last = r.week.length ? r.week[r.week.length - 1] : 0;
    if (r.mean) return name + ": mean of " + n + " replications.";
    return name + ": week " + fmt(last, 0) + " of " + fmt(state.scenario.horizon_weeks, 0) +
      ", " + r.finished + " of " + n + " replications done.";
  };
  $("#status").textContent = [say("Baseline", state.base), say("Variant", state.variant)].join(" ");
  $("#chart-note").textContent = (state.variant && !state.variant.mean) || !state.base.mean
    ? "While the replications run, the lines show replication 1; when all are done, their means."
    : "The lines are the means over " + n + " replications.";
}

// ---- charts ----

let pending = false;
function redrawSoon() {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => { pending = false; redraw(); status(); });
}

// The decision week as a dashed vertical line.
function decisionHook(u) {
  const w = decisionWeek();
  if (w === null || !state.variant) return;
  const x = Math.round(u.valToPos(w, "x", true));
  const ctx = u.ctx;
  ctx.save();
  ctx.strokeStyle = "#1c7ed6";
  ctx.setLineDash([6, 4]);
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(x, u.bbox.top);
  ctx.lineTo(x, u.bbox.top + u.bbox.height);
  ctx.stroke();
  ctx.restore();
}

// Baseline and variant on one x axis: the baseline's weeks (the same periods).
function data(key) {
  const b = state.base, v = state.variant;
  const weeks = b.week.length >= (v ? v.week.length : 0) ? b.week : v.week;
  const pad = (arr) => weeks.map((_, i) => (i < arr.length ? arr[i] : null));
  return [weeks, pad(b[key]), v ? pad(v[key]) : weeks.map(() => null)];
}

function makeChart(line) {
  const fig = $("#chart-" + line.key);
  const opts = {
    width: Math.max(280, fig.clientWidth - 10), height: 200,
    scales: { x: { time: false } },
    axes: [{ label: "week" }, { size: 60, values: (u, ticks) => ticks.map((t) => fmt(t, line.digits > 0 ? 1 : 0)) }],
    series: [
      { label: "week" },
      { label: "baseline", stroke: "#777", width: 2, value: (u, v) => fmt(v, line.digits) },
      { label: "variant", stroke: "#d9480f", width: 2, value: (u, v) => fmt(v, line.digits) },
    ],
    hooks: { draw: [decisionHook] },
    legend: { show: true },
  };
  state.charts[line.key] = new uPlot(opts, data(line.key), fig);
}

function redraw() {
  for (const l of LINES) {
    if (state.charts[l.key]) state.charts[l.key].setData(data(l.key));
  }
  document.body.dataset.basePoints = state.base.week.length;
  document.body.dataset.variantPoints = state.variant ? state.variant.week.length : 0;
}

// ---- the chain table ----

function showChain(c, id) {
  if (id !== state.variantId) return;
  const tbody = $("#chain tbody");
  tbody.textContent = "";
  const words = $("#words");
  words.textContent = "";
  for (const r of c.rows) {
    const tr = document.createElement("tr");
    const pts = r.unit.startsWith("points") || r.unit.startsWith("%");
    const change = pts ? fmt(r.diff, 2) + " points" : fmt(100 * r.rel, 1) + "%";
    const ci = pts ? "[" + fmt(r.lo, 2) + ", " + fmt(r.hi, 2) + "]"
                   : "[" + fmt(100 * r.rel_lo, 1) + "%, " + fmt(100 * r.rel_hi, 1) + "%]";
    for (const [text, cls] of [[r.name, ""], [fmt(r.base, pts ? 2 : 0), ""], [fmt(r.variant, pts ? 2 : 0), ""],
                               [change, r.clear ? "clear" : ""], [ci, ""]]) {
      const td = document.createElement("td");
      td.textContent = text;
      if (cls) td.className = cls;
      tr.append(td);
    }
    tbody.append(tr);
    const li = document.createElement("li");
    li.textContent = r.words;
    words.append(li);
  }
  $("#chain-note").textContent = "Means over the summary window (after the warm-up, week " +
    fmt(state.scenario.warmup_weeks, 0) + ", to the end), variant minus baseline paired replication by " +
    "replication (" + c.replications + " replications, common random numbers). A change in bold is clear: " +
    "its 95% interval does not hold 0.";
  $("#chain").hidden = false;
  document.body.dataset.chainRows = c.rows.length;
  $("#report").href = "/api/report.html?run=" + id;
  $("#report").hidden = false;
}

// ---- start ----

async function start() {
  const res = await fetch("/api/scenario");
  const sc = await res.json();
  state.scenario = sc;
  $("#name").textContent = sc.name;
  $("#description").textContent = sc.description;
  if (sc.look) { $("#look span").textContent = sc.look; $("#look").hidden = false; }
  buildLevers(sc.levers);
  for (const l of LINES) makeChart(l);
  follow(0, state.base);
  $("#reset").addEventListener("click", () => {
    for (const i of document.querySelectorAll("#levers input")) {
      if (i.type === "checkbox") i.checked = Number(i.dataset.initial) !== 0;
      else i.value = i.dataset.initial;
      i.dispatchEvent(new Event("input"));
    }
  });
  status();
  document.body.dataset.ready = "yes";
}

start().catch((e) => showError("The page could not start: " + e.message));
