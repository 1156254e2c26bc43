/** The userIds an event is for: each once, ascending. */
export const audienceOf = (...groups: ReadonlyArray<number | readonly number[]>): number[] =>
  [...new Set(groups.flat())].sort((a, b) => a - b);

/** An event's recorded audience: the positive int32 userIds it names, each once, ascending. */
export const eventAudience = (audience: unknown): number[] =>
  Array.isArray(audience) ? audienceOf(audience.filter((userId): userId is number => Number.isInteger(userId) && userId > 0 && userId <= 2_147_483_647)) : [];
