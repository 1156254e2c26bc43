/** The userIds an event is for: each once, ascending. */
export const audienceOf = (...groups: ReadonlyArray<number | readonly number[]>): number[] =>
  [...new Set(groups.flat())].sort((a, b) => a - b);
