/**
 * The only host APIs lib/ may use: the ones every context it runs in has (web pages, the
 * extension's pages, the service worker, Node for tests and the build), declared as narrowly as
 * lib/ uses them. Everything else of the DOM or of the extension (`document`, `window`,
 * `browser`, `chrome`…) is absent from lib/tsconfig.json, so using it in lib/ fails
 * `npm run typecheck`. Read by lib/tsconfig.json only: the root tsconfig has the full DOM and
 * Node types (and excludes this file).
 */

type TimerHandle = number | { readonly __timer?: never };
declare function setTimeout(handler: () => void, ms?: number): TimerHandle;
declare function clearTimeout(handle: TimerHandle | undefined): void;

declare const performance: { now(): number };

declare class URLSearchParams {
  constructor(init?: string | Record<string, string>);
  get(name: string): string | null;
  set(name: string, value: string): void;
  toString(): string;
}

declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly hostname: string;
  readonly origin: string;
  readonly pathname: string;
  readonly username: string;
  readonly password: string;
  readonly search: string;
  readonly hash: string;
}

/** Base64 of a binary string (pages, workers, Node ≥ 16). */
declare function btoa(data: string): string;
/** The binary string of base64 (pages, workers, Node ≥ 16). */
declare function atob(data: string): string;

/** UTF-8 decoding (pages, workers, Node ≥ 11). */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
