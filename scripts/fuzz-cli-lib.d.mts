// Types for scripts/fuzz-cli-lib.mjs (used by test/reliability/fuzz-cli.test.ts).
export interface FuzzCase {
  argv: string[];
  outputs: { path: string; kind: "file" | "dir" }[];
  inputs?: string[];
}
export interface CommandSpec {
  base: string[];
  outputs: Record<string, "file" | "dir">;
  extra?: Record<string, string[]>;
  by?: string[];
  inputs?: string[];
  defaults?: Record<string, string>;
}
type Main = (argv: readonly string[], io: { stdout: { write(s: string): unknown }; stderr: { write(s: string): unknown } }) => Promise<number>;
export declare const HOSTILE_PATHS: readonly string[];
export declare const HOSTILE_COMMANDS: readonly string[];
export declare const COMMANDS: readonly CommandSpec[];
export declare function mulberry32(seed: number): () => number;
export declare function setProject(text: string): void;
export declare function makeSandbox(root?: string): { outer: string; work: string };
export declare function randomCase(rng: () => number): FuzzCase;
export declare function runCase(main: Main, c: FuzzCase, options?: { root?: string; timeoutMs?: number }): Promise<string | null>;
