/** `work` over `items`, at most `limit` at a time (batch after batch), results in order. */
export const inBatches = async <T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> => {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += limit) {
    results.push(...(await Promise.all(items.slice(start, start + limit).map((item, offset) => work(item, start + offset)))));
  }
  return results;
};
