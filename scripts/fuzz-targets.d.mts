// Types for scripts/fuzz-targets.mjs (used by test/reliability/fuzz-regressions.test.ts).
export interface FuzzTarget {
  parse: (input: unknown) => unknown;
  safeParse?: (input: unknown) => { success: boolean };
  after: (data: any) => unknown;
}
export interface FuzzFailure {
  reason: "non-qi-error" | "bad-qi-error" | "inconsistent" | "non-finite" | "prototype" | "pollution" | "hang";
  message: string;
}
export declare const TARGET_NAMES: readonly string[];
export declare function mulberry32(seed: number): () => number;
export declare function mutate(seedText: string, rng: () => number): unknown;
export declare function makeSeeds(lib: Record<string, any>, project: any): Record<string, string[]>;
export declare function makeTargets(lib: Record<string, any>): Record<string, FuzzTarget>;
export declare function check(lib: Record<string, any>, targets: Record<string, FuzzTarget>, name: string, input: unknown): FuzzFailure | null;
