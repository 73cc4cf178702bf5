import CorridorReports

/// The live scenario explorer: one self-contained page (styles and script inline, nothing fetched but
/// the API's own answers) with the network's crossings as sliders, the demand factor, a scenario and a
/// baseline picker; every change asks `POST /networks/{id}/explore` and draws the answer — the report's
/// maps and tables for the edited scenario against the baseline.
enum ExplorerPage {
    static let html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>corridor explorer</title>
        <link rel="icon" href="data:,"/>
        <style>
        \(ReportDocument.styleSheet)
        \(styleSheet)
        </style>
        </head>
        <body>
        <div class="explorer">
        <aside class="controls card">
        <h1>corridor explorer</h1>
        <label>Network <select id="network"></select></label>
        <label>Scenario <select id="scenario"></select></label>
        <label>Against <select id="baseline"></select></label>
        <label class="slider">Demand × <output id="demandScale-value">1</output>
        <input type="range" id="demandScale" min="0.5" max="3" step="0.05" value="1"/></label>
        <h2>Crossings</h2>
        <div id="crossings"></div>
        <button type="button" id="reset">Reset edits</button>
        <p id="status" data-answers="0">Loading…</p>
        </aside>
        <main>
        <section class="headline card" id="headline"></section>
        <div id="result"></div>
        </main>
        </div>
        <script>
        \(script)
        </script>
        </body>
        </html>

