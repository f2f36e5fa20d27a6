/**
 * Chrome trace capture and analysis: which main-thread time of a tab belongs to the extension's
 * content script, and which long tasks it caused.
 *
 * Attribution, from the V8 CPU profiler samples recorded in the trace
 * (disabled-by-default-v8.cpu_profiler): a sample belongs to the content script when any frame
 * of its stack is from the extension's URL. That covers what event-based attribution misses:
 * promise continuations (an `await` resumes inside a RunMicrotasks event, which carries no URL)
 * and native work called from the script (Range creation, CSS.highlights, TreeWalker steps),
 * which V8 charges to the calling JS frame. Garbage collection is not charged to anyone.
 * Cross-check: the durations of the outermost trace events with the script's URL
 * (EvaluateScript, FunctionCall, v8.compile…), which miss the continuations.
 */

export const TRACE_CATEGORIES = [
  '-*',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'toplevel',
  'disabled-by-default-v8.cpu_profiler',
];

/** Starts a browser-wide trace. */
export async function startTrace(cdp, categories = TRACE_CATEGORIES) {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: categories.filter((c) => !c.startsWith('-')), excludedCategories: ['*'], recordMode: 'recordAsMuchAsPossible' },
  });
}

/** Stops the trace and returns its events. */
export async function stopTrace(cdp) {
  const done = cdp.once('Tracing.tracingComplete', undefined, undefined, 120000);
  await cdp.send('Tracing.end');
  const { stream } = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 4 << 20 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text);
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/** The renderer main thread that parsed `pageUrl` (or that ran work for frame `frameId`). */
export function findPageThread(events, pageUrl, frameId) {
  const mains = new Set();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') mains.add(`${e.pid}:${e.tid}`);
  for (const e of events) {
    if (e.name === 'ParseHTML' && e.args?.beginData?.url?.startsWith(pageUrl) && mains.has(`${e.pid}:${e.tid}`)) return { pid: e.pid, tid: e.tid };
  }
  // A trace that starts after the load: events that name the frame (its id is the tab's target id).
  if (frameId) {
    for (const e of events) {
      const f = e.args?.data?.frame ?? e.args?.beginData?.frame;
      if (f === frameId && mains.has(`${e.pid}:${e.tid}`)) return { pid: e.pid, tid: e.tid };
    }
  }
  for (const e of events) {
    const frames = e.name === 'TracingStartedInBrowser' ? e.args?.data?.frames : undefined;
    const f = frames?.find((f) => f.url?.startsWith(pageUrl) && f.processId);
    if (!f) continue;
    const main = [...mains].find((k) => k.startsWith(`${f.processId}:`));
    if (main) return { pid: f.processId, tid: Number(main.split(':')[1]) };
  }
  return null;
}

const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'v8.produceCache', 'v8.run', 'V8.CompileCode']);

function urlOf(e) {
  const d = e.args?.data ?? e.args?.beginData ?? e.args;
  return d?.url ?? d?.fileName ?? d?.stackTrace?.[0]?.url ?? '';
}

/** Complete events of one thread (B/E pairs joined), sorted by start. */
function threadEvents(events, { pid, tid }) {
  const out = [];
  const open = [];
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid) continue;
    if (e.ph === 'X') out.push({ name: e.name, cat: e.cat, ts: e.ts, end: e.ts + (e.dur ?? 0), tdur: e.tdur, args: e.args });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b) out.push({ name: b.name, cat: b.cat, ts: b.ts, end: e.ts, tdur: b.tts != null && e.tts != null ? e.tts - b.tts : undefined, args: { ...b.args, ...e.args } });
    }
  }
  return out.sort((a, b) => a.ts - b.ts || b.end - a.end);
}

