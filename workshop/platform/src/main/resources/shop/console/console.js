// The shop console: place orders, watch one basket cross every flow, live charts, faults, stop and start.
// Plain DOM, no build step; the only library is uPlot (charts), served by the shop from its webjar.
// Live updates come as server-sent events (/console/stream): the charts every second, the order list and the chosen
// order's journey as they change. Faults, services, processes and the ledger are read every few seconds.
'use strict';

(() => {
  const FLOW_STYLE = {
    direct: { color: '#4b5563', dash: [], sample: '' },
    choreography: { color: '#1d4ed8', dash: [8, 4], sample: '8 4' },
    orchestration: { color: '#b45309', dash: [2, 3], sample: '2 3' },
  };
  const EXTRA_COLORS = ['#047857', '#7c3aed', '#be123c', '#0e7490', '#a16207', '#374151'];
  const EXTRA_DASHES = [[], [8, 4], [2, 3], [12, 3, 2, 3]];
  const FIRST_LANE = { direct: 'direct flow', choreography: 'order service', orchestration: 'workflow' };
  const SERVICES = ['payment', 'inventory', 'shipping'];
  const COMPENSATIONS = new Set(['refund', 'release', 'cancel']);
  const SYMBOL = { COMPLETED: '✓', REJECTED: '✗', PENDING: '…' };
  const MAX_ORDERS = 2000;
  const SPLIT_ONE = 'start the shop with --skip-service payment, then run '
    + './shop run --impl choreography --service payment in another terminal';

  const state = {
    setup: null,
    selected: decodeURIComponent((location.hash.match(/^#order=(.+)$/) || [])[1] || '') || null,
    stream: null,
    known: new Map(), // id -> order, oldest first, at most MAX_ORDERS
    rows: new Map(), // basket (or id) -> its row in the list
    faults: null,
    faultsDirty: false,
    openTrails: new Set(),
    charts: new Map(),
    online: null,
  };

  // ---------- small helpers ----------

  /** Builds an element; text children are text nodes, so nothing from the server is ever parsed as HTML. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  const $ = (id) => document.getElementById(id);

  class ApiProblem extends Error {
    constructor(status, message, field) {
      super(message);
      this.status = status;
      this.field = field;
    }
  }

  /** Every request that changes state sends JSON, as the shop's cross-site guard requires. */
  async function api(method, path, body) {
    const init = { method, headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (unreachable) {
      setOnline(false);
      throw new ApiProblem(0, 'the shop is not answering', null);
    }
    setOnline(true);
    const text = await response.text();
    let json = null;
    try { json = JSON.parse(text); } catch (notJson) { /* an error page from elsewhere */ }
    if (!response.ok) {
      throw new ApiProblem(response.status, (json && json.error) || `HTTP ${response.status}`, json && json.field);
    }
    return json;
  }

  function setOnline(online) {
    if (state.online === online) return;
    state.online = online;
    const line = $('connection');
    line.textContent = online ? 'Live' : 'The shop is not answering; retrying…';
    line.classList.toggle('down', !online);
  }

  /** Runs task now and then every ms (while the tab is visible); the task may return its own next delay. */
  function every(ms, task) {
    const run = async () => {
      let next = ms;
      if (!document.hidden) {
        try {
          const wanted = await task();
          if (typeof wanted === 'number') next = wanted;
        } catch (problem) {
          if (!(problem instanceof ApiProblem)) console.error(problem);
        }
      }
      setTimeout(run, next);
    };
    run();
  }

  function ms(millis) {
    if (millis === null || millis === undefined || Number.isNaN(millis)) return '–';
    if (millis === 0) return '0 ms';
    if (millis < 1) return '<1 ms';
    if (millis < 1000) return `${Math.round(millis)} ms`;
    return `${(millis / 1000).toFixed(2)} s`;
  }

  const time = (iso) => (iso ? Date.parse(iso) + fraction(iso) : null);
  /** Date.parse keeps milliseconds only; the shop's instants may carry microseconds. */
  function fraction(iso) {
    const digits = (iso.match(/\.(\d+)/) || [])[1] || '';
    return digits.length > 3 ? Number(`0.${digits.slice(3)}`) : 0;
  }

  function flowStyle(name, index) {
    return FLOW_STYLE[name] || {
      color: EXTRA_COLORS[index % EXTRA_COLORS.length],
      dash: EXTRA_DASHES[index % EXTRA_DASHES.length],
      sample: EXTRA_DASHES[index % EXTRA_DASHES.length].join(' '),
    };
  }

  function statusBadge(status, reason) {
    return el('span', { class: `status ${status}` },
      `${SYMBOL[status] || ''} ${status}${reason ? `: ${reason}` : ''}`);
  }

  // ---------- placing orders ----------

  function addLine(sku, quantity) {
    const lines = $('lines');
    if (lines.children.length >= state.setup.maxLines) return;
    const n = lines.children.length + 1;
    const select = el('select', { id: `sku-${n}`, name: 'sku' },
      state.setup.skus.map((item) => el('option', { value: item.sku, selected: item.sku === sku },
        `${item.sku} (${(item.priceCents / 100).toFixed(2)})`)));
    const qty = el('input', {
      id: `qty-${n}`, name: 'quantity', type: 'number', min: 1, max: state.setup.maxQuantity, step: 1,
      value: quantity || 1, required: true,
    });
    const row = el('li', {},
      el('span', {}, `Line ${n}`),
      el('label', { for: `sku-${n}`, class: 'sr-only' }, `Line ${n}: SKU`), select,
      el('label', { for: `qty-${n}` }, '×'), qty,
      el('button', {
        type: 'button', 'aria-label': `Remove line ${n}`,
        onclick: () => { if (lines.children.length > 1) row.remove(); },
      }, 'Remove'));
    lines.append(row);
  }

  function readBasket() {
    const customer = $('customer').value.trim();
    const lines = [...$('lines').children].map((row) => ({
      sku: row.querySelector('select').value,
      quantity: Number(row.querySelector('input').value),
    }));
    const bad = lines.findIndex((line) => !Number.isInteger(line.quantity) || line.quantity < 1
      || line.quantity > state.setup.maxQuantity);
    if (!customer) return { problem: 'Customer: enter a name.', focus: $('customer') };
    if (bad >= 0) {
      return {
        problem: `Line ${bad + 1}: the quantity must be a whole number from 1 to ${state.setup.maxQuantity}.`,
        focus: $('lines').children[bad].querySelector('input'),
      };
    }
    return { customer, lines };
  }

  /** An id that is easy to read aloud; every order of the basket is BASKET.FLOW. */
  function newBasketId() {
    const stamp = Date.now().toString(36).slice(-4);
    const random = Math.random().toString(36).slice(2, 5).padEnd(3, '0');
    return `b-${stamp}${random}`;
  }

  async function place(flows) {
    const basket = readBasket();
    const result = $('place-result');
    result.classList.remove('error');
    if (basket.problem) {
      result.textContent = basket.problem;
      result.classList.add('error');
      basket.focus.focus();
      return;
    }
    const id = newBasketId();
    const sep = state.setup.basketSeparator;
    const outcomes = await Promise.all(flows.map((flow) =>
      api('POST', '/orders', { id: `${id}${sep}${flow}`, impl: flow, customer: basket.customer, lines: basket.lines })
        .then((placed) => ({ flow, placed }), (problem) => ({ flow, problem }))));
    const failed = outcomes.filter((outcome) => outcome.problem);
    result.textContent = failed.length === 0
      ? `Placed basket ${id} in ${flows.join(', ')}.`
      : `Basket ${id}: ${outcomes.map((o) => (o.problem ? `${o.flow} failed (${o.problem.message})` : `${o.flow} placed`)).join('; ')}.`;
    result.classList.toggle('error', failed.length > 0);
    const first = outcomes.find((outcome) => outcome.placed);
    if (first) select(first.placed.id);
  }

  // ---------- the order list ----------

  function basketOf(id) {
    const sep = state.setup.basketSeparator;
    const at = id.lastIndexOf(sep);
    return at > 0 && state.setup.flows.includes(id.slice(at + sep.length)) ? id.slice(0, at) : null;
  }

  /**
   * The shop lists its 50 most recent orders; the page keeps every order it saw, up to MAX_ORDERS, one row per
   * basket. Only what changed is touched: new baskets go on top, the oldest fall off the bottom, so the list stays
   * quick with thousands of rows. An order no longer among the shop's recent ones keeps its last status seen.
   */
  function drawOrders(orders) {
    const touched = new Set();
    for (const order of [...orders].reverse()) {
      const before = state.known.get(order.id);
      if (before && before.status === order.status && before.reason === order.reason) continue;
      if (!before) state.known.set(order.id, order); else Object.assign(before, order);
      touched.add(basketOf(order.id) || order.id);
    }
    const dropped = new Set();
    for (const id of state.known.keys()) {
      if (state.known.size <= MAX_ORDERS) break;
      state.known.delete(id);
      dropped.add(basketOf(id) || id);
    }
    const list = $('order-list');
    const empty = list.querySelector('.empty');
    if (empty && state.known.size) empty.remove();
    for (const key of dropped) {
      if (membersOf(key).length) {
        touched.add(key);
      } else if (state.rows.has(key)) {
        state.rows.get(key).remove();
        state.rows.delete(key);
      }
    }
    for (const key of touched) {
      let row = state.rows.get(key);
      if (!row) {
        row = el('li', {}, el('button', { type: 'button', 'data-key': key, onclick: () => select(row.firstChild.dataset.first) }));
        state.rows.set(key, row);
        list.prepend(row);
      }
      drawRow(row.firstChild, key);
    }
    if (!state.known.size && !empty) list.append(el('li', { class: 'empty' }, 'No orders yet.'));
    $('orders-count').textContent = state.known.size > 50 ? `${state.known.size} orders seen` : '';
  }

  function drawRow(button, key) {
    const members = membersOf(key);
    button.dataset.first = members.length ? members[0].id : key;
    button.replaceChildren(el('span', { class: 'id' }, key), ' ',
      ...members.map((m) => el('span', { class: 'member' }, `${SYMBOL[m.status]} ${m.impl} ${m.status.toLowerCase()}`)));
    markSelected(button, key);
  }

  /** The orders of a basket in the shop's flow order, or the one order of that id. */
  function membersOf(key) {
    const sep = state.setup.basketSeparator;
    const members = state.setup.flows.map((flow) => state.known.get(`${key}${sep}${flow}`)).filter(Boolean);
    return members.length || !state.known.has(key) ? members : [state.known.get(key)];
  }

  function markSelected(button, key) {
    const selected = state.selected && (state.selected === key || basketOf(state.selected) === key);
    if (selected) button.setAttribute('aria-current', 'true'); else button.removeAttribute('aria-current');
  }

  function flowOrder(names) {
    const rank = (name) => (state.setup.flows.includes(name) ? state.setup.flows.indexOf(name) : 99);
    return [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  }

  function select(id) {
    state.selected = id;
    history.replaceState(null, '', `#order=${encodeURIComponent(id)}`);
    for (const [key, row] of state.rows) markSelected(row.firstChild, key);
    openStream();
  }

  // ---------- the live stream ----------

  /** One stream per page; picking another order opens a new one. EventSource reconnects by itself. */
  function openStream() {
    if (state.stream) state.stream.close();
    const stream = new EventSource(`/console/stream${state.selected ? `?order=${encodeURIComponent(state.selected)}` : ''}`);
    state.stream = stream;
    const on = (event, draw) => stream.addEventListener(event, (message) => {
      try { draw(JSON.parse(message.data)); } catch (problem) { console.error(problem); }
    });
    on('meters', drawCharts);
    on('orders', drawOrders);
    on('journey', showJourney);
    stream.addEventListener('open', () => setOnline(true));
    stream.addEventListener('error', () => { if (stream.readyState !== EventSource.OPEN) setOnline(false); });
  }

  // ---------- the journey ----------

  function showJourney(journey) {
    if (journey.missing || journey.error) {
      $('journey-flows').replaceChildren(el('p', {}, journey.missing
        ? `No order "${journey.id}" in this shop (it keeps orders in memory until it stops).` : journey.error));
      return;
    }
    drawJourney(journey);
  }

  function drawJourney(journey) {
    $('journey-title').textContent = journey.basket ? `of basket ${journey.basket}` : `of order ${journey.id}`;
    const flows = journey.orders.map((entry) => drawFlow(entry));
    $('journey-flows').replaceChildren(...flows);
  }

  function laneOf(service, lanes) {
    if (service === 'order') return 0;
    let index = lanes.indexOf(service);
    if (index < 0) {
      lanes.push(service);
      index = lanes.length - 1;
    }
    return index;
  }

  function drawFlow(entry) {
    const order = entry.order;
    const placedAt = time(order.placedAt);
    const lanes = ['order', ...SERVICES];
    const rows = [{ lane: 0, at: 0, kind: 'placed' }];
    const attempts = new Map();
    const steps = [...order.timeline].sort((a, b) => time(a.startedAt) - time(b.startedAt));
    for (const step of steps) {
      const key = `${step.service}/${step.step}`;
      attempts.set(key, (attempts.get(key) || 0) + 1);
      rows.push({
        lane: laneOf(step.service, lanes), at: time(step.startedAt) - placedAt, kind: 'step', step,
        took: time(step.finishedAt) - time(step.startedAt), attempt: attempts.get(key),
      });
    }
    rows.push({
      lane: 0, kind: 'final',
      at: order.finishedAt ? time(order.finishedAt) - placedAt : null,
    });

    const headers = lanes.map((lane, i) => el('th', { scope: 'col' }, i === 0 ? (FIRST_LANE[order.impl] || 'order') : lane));
    const body = rows.map((row, r) => {
      const previous = r === 0 ? row.lane : rows[r - 1].lane;
      const back = row.lane < previous && row.kind === 'step' && COMPENSATIONS.has(row.step.step);
      const cells = lanes.map((_, lane) => {
        const td = el('td', { class: passing(lane, previous, row.lane, back) });
        if (lane === row.lane) td.append(cell(row, order, previous));
        return td;
      });
      return el('tr', {}, el('th', { scope: 'row' }, row.at === null ? 'now' : `+${ms(row.at)}`), cells);
    });

    const took = order.finishedAt ? time(order.finishedAt) - placedAt : Date.now() - placedAt;
    const article = el('article', { class: 'flow', 'aria-labelledby': `flow-${order.impl}`, 'data-impl': order.impl, 'data-status': order.status },
      el('header', {}, el('h3', { id: `flow-${order.impl}` }, order.impl), statusBadge(order.status, order.reason)),
      el('p', { class: 'meta' }, el('span', { class: 'id' }, order.id), ` · ${order.finishedAt ? 'took' : 'running for'} ${ms(took)}`,
        ` · ${(order.totalCents / 100).toFixed(2)}`, order.compensated ? ' · compensated' : ''),
      el('table', { class: 'lanes' },
        el('caption', { class: 'sr-only' }, `Steps of order ${order.id} in the ${order.impl} flow, by service, in time order`),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col', class: 'at' }, 'at'), headers)),
        el('tbody', {}, body)));
    trails(entry, article);
    return article;
  }

  /**
   * The line a step's message draws from the previous step's lane to its own: from the middle of the lane it leaves,
   * through the lanes between, to the middle of the lane it reaches (under the step's box). Dashed when going back.
   */
  function passing(lane, from, to, back) {
    if (from === to || lane < Math.min(from, to) || lane > Math.max(from, to)) return null;
    const style = `pass${back ? ' back' : ''}`;
    const rightwards = to > from;
    if (lane === from) return `${style} ${rightwards ? 'right-half' : 'left-half'}`;
    if (lane === to) return `${style} ${rightwards ? 'left-half' : 'right-half'}`;
    return style;
  }

  function cell(row, order, previousLane) {
    if (row.kind === 'placed') {
      return el('span', { class: 'step' }, el('span', { class: 'name' }, 'placed'));
    }
    if (row.kind === 'final') {
      const text = order.status === 'PENDING'
        ? `${SYMBOL.PENDING} ${order.currentStep ? `at ${order.currentStep}` : 'waiting'}`
        : `${SYMBOL[order.status]} ${order.status === 'COMPLETED' ? 'done' : 'rejected'}`;
      return el('span', { class: `step final ${order.status}`, title: order.reason || order.status },
        el('span', { class: 'name' }, text));
    }
    const step = row.step;
    const ok = step.outcome === 'ok';
    const compensation = COMPENSATIONS.has(step.step);
    const arrow = compensation ? '↩ ' : row.lane > previousLane ? '→ ' : row.lane < previousLane ? '← ' : '';
    const summary = `${step.service} ${step.step}${compensation ? ' (compensation)' : ''}`
      + `${row.attempt > 1 ? `, attempt ${row.attempt}` : ''}: ${step.outcome}, started +${ms(row.at)}, took ${ms(row.took)}`;
    return el('span', {
      class: `step ${ok ? 'ok' : 'failed'}${compensation ? ' compensation' : ''}`, title: summary,
      'data-step': step.step, 'data-outcome': step.outcome,
    },
    el('span', { class: 'name' }, `${arrow}${step.step}`, row.attempt > 1 ? ` #${row.attempt}` : ''),
    el('span', {}, ok ? `✓ ${ms(row.took)}` : `✗ ${step.outcome}`),
    ok ? null : el('span', { class: 'took' }, ms(row.took)),
    compensation ? el('span', { class: 'sr-only' }, ' (compensation)') : null);
  }

  /** The flow's Kafka records or workflow history, where it offers them. */
  function trails(entry, article) {
    const impl = entry.order.impl;
    if (entry.records) {
      article.append(trail(impl, 'records', `Kafka records (${entry.records.length})`,
        ['type', 'partition', 'offset', 'headers'],
        entry.records.map((r) => [r.type, r.partition, r.offset,
          el('code', {}, Object.entries(r.headers).map(([k, v]) => `${k}: ${v}`).join('\n'))])));
    } else if (impl === 'choreography') {
      article.append(el('p', { class: 'note' }, 'Kafka records: this flow does not list them yet (shop.flow.OrderRecords).'));
    }
    if (entry.history) {
      const start = entry.history.length ? time(entry.history[0].time) : 0;
      article.append(trail(impl, 'history', `Workflow history (${entry.history.length} events)`,
        ['#', 'event', 'detail', 'at'],
        entry.history.map((e) => [e.eventId, breakable(e.type), e.detail, `+${ms(time(e.time) - start)}`])));
    } else if (impl === 'orchestration') {
      article.append(el('p', { class: 'note' }, 'Workflow history: this flow does not list it yet (shop.flow.OrderHistory).'));
    }
  }

  /** WORKFLOW_TASK_STARTED may wrap after each underscore in a narrow column; the text stays the same. */
  function breakable(name) {
    return el('span', {}, name.split('_').flatMap((part, i) => (i === 0 ? [part] : ['_', el('wbr'), part])));
  }

  function trail(impl, kind, title, columns, rows) {
    const key = `${impl}/${kind}`;
    const details = el('details', {
      class: 'trail', open: state.openTrails.has(key),
      ontoggle: () => (details.open ? state.openTrails.add(key) : state.openTrails.delete(key)),
    }, el('summary', {}, title),
    el('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': title },
      el('table', { class: kind }, el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col' }, c)))),
        el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c))))))));
    return details;
  }

  // ---------- charts ----------

  function format(value, unit) {
    if (value === null || value === undefined) return '–';
    if (value === 0) return unit === '/s' ? '0/s' : '0';
    if (unit === 's') return ms(value * 1000);
    if (unit === '/s') return `${value < 10 ? value.toFixed(2) : value.toFixed(1)}/s`;
    return String(Math.round(value));
  }

  function buildCharts() {
    const grid = $('chart-grid');
    $('charts-hint').textContent = `From the shop's own meters, no Prometheus needed: rates and quantiles over the `
      + `last ${state.setup.windowSeconds} s (Grafana uses $__rate_interval). Beside each chart, the PromQL of the `
      + 'Grafana panel that shows the same.';
    for (const chart of state.setup.charts) {
      const plot = el('div', { class: 'plot', role: 'img', 'aria-label': `${chart.title}: no data yet` });
      const legend = el('ul', { class: 'legend' }, el('li', { class: 'no-data' }, 'No data yet.'));
      const figure = el('figure', { class: 'chart', 'data-chart': chart.id },
        el('figcaption', {}, el('h3', {}, chart.title)),
        plot, legend,
        el('pre', { class: 'promql', 'aria-label': 'PromQL' }, el('code', {}, chart.promql)),
        el('p', { class: 'panel-name' }, chart.dashboard
          ? `Grafana: ${chart.dashboard.replace('.json', '')} dashboard › ${chart.panel}`
          : 'No Grafana panel shows this meter yet: the query is the console\'s own.'));
      grid.append(figure);
      state.charts.set(chart.id, { chart, plot, legend, figure, uplot: null, names: '' });
    }
    window.addEventListener('resize', () => {
      for (const entry of state.charts.values()) {
        if (entry.uplot) entry.uplot.setSize({ width: entry.plot.clientWidth, height: 140 });
      }
    });
  }

  function drawCharts(snapshot) {
    for (const entry of state.charts.values()) {
      const series = snapshot.series[entry.chart.id] || {};
      const names = flowOrder(Object.keys(series));
      if (names.length === 0) continue;
      if (names.join('|') !== entry.names) {
        if (entry.uplot) entry.uplot.destroy();
        entry.names = names.join('|');
        entry.uplot = new uPlot(chartOptions(entry, names), [[]], entry.plot);
      }
      entry.uplot.setData([snapshot.at, ...names.map((name) => series[name])]);
      const latest = names.map((name, i) => {
        const values = series[name];
        let value = null;
        for (let k = values.length - 1; k >= 0 && value === null; k--) value = values[k];
        return { name, value, style: flowStyle(name, i) };
      });
      entry.legend.replaceChildren(...latest.map((s) => el('li', {},
        swatch(s.style), `${s.name} `, el('span', { class: 'value', 'data-series': s.name }, format(s.value, entry.chart.unit)))));
      entry.plot.setAttribute('aria-label', `${entry.chart.title}, latest: `
        + latest.map((s) => `${s.name} ${format(s.value, entry.chart.unit)}`).join(', '));
    }
  }

  /** A tick of the time axis: minutes and seconds, the hour when it changes is not news on a 2-minute chart. */
  function clock(seconds) {
    const at = new Date(seconds * 1000);
    return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}:${String(at.getSeconds()).padStart(2, '0')}`;
  }

  function swatch(style) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('width', '28');
    svg.setAttribute('height', '8');
    svg.setAttribute('aria-hidden', 'true');
    const line = document.createElementNS(ns, 'line');
    for (const [k, v] of Object.entries({ x1: 0, y1: 4, x2: 28, y2: 4, stroke: style.color, 'stroke-width': 3 })) line.setAttribute(k, v);
    if (style.sample) line.setAttribute('stroke-dasharray', style.sample);
    svg.append(line);
    return svg;
  }

  function chartOptions(entry, names) {
    const unit = entry.chart.unit;
    const axis = { stroke: '#374151', grid: { stroke: '#e5e7eb', width: 1 }, ticks: { stroke: '#9ca3af', width: 1 }, font: '12px system-ui, sans-serif' };
    return {
      width: Math.max(200, entry.plot.clientWidth),
      height: 140,
      legend: { show: false },
      cursor: { show: false },
      scales: {
        x: { time: true },
        y: { range: (u, min, max) => [0, max > 0 ? max * 1.15 : 1] },
      },
      axes: [
        { ...axis, space: 70, values: (u, ticks) => ticks.map((t) => clock(t)) },
        { ...axis, size: 66, values: (u, ticks) => ticks.map((t) => format(t, unit)), incrs: unit === '' ? [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000] : undefined },
      ],
      series: [{}, ...names.map((name, i) => {
        const style = flowStyle(name, i);
        return { label: name, stroke: style.color, dash: style.dash, width: 2, points: { show: false } };
      })],
    };
  }

  // ---------- faults ----------

  const SCENARIOS = [
    {
      id: 'slow-payment', label: 'Slow payment (+1 s)',
      on: (f) => f.services.PAYMENT.latencyMs >= 1000,
      set: (f, on) => { f.services.PAYMENT.latencyMs = on ? 1000 : 0; },
    },
    {
      id: 'lamp-out', label: 'LAMP-1 out of stock',
      on: (f) => f.outOfStock.includes('LAMP-1'),
      set: (f, on) => { f.outOfStock = on ? [...new Set([...f.outOfStock, 'LAMP-1'])] : f.outOfStock.filter((s) => s !== 'LAMP-1'); },
    },
    {
      id: 'carrier-outage', label: 'Carrier outage',
      on: (f) => f.carrierUnavailableRate >= 1,
      set: (f, on) => { f.carrierUnavailableRate = on ? 1 : 0; },
    },
    {
      id: 'declines', label: '10% declines',
      on: (f) => Math.abs(f.declineRate - 0.1) < 1e-9,
      set: (f, on) => { f.declineRate = on ? 0.1 : 0; },
    },
  ];

  function buildFaults() {
    const buttons = $('scenario-buttons');
    for (const scenario of SCENARIOS) {
      buttons.append(el('button', {
        type: 'button', 'aria-pressed': 'false', 'data-scenario': scenario.id,
        onclick: () => toggleScenario(scenario),
      }, scenario.label));
    }
    $('reset-faults').addEventListener('click', () => putFaults({}, $('faults-summary')));

    const form = $('faults-form');
    const rate = (id, label) => el('span', {}, el('label', { for: id }, label), ' ',
      el('input', { id, type: 'number', min: 0, max: 1, step: 0.05, value: 0 }));
    form.append(
      el('div', { class: 'row' }, rate('f-declineRate', 'Card declines (0 to 1)'),
        rate('f-carrierUnavailableRate', 'No carrier (0 to 1)')),
      el('fieldset', {}, el('legend', {}, 'Out of stock'), el('div', { class: 'skus' },
        state.setup.skus.map((item) => el('span', {},
          el('input', { type: 'checkbox', id: `f-oos-${item.sku}`, 'data-sku': item.sku }), ' ',
          el('label', { for: `f-oos-${item.sku}` }, item.sku))))),
      el('table', {},
        el('caption', { class: 'sr-only' }, 'Faults per service'),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Service'), el('th', { scope: 'col' }, 'Down'),
          el('th', { scope: 'col' }, 'Added latency (ms)'), el('th', { scope: 'col' }, 'Transient errors (0 to 1)'))),
        el('tbody', {}, ['PAYMENT', 'INVENTORY', 'SHIPPING'].map((s) => el('tr', {},
          el('th', { scope: 'row' }, s.toLowerCase()),
          el('td', {}, el('input', { type: 'checkbox', id: `f-${s}-down`, 'aria-label': `${s.toLowerCase()} down` })),
          el('td', {}, el('input', { type: 'number', id: `f-${s}-latencyMs`, min: 0, max: 60000, step: 100, value: 0, 'aria-label': `${s.toLowerCase()} added latency in milliseconds` })),
          el('td', {}, el('input', { type: 'number', id: `f-${s}-transientErrorRate`, min: 0, max: 1, step: 0.05, value: 0, 'aria-label': `${s.toLowerCase()} transient error rate from 0 to 1` })))))),
      el('div', { class: 'actions' },
        el('button', { type: 'submit', class: 'primary' }, 'Apply these switches'),
        el('button', { type: 'button', class: 'reset', onclick: () => putFaults({}, $('faults-result')) }, 'Reset: no faults')));
    form.addEventListener('input', () => { state.faultsDirty = true; });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const settings = readFaultsForm();
      if (settings) putFaults(settings, $('faults-result'));
    });
  }

  function readFaultsForm() {
    const number = (id) => {
      const input = $(id);
      const value = input.value.trim() === '' ? 0 : Number(input.value);
      input.removeAttribute('aria-invalid');
      if (Number.isNaN(value)) {
        input.setAttribute('aria-invalid', 'true');
        throw new ApiProblem(400, `${input.labels[0] ? input.labels[0].textContent : input.getAttribute('aria-label')}: must be a number`, null);
      }
      return value;
    };
    try {
      const services = {};
      for (const s of ['PAYMENT', 'INVENTORY', 'SHIPPING']) {
        services[s] = {
          down: $(`f-${s}-down`).checked,
          latencyMs: number(`f-${s}-latencyMs`),
          transientErrorRate: number(`f-${s}-transientErrorRate`),
        };
      }
      return {
        declineRate: number('f-declineRate'),
        carrierUnavailableRate: number('f-carrierUnavailableRate'),
        outOfStock: [...document.querySelectorAll('#faults-form [data-sku]')].filter((c) => c.checked).map((c) => c.dataset.sku),
        services,
      };
    } catch (problem) {
      showResult($('faults-result'), problem.message, true);
      return null;
    }
  }

  function showResult(node, text, error) {
    node.textContent = text;
    node.classList.toggle('error', !!error);
  }

  async function toggleScenario(scenario) {
    try {
      const settings = await api('GET', '/faults');
      scenario.set(settings, !scenario.on(settings));
      await putFaults(settings, $('faults-summary'));
    } catch (problem) {
      showResult($('faults-summary'), problem.message, true);
    }
  }

  async function putFaults(settings, resultNode) {
    document.querySelectorAll('#faults-form [aria-invalid]').forEach((n) => n.removeAttribute('aria-invalid'));
    try {
      const applied = await api('PUT', '/faults', settings);
      state.faultsDirty = false;
      showFaults(applied, true);
      showResult(resultNode, `Applied. ${describeFaults(applied)}`, false);
    } catch (problem) {
      showResult(resultNode, problem.message, true);
      const input = problem.field && $(`f-${problem.field.replace(/^services\./, '').replace(/\./g, '-')}`);
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        input.focus();
      }
    }
  }

  function describeFaults(f) {
    const on = [];
    if (f.declineRate > 0) on.push(`card declines ${Math.round(f.declineRate * 100)}%`);
    if (f.carrierUnavailableRate > 0) on.push(`no carrier ${Math.round(f.carrierUnavailableRate * 100)}%`);
    if (f.outOfStock.length) on.push(`out of stock: ${f.outOfStock.join(', ')}`);
    for (const [service, s] of Object.entries(f.services)) {
      if (s.down) on.push(`${service.toLowerCase()} down`);
      if (s.latencyMs > 0) on.push(`${service.toLowerCase()} +${s.latencyMs} ms`);
      if (s.transientErrorRate > 0) on.push(`${service.toLowerCase()} transient errors ${Math.round(s.transientErrorRate * 100)}%`);
    }
    return on.length ? `Faults on: ${on.join(' · ')}.` : 'No faults.';
  }

  function showFaults(f, force) {
    const json = JSON.stringify(f);
    if (!force && json === state.faults) return;
    state.faults = json;
    $('faults-summary').textContent = describeFaults(f);
    for (const scenario of SCENARIOS) {
      document.querySelector(`[data-scenario="${scenario.id}"]`).setAttribute('aria-pressed', String(scenario.on(f)));
    }
    if (state.faultsDirty) return; // never overwrite what someone is typing
    $('f-declineRate').value = f.declineRate;
    $('f-carrierUnavailableRate').value = f.carrierUnavailableRate;
    document.querySelectorAll('#faults-form [data-sku]').forEach((c) => { c.checked = f.outOfStock.includes(c.dataset.sku); });
    for (const [service, s] of Object.entries(f.services)) {
      if (!$(`f-${service}-down`)) continue;
      $(`f-${service}-down`).checked = s.down;
      $(`f-${service}-latencyMs`).value = s.latencyMs;
      $(`f-${service}-transientErrorRate`).value = s.transientErrorRate;
    }
  }

  // ---------- break it ----------

  async function refreshServices() {
    const flows = await api('GET', '/console/services');
    const list = $('service-list');
    const json = JSON.stringify(flows);
    if (json === list.dataset.json) return;
    list.dataset.json = json;
    const focused = document.activeElement && document.activeElement.dataset.service;
    const stoppable = flows.filter((f) => f.stoppable);
    const rows = stoppable.flatMap((f) => f.services.map((s) => el('div', { class: 'service-row' },
      el('span', {}, `${f.flow} · ${s.service}`),
      el('span', { class: `state ${s.running ? 'running' : 'stopped'}` }, s.running ? '▶ running' : '■ stopped'),
      el('button', {
        type: 'button', 'data-service': `${f.flow}/${s.service}`,
        onclick: () => switchService(f.flow, s.service, !s.running),
      }, `${s.running ? 'Stop' : 'Start'} ${s.service}`))));
    const others = flows.filter((f) => !f.stoppable).map((f) => f.flow);
    if (others.length) {
      rows.push(el('p', { class: 'note' }, `Not stoppable from here: ${others.join(', ')} (a flow offers this by `
        + `implementing shop.flow.ServiceControl). Meanwhile, run a part as its own process: ${SPLIT_ONE}, `
        + 'and press Ctrl-C there to stop it.'));
    }
    list.replaceChildren(...rows);
    if (focused) {
      const again = list.querySelector(`[data-service="${CSS.escape(focused)}"]`);
      if (again) again.focus();
    }
  }

  async function switchService(flow, service, running) {
    const result = $('break-result');
    try {
      await api('PUT', `/console/services/${encodeURIComponent(flow)}/${encodeURIComponent(service)}`, { running });
      showResult(result, `${running ? 'Started' : 'Stopped'} ${service} of the ${flow} flow.`, false);
    } catch (problem) {
      showResult(result, problem.message, true);
    }
    await refreshServices();
  }

  // ---------- processes and the ledger ----------

  /** The shop and every service split off it (GET /processes), and the ledger of them all (GET /ledger). */
  async function refreshProcesses() {
    const [listed, ledger] = await Promise.all([api('GET', '/processes'), api('GET', '/ledger')]);
    const processes = listed.processes.map(({ lastSeen, ...rest }) => rest); // lastSeen moves with every report
    const panel = $('processes');
    const json = JSON.stringify([processes, ledger]);
    if (json === panel.dataset.json) return;
    panel.dataset.json = json;
    drawProcesses(processes, ledger);
    drawLedger(ledger);
  }

  function drawProcesses(processes, ledger) {
    const counts = new Map(ledger.processes.map((p) => [p.id, p]));
    const head = el('tr', {}, ['Process', 'Service', 'Flows', 'State', 'Faults', 'Charges', 'Refunds', 'Meters']
      .map((name) => el('th', { scope: 'col' }, name)));
    const rows = processes.map((p) => {
      const own = counts.get(p.id) || { charges: 0, refunds: 0 };
      return el('tr', { 'data-process': p.id },
        el('th', { scope: 'row' }, p.id),
        el('td', {}, p.service),
        el('td', {}, p.impls.join(', ')),
        el('td', { class: p.alive ? 'up' : 'gone', 'data-field': 'state' }, p.alive ? '▶ up' : '■ not reporting'),
        el('td', { 'data-field': 'faults' }, !p.alive ? '–' : p.faultsInSync ? "the shop's" : "≠ not yet the shop's"),
        el('td', { 'data-field': 'charges' }, own.charges),
        el('td', { 'data-field': 'refunds' }, own.refunds),
        el('td', {}, metricsLink(p.metricsUrl)));
    });
    const table = el('table', {}, el('caption', { class: 'sr-only' }, 'Processes'), el('thead', {}, head), el('tbody', {}, rows));
    $('process-list').replaceChildren(table, processes.length > 1 ? '' : el('p', { class: 'note', id: 'no-split' },
      `No service runs in a process of its own. To split one off, ${SPLIT_ONE}.`));
  }

  /** The shop refuses any metricsUrl but http://HOST:PORT/...; checked again before it becomes a link. */
  function metricsLink(url) {
    return /^http:\/\//.test(url) ? el('a', { href: url }, new URL(url).host) : url;
  }

  function drawLedger(ledger) {
    const money = (cents) => (cents / 100).toFixed(2);
    const figure = (name, value) => el('span', { 'data-figure': name }, String(value));
    const orders = (count, listed) => `${count} order${count === 1 ? '' : 's'} (${listed.join(', ')}${count > listed.length ? ', …' : ''})`;
    const parts = ['Ledger of every process: orders charged ', figure('ordersCharged', ledger.ordersCharged),
      ' · charges ', figure('charges', ledger.charges), ` (${money(ledger.chargedCents)})`,
      ' · refunds ', figure('refunds', ledger.refunds), ` (${money(ledger.refundedCents)}) · `];
    parts.push(ledger.chargedTwiceCount === 0
      ? el('span', { 'data-figure': 'chargedTwice' }, '✓ No order charged twice.')
      : el('span', { 'data-figure': 'chargedTwice', class: 'twice' },
        `✗ Charged twice: ${orders(ledger.chargedTwiceCount, ledger.chargedTwice)}.`));
    if (ledger.chargedAgainUnderOneKeyCount > 0) {
      parts.push(' ', el('span', { 'data-figure': 'chargedAgainUnderOneKey', class: 'twice' },
        `✗ Charged again under one key by a restarted process: ${orders(ledger.chargedAgainUnderOneKeyCount,
          ledger.chargedAgainUnderOneKey)}.`));
    }
    $('ledger-summary').replaceChildren(...parts);
  }

  // ---------- start ----------

  async function start() {
    try {
      state.setup = await api('GET', '/console/setup');
    } catch (problem) {
      $('flows-line').textContent = `Cannot load the console: ${problem.message}. Reload when the shop runs.`;
      return;
    }
    $('flows-line').textContent = `Flows: ${state.setup.flows.join(', ')}`;
    addLine('BOOK-1', 1);
    $('add-line').addEventListener('click', () => addLine(state.setup.skus[0].sku, 1));
    $('flow-buttons').append(...state.setup.flows.map((flow) =>
      el('button', { type: 'submit', value: flow, 'data-flow': flow }, flow)));
    $('basket-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const flow = event.submitter ? event.submitter.value : '*';
      place(flow === '*' ? state.setup.flows : [flow]);
    });
    buildFaults();
    buildCharts();
    openStream();
    every(3000, async () => showFaults(await api('GET', '/faults'), false));
    every(3000, refreshServices);
    every(3000, refreshProcesses);
  }

  start();
})();