        """

    private static let styleSheet = """
        .explorer { display: grid; grid-template-columns: 320px minmax(0, 1fr); gap: 16px; padding: 16px; max-width: 1640px; margin: 0 auto; }
        .controls { position: sticky; top: 16px; align-self: start; max-height: calc(100vh - 32px); overflow-y: auto; padding: 14px; }
        .controls h1 { font-size: 20px; margin: 0 0 10px; }
        .controls h2 { font-size: 15px; margin: 14px 0 6px; }
        .controls label { display: block; margin: 8px 0; font-weight: 600; }
        .controls select, .controls input[type=range] { width: 100%; }
        .crossing { border-top: 1px solid var(--rule); padding: 6px 0; }
        .crossing .name { font-weight: 600; }
        .crossing label { font-weight: 400; margin: 4px 0; }
        .headline { display: flex; flex-wrap: wrap; gap: 24px; padding: 14px; margin-bottom: 16px; }
        .headline div { min-width: 150px; }
        .headline .value { font-size: 22px; font-weight: 700; }
        .headline .label { color: var(--muted); }
        #status { color: var(--muted); font-size: 13px; }
        #status.error { color: #b3261e; font-weight: 600; }
        @media (max-width: 900px) { .explorer { grid-template-columns: minmax(0, 1fr); } .controls { position: static; max-height: none; } }
        """

    private static let script = """
        "use strict";
        const state = { network: null, baseline: "baseline", scenario: "baseline", capacity: {}, dwellHours: {}, demandScale: 1 };
        let asked = 0;
        let timer = null;
        const $ = (id) => document.getElementById(id);
        const number = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });

        function option(select, value, text) {
          const element = document.createElement("option");
          element.value = value;
          element.textContent = text;
          select.appendChild(element);
        }

        function say(text, isError) {
          $("status").textContent = text;
          $("status").className = isError ? "error" : "";
        }

        async function start() {
          const response = await fetch("/networks");
          const listing = await response.json();
          const usable = listing.networks.filter((entry) => !entry.error);
          for (const entry of usable) option($("network"), entry.id, entry.name + " (" + entry.id + ")");
          const preferred = usable.find((entry) => entry.id === "china-europe") || usable[0];
          if (!preferred) { say("No network to explore in the served folder.", true); return; }
          $("network").value = preferred.id;
          chooseNetwork(preferred);
          $("network").addEventListener("change", () => chooseNetwork(usable.find((entry) => entry.id === $("network").value)));
          for (const id of ["scenario", "baseline"]) {
            $(id).addEventListener("change", () => { state[id] = $(id).value; state.capacity = {}; state.dwellHours = {}; ask(true); });
          }
          $("demandScale").addEventListener("input", () => {
            state.demandScale = Number($("demandScale").value);
            $("demandScale-value").textContent = state.demandScale.toFixed(2);
            askSoon();
          });
          $("reset").addEventListener("click", () => {
            state.capacity = {}; state.dwellHours = {}; state.demandScale = 1;
            $("demandScale").value = 1; $("demandScale-value").textContent = "1";
            ask(true);
          });
        }

        function chooseNetwork(entry) {
          state.network = entry.id;
          for (const id of ["scenario", "baseline"]) {
            $(id).textContent = "";
            for (const scenario of entry.scenarios) option($(id), scenario, scenario);
          }
          state.baseline = "baseline";
          state.scenario = entry.scenarios.includes("third-crossing") ? "third-crossing" : "baseline";
          $("baseline").value = state.baseline;
          $("scenario").value = state.scenario;
          state.capacity = {}; state.dwellHours = {};
          ask(true);
        }

        function askSoon() {
          clearTimeout(timer);
          timer = setTimeout(() => ask(false), 120);
        }

        function slider(crossing, key, measure, label, value, maximum, step) {
          const wrapper = document.createElement("label");
          const text = document.createElement("span");
          const shown = document.createElement("output");
          const input = document.createElement("input");
          text.textContent = label + " ";
          shown.textContent = value;
          input.type = "range";
          input.min = 0;
          input.max = maximum;
          input.step = step;
          input.value = value;
          input.dataset.crossing = crossing.id;
          input.dataset.key = key;
          if (measure) input.dataset.measure = measure;
          input.addEventListener("input", () => {
            shown.textContent = input.value;
            if (measure) {
              state.capacity[crossing.id] = state.capacity[crossing.id] || {};
              state.capacity[crossing.id][measure] = Number(input.value);
            } else {
              state.dwellHours[crossing.id] = Number(input.value);
            }
            askSoon();
          });
          wrapper.append(text, shown, input);
          return wrapper;
        }

        function buildControls(controls) {
          const box = $("crossings");
          box.textContent = "";
          for (const crossing of controls.crossings) {
            const item = document.createElement("div");
            item.className = "crossing";
            const name = document.createElement("div");
            name.className = "name";
            name.textContent = crossing.name;
            item.appendChild(name);
            for (const limit of crossing.limits) {
              const maximum = Math.max(10, Math.ceil(limit.value * 2));
              const step = maximum > 400 ? Math.ceil(maximum / 400) : 1;
              item.appendChild(slider(crossing, "capacity", limit.measure, "Limit (" + limit.measure + "/" + controls.period + ")",
                limit.value, maximum, step));
            }
            item.appendChild(slider(crossing, "dwellHours", null, "Dwell (hours)", crossing.dwellHours,
              Math.max(48, Math.ceil(crossing.dwellHours * 4)), 0.5));
            box.appendChild(item);
          }
        }

        function headline(summary, currency, period) {
          const box = $("headline");
          box.textContent = "";
          const byUnit = (key) => {
            const totals = {};
            for (const commodity of summary.commodities) totals[commodity.unit] = (totals[commodity.unit] || 0) + commodity[key];
            return Object.entries(totals).map(([unit, value]) => number.format(value) + " " + unit).join(" · ");
          };
          const figures = [
            ["saving", "Saving against " + state.baseline + " (" + currency + "/" + period + ")", summary.saving, null],
            ["objective", "Total cost (" + currency + "/" + period + ")", summary.objective, null],
            ["served", "Served per " + period, null, byUnit("served")],
            ["unserved", "Unserved per " + period, null, byUnit("unserved")],
          ];
          for (const [id, label, value, text] of figures) {
            const figure = document.createElement("div");
            const shown = document.createElement("div");
            const caption = document.createElement("div");
            shown.className = "value";
            shown.id = id;
            if (value !== null) shown.dataset.value = value;
            shown.textContent = value !== null ? number.format(value) : text;
            caption.className = "label";
            caption.textContent = label;
            figure.append(shown, caption);
            box.appendChild(figure);
          }
        }

        async function ask(resetControls) {
          const question = ++asked;
          const body = { baseline: state.baseline, scenario: state.scenario };
          if (state.demandScale !== 1) body.demandScale = state.demandScale;
          if (Object.keys(state.capacity).length) body.capacity = state.capacity;
          if (Object.keys(state.dwellHours).length) body.dwellHours = state.dwellHours;
          say("Solving…", false);
          const started = performance.now();
          let answer;
          let response;
          try {
            response = await fetch("/networks/" + encodeURIComponent(state.network) + "/explore", {
              method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
            answer = await response.json();
          } catch (error) {
            if (question === asked) say("The server did not answer: " + error, true);
            return;
          }
          if (question !== asked) return;
          if (!response.ok) { say(answer.error.message, true); return; }
          if (resetControls) buildControls(answer.controls);
          headline(answer.summary, answer.controls.currency, answer.controls.period);
          $("result").innerHTML = answer.html;
          const status = $("status");
          status.dataset.answers = Number(status.dataset.answers) + 1;
          say("Solved in " + Math.round(performance.now() - started) + " ms" +
            (response.headers.get("X-Corridor-Cache") === "hit" ? " (asked before)" : ""), false);
        }

        start().catch((error) => say("Could not start: " + error, true));
        """
}