/** CPU profile samples of one thread from the trace: [{ts, stackUrls:Set}], with the sample's duration. */
function profileSamples(events, { pid, tid }) {
  const nodes = new Map();
  const samples = [];
  // Chunks come from the profiler's own thread; they are keyed by the id of a 'Profile' event
  // emitted on the profiled thread: keep the profile(s) of ours.
  const ids = new Set(events.filter((e) => e.pid === pid && e.tid === tid && e.name === 'Profile').map((e) => e.id));
  let startTime = null;
  for (const e of events) if (e.name === 'Profile' && ids.has(e.id)) startTime = e.args?.data?.startTime ?? startTime;
  let t = startTime;
  for (const c of events) {
    if (c.pid !== pid || c.name !== 'ProfileChunk' || !ids.has(c.id)) continue;
    const data = c.args?.data ?? {};
    for (const n of data.cpuProfile?.nodes ?? []) {
      nodes.set(n.id, { parent: n.parent, url: n.callFrame?.url ?? '', fn: n.callFrame?.functionName ?? '', line: n.callFrame?.lineNumber ?? -1 });
    }
    const ss = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < ss.length; i++) {
      t += deltas[i] ?? 0;
      samples.push({ ts: t, node: ss[i] });
    }
  }
  return { nodes, samples };
}

/**
 * Main-thread time of the extension on the page thread.
 * `extensionOrigin` is "chrome-extension://<id>/". Window: [from, to] in trace µs (optional).
 */
export function analyzeExtensionTime(events, pageUrl, extensionOrigin, { longTaskMs = 50, frameId } = {}) {
  const thread = findPageThread(events, pageUrl, frameId);
  if (!thread) return null;
  const evs = threadEvents(events, thread);
  const isOurs = (e) => SCRIPT_EVENTS.has(e.name) && urlOf(e).startsWith(extensionOrigin);

  // Event-based: outermost script events with our URL.
  let eventUs = 0;
  let lastEnd = -1;
  const ourEvents = [];
  for (const e of evs) {
    if (!isOurs(e)) continue;
    if (e.ts < lastEnd) continue; // nested in an earlier one of ours
    eventUs += e.end - e.ts;
    lastEnd = e.end;
    ourEvents.push(e);
  }

  // Sample-based.
  const { nodes, samples } = profileSamples(events, thread);
  const oursCache = new Map();
  const nodeIsOurs = (id) => {
    if (oursCache.has(id)) return oursCache.get(id);
    const chain = [];
    let cur = id;
    let result = false;
    while (cur !== undefined) {
      if (oursCache.has(cur)) {
        result = oursCache.get(cur);
        break;
      }
      chain.push(cur);
      const n = nodes.get(cur);
      if (!n) break;
      if (n.url.startsWith(extensionOrigin)) {
        result = true;
        break;
      }
      cur = n.parent;
    }
    for (const c of chain) oursCache.set(c, result);
    return result;
  };
  let sampleUs = 0;
  const allSamples = [];
  const ourSamples = [];
  const selfUs = new Map();
  const totalUs = new Map();
  for (let i = 0; i < samples.length; i++) {
    const dt = i + 1 < samples.length ? samples[i + 1].ts - samples[i].ts : 0;
    allSamples.push({ ts: samples[i].ts, us: Math.min(dt, 5000) });
    if (nodeIsOurs(samples[i].node)) {
      const us = Math.min(dt, 5000);
      sampleUs += us;
      ourSamples.push({ ts: samples[i].ts, us });
      // Inclusive time: each function once per sample, however deep it recurses.
      const seen = new Set();
      for (let id = samples[i].node; id !== undefined; ) {
        const m = nodes.get(id);
        if (!m) break;
        if (m.url.startsWith(extensionOrigin)) {
          const k = `${m.fn || '(anonymous)'}:${m.line + 1}`;
          if (!seen.has(k)) {
            seen.add(k);
            totalUs.set(k, (totalUs.get(k) ?? 0) + us);
          }
        }
        id = m.parent;
      }
      const n = nodes.get(samples[i].node);
      const key = n ? `${n.fn || '(anonymous)'}${n.url.startsWith(extensionOrigin) ? `:${n.line + 1}` : ` [${n.url ? n.url.split('/').pop() : 'native'}]`}` : '?';
      selfUs.set(key, (selfUs.get(key) ?? 0) + us);
    }
  }
  const topTotal = [...totalUs].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([fn, us]) => [fn, +(us / 1000).toFixed(2)]);
  const topSelf = [...selfUs].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([fn, us]) => [fn, +(us / 1000).toFixed(2)]);

  // Top-level tasks, long ones, and whether our code ran in them.
  const tasks = evs.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const topTasks = [];
  let taskEnd = -1;
  for (const t of tasks) {
    if (t.ts < taskEnd) continue;
    topTasks.push(t);
    taskEnd = t.end;
  }
  const long = topTasks.filter((t) => (t.end - t.ts) / 1000 > longTaskMs);
  // A long task is attributable to the extension when our code ran in it and, without our time,
  // it would not have been long (a page task that is long anyway is not ours to count).
  const longOurs = [];
  let withOurCode = 0;
  for (const t of long) {
    let ourUs = 0;
    for (const x of ourSamples) if (x.ts >= t.ts && x.ts < t.end) ourUs += x.us;
    const hasEvent = ourEvents.some((e) => e.ts >= t.ts && e.ts < t.end);
    if (ourUs > 0 || hasEvent) withOurCode++;
    if (ourUs > 0 && (t.end - t.ts - ourUs) / 1000 <= longTaskMs) longOurs.push({ ms: (t.end - t.ts) / 1000, oursMs: ourUs / 1000 });
  }
  const oursTaskUs = topTasks
    .filter((t) => ourEvents.some((e) => e.ts >= t.ts && e.ts < t.end))
    .reduce((a, t) => a + (t.end - t.ts), 0);
  return {
    sampleMs: sampleUs / 1000,
    cpuMs: cpuOfOurs(tasks, allSamples, ourSamples) / 1000,
    eventMs: eventUs / 1000,
    taskMs: oursTaskUs / 1000,
    samples: samples.length,
    longTasks: long.length,
    longTasksOurs: longOurs.length,
    /** Each long task of ours: [task ms, of which ours ms]. */
    longTasksOursMs: longOurs.map((t) => [+t.ms.toFixed(1), +t.oursMs.toFixed(1)]),
    longTasksWithOurCode: withOurCode,
    topSelf,
    topTotal,
  };
}

