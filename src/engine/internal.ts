/** `Required<T>` with every property also non-undefined (exactOptionalPropertyTypes-friendly). */
export type Required2<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };
