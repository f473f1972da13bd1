/**
 * The type a translation must have, given the zh-CN dictionary (declared `as const`):
 * the same keys, nested the same way, every leaf a string. Typing each English
 * dictionary with it makes a key missing (or extra) in one language fail `tsc`.
 */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
