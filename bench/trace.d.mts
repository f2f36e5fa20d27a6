/** Types of what TypeScript code takes from bench/trace.mjs (the trace's attribution to the content script). */
export declare function cpuOfOurs(
  tasks: readonly { ts: number; end: number; tdur?: number }[],
  allSamples: readonly { ts: number; us: number }[],
  ourSamples: readonly { ts: number; us: number }[],
): number;