/**
 * The thread (CPU) time of our share of the tasks we ran in, in µs: each task's own thread time
 * (`tdur`, less that of the tasks it runs inside it: a nested run loop, which the first load of a
 * fresh renderer has around the page's load) × the share of the profiler samples in that part
 * that are ours. The samples' own sum (`sampleMs`) is wall-clock: a sample spans whatever time
 * the thread waited for a core, so on a loaded machine it grows with the other processes' load
 * (2–5× at a load of 6–13 on 2 cores, issue 18v); a task's thread time does not, and within one
 * task both are stretched alike.
 * `tasks`: {ts, end, tdur}, sorted by start (an enclosing one first); samples: {ts, us}, sorted by ts.
 */
export function cpuOfOurs(tasks, allSamples, ourSamples) {
  const n = tasks.length;
  const own = tasks.map((t) => t.tdur ?? 0);
  const enclosing = [];
  for (let k = 0; k < n; k++) {
    while (enclosing.length && tasks[enclosing.at(-1)].end <= tasks[k].ts) enclosing.pop();
    if (enclosing.length) own[enclosing.at(-1)] -= tasks[k].tdur ?? 0;
    enclosing.push(k);
  }
  // Each sample to the innermost task it falls in.
  const share = (samples) => {
    const acc = new Float64Array(n);
    const open = [];
    let k = 0;
    for (const x of samples) {
      while (k < n && tasks[k].ts <= x.ts) {
        while (open.length && tasks[open.at(-1)].end <= tasks[k].ts) open.pop();
        open.push(k++);
      }
      while (open.length && tasks[open.at(-1)].end <= x.ts) open.pop();
      if (open.length) acc[open.at(-1)] += x.us;
    }
    return acc;
  };
  const all = share(allSamples);
  const ours = share(ourSamples);
  let cpu = 0;
  for (let k = 0; k < n; k++) if (ours[k] > 0 && tasks[k].tdur != null) cpu += Math.max(0, own[k]) * Math.min(1, ours[k] / all[k]);
  return cpu;
}
