/**
 * Length of `text` in Unicode code points, counted no further than `cap + 1`
 * (enough to tell "too long"), so a huge input costs no more than a valid one.
 */
export const codePointLength = (text: string, cap: number): number => {
  if (text.length <= cap) return countCodePoints(text, text.length);
  if (text.length > cap * 2) return cap + 1;
  return countCodePoints(text, cap + 1);
};

const countCodePoints = (text: string, limit: number): number => {
  let count = 0;
  for (const _ of text) {
    count += 1;
    if (count >= limit) break;
  }
  return count;
};
