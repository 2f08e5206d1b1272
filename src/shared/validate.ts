/**
 * A tiny structural validator for messages crossing a context boundary. Hand-written rather than a
 * schema library so the content script stays small; every check rejects extra looseness rather
 * than coercing.
 */
export type Check<T> = (value: unknown) => value is T;

export const isString =
  (maxLength = 4096): Check<string> =>
  (v): v is string =>
    typeof v === 'string' && v.length <= maxLength;

export const isInteger: Check<number> = (v): v is number => Number.isSafeInteger(v);

export const isBoolean: Check<boolean> = (v): v is boolean => typeof v === 'boolean';

export const isOneOf =
  <const T extends readonly string[]>(values: T): Check<T[number]> =>
  (v): v is T[number] =>
    typeof v === 'string' && (values as readonly string[]).includes(v);

export const isArrayOf =
  <T>(item: Check<T>, maxItems = 256): Check<T[]> =>
  (v): v is T[] =>
    Array.isArray(v) && v.length <= maxItems && v.every(item);

export const isOptional =
  <T>(check: Check<T>): Check<T | undefined> =>
  (v): v is T | undefined =>
    v === undefined || check(v);

export const isNullable =
  <T>(check: Check<T>): Check<T | null> =>
  (v): v is T | null =>
    v === null || check(v);

type Shape = Record<string, Check<unknown>>;
type FromShape<S extends Shape> = { [K in keyof S]: S[K] extends Check<infer T> ? T : never };

/** An object with exactly these keys (optional ones may be absent) and no others. */
export const isObject =
  <S extends Shape>(shape: S): Check<FromShape<S>> =>
  (v): v is FromShape<S> => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    const record = v as Record<string, unknown>;
    for (const key of Object.keys(record)) if (!(key in shape)) return false;
    for (const [key, check] of Object.entries(shape)) if (!check(record[key])) return false;
    return true;
  };

