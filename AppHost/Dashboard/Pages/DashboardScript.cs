namespace Haven.Hosting.Dashboard.Pages;

/// <summary>
/// The one script of every page: reads the JSON API and builds the DOM with textContent only (never innerHTML),
/// so log lines and attributes can hold anything.
/// </summary>
internal static class DashboardScript
{
    public const string Js = """
        "use strict";

        function el(tag, props, ...children) {
          const node = document.createElement(tag);
          for (const [key, value] of Object.entries(props || {})) {
            if (value === undefined || value === null || value === false) continue;
            if (key === "text") node.textContent = value;
            else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
            else if (key === "dataset") Object.assign(node.dataset, value);
            else node.setAttribute(key === "className" ? "class" : key, value === true ? "" : value);
          }
          node.append(...children.flat().filter(c => c !== null && c !== undefined));
          return node;
        }

        function status(text, isError) {
          const node = document.getElementById("status");
          node.textContent = text || "";
          node.hidden = !text;
          node.className = isError ? "error" : "muted";
        }

        function show(...nodes) { document.getElementById("content").replaceChildren(...nodes); }

        async function api(path, init) {
          const response = await fetch(path, Object.assign({ credentials: "same-origin", headers: { accept: "application/json" } }, init));
          if (response.status === 401) {
            status("Your session has ended: open the dashboard URL the AppHost printed at start-up.", true);
            throw new Error("unauthorized");
          }
          if (!response.ok) throw new Error(`${response.status} ${(await response.text()).slice(0, 300)}`);
          return response.json();
        }

        // Refresh a page every few seconds, never two requests at once.
        function every(ms, load) {
          let busy = false;
          const tick = async () => {
            if (busy) return;
            busy = true;
            try { await load(); } catch (e) { if (e.message !== "unauthorized") status(`Could not load: ${e.message}`, true); } finally { busy = false; }
          };
          tick();
          setInterval(tick, ms);
        }

        const format = {
          time: iso => iso ? new Date(iso).toLocaleTimeString([], { hour12: false }) : "—",
          dateTime: iso => iso ? new Date(iso).toLocaleString([], { hour12: false }) : "—",
          started: iso => iso && new Date(iso).toDateString() === new Date().toDateString() ? format.time(iso) : format.dateTime(iso),
          ms: v => v === null || v === undefined ? "—" : v < 1 ? `${v.toFixed(2)} ms` : v < 1000 ? `${v.toFixed(1)} ms` : `${(v / 1000).toFixed(2)} s`,
          rate: v => v ? `${v.toFixed(v < 10 ? 2 : 0)}/s` : "0/s",
          count: v => Math.round(v || 0).toLocaleString(),
        };

        function serviceColor(name) {
          let hash = 0;
          for (const c of name) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
          return `hsl(${hash % 360} 55% 42%)`;
        }

        function serviceBadge(name) {
          const badge = el("span", { className: "service", text: name });
          badge.style.background = serviceColor(name);
          return badge;
        }

        function attributes(map) {
          return el("dl", { className: "attributes" }, Object.entries(map || {}).sort().flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: v })]));
        }

        function table(headers, rows) {
          return el("table", {},
            el("thead", {}, el("tr", {}, headers.map(h => el("th", { className: h.endsWith(" ") ? "num" : null, text: h.trim() })))),
            el("tbody", {}, rows));
        }

        function select(name, label, options, value) {
          return el("label", {}, label, el("select", { name },
            options.map(([v, text]) => el("option", { value: v, selected: v === value, text }))));
        }

        async function resourceNames() {
          const resources = await api("/api/resources");
          return resources.filter(r => r.type === "Project").map(r => r.name);
        }

        const pages = {
          resources() {
            let actionsRunning = new Set();
            const render = resources => {
              status(null);
              show(table(["Resource", "Instance", "Type", "State", "Health", "Started", "Source", "Endpoints", "Replicas ", "Actions", "Logs"],
                resources.flatMap(resource => resource.instances.map(instance => el("tr", { dataset: { resource: resource.name, instance: instance.name } },
                  el("td", { text: resource.name }),
                  el("td", { text: instance.name }),
                  el("td", { text: resource.type }),
                  el("td", { className: `state state-${instance.state}`, text: instance.state, title: instance.message }),
                  el("td", { text: instance.health || "—" }),
                  el("td", { text: format.started(instance.startedAt) }),
                  el("td", { text: resource.source }),
                  el("td", {}, instance.urls.map(url => el("div", {}, url.startsWith("http") ? el("a", { href: url, target: "_blank", rel: "noopener", text: url }) : url))),
                  el("td", { className: "num", text: String(resource.replicas) }),
                  el("td", { className: "actions" }, instance.actions.map(action => el("button", {
                    type: "button", text: action, disabled: actionsRunning.has(instance.name),
                    onclick: () => run(instance.name, action),
                  }))),
                  el("td", {}, el("a", { href: `/consolelogs/resource/${encodeURIComponent(instance.name)}`, text: "console" })))))));
            };
            const run = async (instance, action) => {
              actionsRunning.add(instance);
              status(`${action} ${instance}…`);
              try { await api(`/api/resources/${encodeURIComponent(instance)}/${action}`, { method: "POST" }); status(null); }
              catch (e) { if (e.message !== "unauthorized") status(`${action} ${instance} failed: ${e.message}`, true); }
              finally { actionsRunning.delete(instance); }
            };
            const events = new EventSource("/api/resources/stream");
            events.addEventListener("resources", e => render(JSON.parse(e.data)));
            events.onerror = () => status("Connection to the AppHost lost; retrying…", true);
          },

          async console() {
            const resources = await api("/api/resources");
            const instances = resources.flatMap(r => r.instances.map(i => i.name));
            const chosen = decodeURIComponent(location.pathname.split("/resource/")[1] || "") || instances[0];
            const output = el("div", { className: "console", id: "console" });
            const picker = select("instance", "Resource", instances.map(i => [i, i]), chosen);
            picker.querySelector("select").addEventListener("change", e => { location.href = `/consolelogs/resource/${encodeURIComponent(e.target.value)}`; });
            show(el("form", { className: "filters" }, picker), output);
            if (!chosen) { status("No resources yet."); return; }
            status(null);
            const events = new EventSource(`/api/console/${encodeURIComponent(chosen)}/stream`);
            events.addEventListener("line", e => {
              const line = JSON.parse(e.data);
              const atBottom = output.scrollTop + output.clientHeight >= output.scrollHeight - 4;
              output.append(el("div", { className: line.isError ? "stderr" : null }, el("time", { text: format.time(line.timestamp) }), line.text));
              if (atBottom) output.scrollTop = output.scrollHeight;
            });
            events.onerror = () => status("Connection to the AppHost lost; retrying…", true);
          },

          async logs() {
            const params = new URLSearchParams(location.search);
            const names = await resourceNames();
            const form = el("form", { className: "filters" },
              select("resource", "Resource", [["", "All"], ...names.map(n => [n, n])], params.get("resource") || ""),
              select("level", "Level", [["", "All"], ["Debug", "Debug+"], ["Information", "Information+"], ["Warning", "Warning+"], ["Error", "Error+"]], params.get("level") || ""),
              el("label", {}, "Text", el("input", { name: "text", value: params.get("text") || "" })),
              el("button", { type: "submit", text: "Filter" }));
            const results = el("div");
            show(form, results);
            every(3000, async () => {
              const query = new URLSearchParams([...new FormData(form)].filter(([, v]) => v));
              if (params.get("traceId")) query.set("traceId", params.get("traceId"));
              const page = await api(`/api/logs?${query}`);
              status(`${page.matched} matching entries${page.matched > page.entries.length ? `, newest ${page.entries.length} shown` : ""}`);
              results.replaceChildren(table(["Time", "Resource", "Level", "Category", "Message", "Trace"], page.entries.map(entry => el("tr", {},
                el("td", { text: format.time(entry.timestamp) }),
                el("td", { text: entry.instance }),
                el("td", { className: entry.severityNumber >= 17 ? "error" : null, text: entry.level }),
                el("td", { className: "category", text: entry.category }),
                el("td", {}, el("details", {}, el("summary", { text: entry.message }), attributes(entry.attributes))),
                el("td", {}, entry.traceId ? el("a", { href: `/traces/detail/${entry.traceId}`, text: entry.traceId.slice(0, 8) }) : "")))));
            });
          },

          async traces() {
            const params = new URLSearchParams(location.search);
            const names = await resourceNames();
            const form = el("form", { className: "filters" },
              select("resource", "Resource", [["", "All"], ...names.map(n => [n, n])], params.get("resource") || ""),
              el("label", {}, "Probes and polls", el("input", { type: "checkbox", name: "background", value: "true", checked: params.get("background") === "true" })),
              el("button", { type: "submit", text: "Filter" }));
            const results = el("div");
            show(form, results);
            every(3000, async () => {
              const query = new URLSearchParams([...new FormData(form)].filter(([, v]) => v));
              const traces = await api(`/api/traces?${query}`);
              status(traces.length ? null : "No traces yet.");
              results.replaceChildren(table(["Time", "Name", "Services", "Spans ", "Duration ", "Status"], traces.map(trace => el("tr", { dataset: { traceId: trace.traceId } },
                el("td", { text: format.time(trace.start) }),
                el("td", {}, el("a", { href: `/traces/detail/${trace.traceId}`, text: trace.name })),
                el("td", {}, trace.services.map(serviceBadge)),
                el("td", { className: "num", text: String(trace.spanCount) }),
                el("td", { className: "num", text: format.ms(trace.durationMs) }),
                el("td", { className: trace.hasError ? "error" : null, text: trace.hasError ? "Error" : "OK" })))));
            });
          },

          async trace() {
            const traceId = location.pathname.split("/").pop();
            const trace = await api(`/api/traces/${encodeURIComponent(traceId)}`);
            document.title = `${trace.name} · Haven`;
            status(null);
            const total = Math.max(trace.durationMs, 0.001);
            const rows = trace.spans.map(span => {
              const bar = el("div", { className: `bar${span.status === "Error" ? " error" : ""}` });
              bar.style.left = `${(span.offsetMs / total) * 100}%`;
              bar.style.width = `${(span.durationMs / total) * 100}%`;
              bar.style.background = serviceColor(span.service);
              const duration = el("span", { className: "duration", text: format.ms(span.durationMs) });
              // Beside the bar, on whichever side has room.
              const end = ((span.offsetMs + span.durationMs) / total) * 100;
              if (end > 75) duration.style.right = `calc(${100 - (span.offsetMs / total) * 100}% + 4px)`;
              else duration.style.left = `calc(${end}% + 4px)`;
              const details = el("div", { className: "details", hidden: true },
                el("p", { className: "muted", text: `${span.kind} span · ${span.instance} · ${span.scope} · ${span.status}${span.statusMessage ? `: ${span.statusMessage}` : ""}` }),
                attributes(span.attributes),
                span.events.map(event => el("p", {}, `${event.name} at +${format.ms((new Date(event.timestamp) - new Date(trace.start)))}`)));
              const label = el("div", { className: "label", title: span.name }, serviceBadge(span.service), span.name);
              label.style.paddingLeft = `${0.5 + span.depth * 1.1}rem`;
              label.addEventListener("click", () => { details.hidden = !details.hidden; });
              return el("div", { className: "span", dataset: { spanId: span.spanId, service: span.service } }, label, el("div", { className: "track" }, bar, duration), details);
            });
            show(
              el("p", {}, el("strong", { text: trace.name })),
              el("p", { className: "muted", text: `${format.dateTime(trace.start)} · ${format.ms(trace.durationMs)} · ${trace.spans.length} spans · ${trace.services.join(" → ")}` }),
              el("p", {}, el("a", { href: `/structuredlogs?traceId=${trace.traceId}`, text: "Logs of this trace" })),
              el("div", { className: "waterfall" }, rows));
          },

          metrics() {
            const instruments = el("div");
            let chosen = "";
            const showInstruments = async resource => {
              chosen = resource;
              const list = await api(`/api/metrics/${encodeURIComponent(resource)}`);
              instruments.replaceChildren(el("h2", { text: `Instruments of ${resource}` }),
                table(["Meter", "Instrument", "Kind", "Unit", "Series ", "Latest total "], list.map(i => el("tr", {},
                  el("td", { text: i.scope }), el("td", { text: i.name, title: i.description }), el("td", { text: i.kind }),
                  el("td", { text: i.unit }), el("td", { className: "num", text: String(i.series) }),
                  el("td", { className: "num", text: i.latest.toLocaleString(undefined, { maximumFractionDigits: 3 }) })))));
            };
            const summary = el("div");
            show(summary, instruments);
            every(5000, async () => {
              const overview = await api("/api/metrics");
              status(overview.resources.length ? `Rates and latency over the last ${overview.windowSeconds} s; totals since each instance started.` : "No metrics yet.");
              summary.replaceChildren(
                table(["Resource", "Instances", "Requests/s ", "Requests ", "5xx/s ", "5xx ", "Mean latency ", "p95 latency ", "Consumed/s ", "Consumed ", "Consume errors "],
                  overview.resources.map(r => el("tr", { dataset: { resource: r.resource } },
                    el("td", {}, el("a", { href: "#", text: r.resource, onclick: e => { e.preventDefault(); showInstruments(r.resource); } })),
                    el("td", { text: r.instances.join(", ") }),
                    el("td", { className: "num", text: format.rate(r.requestsPerSecond) }),
                    el("td", { className: "num", text: format.count(r.requestsTotal) }),
                    el("td", { className: "num", text: format.rate(r.serverErrorsPerSecond) }),
                    el("td", { className: "num", text: format.count(r.serverErrorsTotal) }),
                    el("td", { className: "num", text: format.ms(r.meanLatencyMs) }),
                    el("td", { className: "num", text: format.ms(r.p95LatencyMs) }),
                    el("td", { className: "num", text: format.rate(r.messagesConsumedPerSecond) }),
                    el("td", { className: "num", text: format.count(r.messagesConsumedTotal) }),
                    el("td", { className: "num", text: format.count(r.consumeErrorsTotal) })))),
                el("h2", { text: "Queues (RabbitMQ)" }),
                overview.queuesError ? el("p", { className: "error", text: overview.queuesError }) :
                  table(["Queue", "Messages ", "Ready ", "Unacked ", "Consumers ", "Publish/s ", "Deliver/s "], overview.queues.map(q => el("tr", { dataset: { queue: q.name } },
                    el("td", { text: q.name }), el("td", { className: "num", text: String(q.messages) }), el("td", { className: "num", text: String(q.ready) }),
                    el("td", { className: "num", text: String(q.unacknowledged) }), el("td", { className: "num", text: String(q.consumers) }),
                    el("td", { className: "num", text: format.rate(q.publishRate) }), el("td", { className: "num", text: format.rate(q.deliverRate) })))));
              if (chosen) await showInstruments(chosen);
            });
          },
        };

        (async () => {
          try { await pages[document.body.dataset.page]?.(); }
          catch (e) { if (e.message !== "unauthorized") status(`Could not load: ${e.message}`, true); }
        })();
        """;
}
