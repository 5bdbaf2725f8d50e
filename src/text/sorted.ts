/**
 * Where a value is, or would go, in a list sorted ascending: the first position whose item is not
 * below it (the list's length when all are). `key` reads the sorted field of an item.
 */
export function lowerBound<T extends number | string>(list: ArrayLike<T>, value: T): number;
export function lowerBound<T, K extends number | string>(
  list: ArrayLike<T>,
  value: K,
  key: (item: T) => K,
): number;
export function lowerBound<T, K>(list: ArrayLike<T>, value: K, key?: (item: T) => K): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const item = list[mid]!;
    if ((key ? key(item) : (item as unknown as K)) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
