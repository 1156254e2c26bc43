import { GraphQLError } from 'graphql';
import { nestingAllowance, refuseTooDeepSource, sourceNesting } from './nesting-prescan';

describe('sourceNesting', () => {
  it('counts braces and brackets', () => {
    expect(sourceNesting('{ me { username } }', 100)).toBe(2);
    expect(sourceNesting('mutation { a(x: [[1]]) { b } }', 100)).toBe(3);
  });

  it('ignores strings, block strings and comments', () => {
    expect(sourceNesting('{ a(s: "{{{{ \\" [[[") # {{{{\n b(t: """ {{{ \\""" [[[ """) }', 100)).toBe(1);
  });

  it('stops as soon as the nesting passes the bound, without recursion', () => {
    const deep = `${'{ a '.repeat(100_000)}${'}'.repeat(100_000)}`;
    expect(sourceNesting(deep, 50)).toBe(51);
    expect(sourceNesting(deep, Number.MAX_SAFE_INTEGER)).toBe(100_000);
  });
});

describe('refuseTooDeepSource', () => {
  it('refuses a document nested past the allowance with GRAPHQL_QUERY_TOO_DEEP, and lets others through', () => {
    const nested = (levels: number) => `${'{ a '.repeat(levels)}${'}'.repeat(levels)}`;
    expect(() => refuseTooDeepSource(nested(nestingAllowance(10)), 10)).not.toThrow();
    let thrown: unknown;
    try {
      refuseTooDeepSource(nested(5_000), 10);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GraphQLError);
    expect((thrown as GraphQLError).extensions.code).toBe('GRAPHQL_QUERY_TOO_DEEP');
  });
});
