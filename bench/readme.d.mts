/** Types of bench/readme.mjs (README's performance block, copied from bench/PERFORMANCE.md). */
export declare const START: string;
export declare const END: string;
export declare function targetsOf(performance: string): string;
export declare function spliceTargets(readme: string, performance: string): string;
export declare function updateReadme(root?: string): boolean;
