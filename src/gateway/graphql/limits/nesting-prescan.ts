import { documentError, GraphqlErrorCodes } from '../graphql-errors';

/**
 * The deepest nesting of `{` and `[` in a GraphQL source, outside strings, block strings
 * and comments: one linear pass without recursion, stopping as soon as it passes `stopAbove`.
 * graphql's parser recurses once per level, so a deep enough document would overflow its
 * stack; this runs before it.
 */
export const sourceNesting = (source: string, stopAbove: number): number => {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i];
    if (char === '#') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i += 1;
    } else if (char === '"') {
      if (source.startsWith('"""', i)) {
        const end = findBlockStringEnd(source, i + 3);
        i = end < 0 ? source.length : end + 2;
      } else {
        i += 1;
        while (i < source.length && source[i] !== '"' && source[i] !== '\n') i += source[i] === '\\' ? 2 : 1;
      }
    } else if (char === '{' || char === '[') {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAbove) return deepest;
    } else if ((char === '}' || char === ']') && depth > 0) {
      depth -= 1;
    }
  }
  return deepest;
};

const findBlockStringEnd = (source: string, from: number): number => {
  for (let i = from; i < source.length; i += 1) {
    if (source[i] === '\\' && source.startsWith('\\"""', i)) i += 3;
    else if (source.startsWith('"""', i)) return i;
  }
  return -1;
};

/**
 * How deep brackets may nest before the document is refused unparsed: room for
 * `maxDepth` selections plus input objects and lists in arguments. The exact field depth
 * is checked after parsing (queryLimitsRule).
 */
export const nestingAllowance = (maxDepth: number): number => 2 * maxDepth + 16;

/** Throws GRAPHQL_QUERY_TOO_DEEP when the source nests deeper than {@link nestingAllowance}. */
export const refuseTooDeepSource = (source: string, maxDepth: number): void => {
  const allowance = nestingAllowance(maxDepth);
  if (sourceNesting(source, allowance) > allowance) {
    throw documentError(`The document nests deeper than ${allowance} levels of braces and brackets`, GraphqlErrorCodes.tooDeep);
  }
};
