/** Small statistics helpers: nearest-rank percentiles, medians and spreads. */

export function percentile(values, p) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const rank = Math.max(1, Math.ceil(p * v.length));
  return v[Math.min(rank, v.length) - 1];
}

export const median = (values) => {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

/** Median with the min and max of the runs: `{ median, min, max, runs }`. */
export function summary(values) {
  const v = values.filter((x) => Number.isFinite(x));
  return { median: median(v), min: v.length ? Math.min(...v) : NaN, max: v.length ? Math.max(...v) : NaN, runs: v.length };
}

export const round = (x, digits = 2) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : x);

/** "12.3 (11.9–13.0)" */
export function fmt(s, digits = 1, unit = '') {
  if (!s || !Number.isFinite(s.median)) return '—';
  const f = (x) => x.toFixed(digits);
  return s.runs > 1 ? `${f(s.median)}${unit} (${f(s.min)}–${f(s.max)})` : `${f(s.median)}${unit}`;
}
