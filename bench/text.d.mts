/** Types of what TypeScript code takes from bench/text.mjs (the benchmark's deterministic generator). */
export declare function rng(seed: number): () => number;
