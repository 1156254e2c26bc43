import { DomainError } from './domain-error';
import { optionalPageLimit, optionalQueryPageLimit, requirePageLimit } from './page-limit';

const messageOf = (check: () => unknown): string => {
  try {
    check();
  } catch (error) {
    if (error instanceof DomainError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'passed';
};

describe('page limit: one rule for every listing and history', () => {
  it('takes an integer from 1 to max and refuses anything else by the same message', () => {
    expect(requirePageLimit(1, 50)).toBe(1);
    expect(requirePageLimit(50, 50)).toBe(50);
    for (const bad of [0, 51, 2.5, -1, '10', null, undefined, NaN]) {
      expect(messageOf(() => requirePageLimit(bad, 50))).toBe('VALIDATION_FAILED: limit must be an integer from 1 to 50');
    }
  });

  it('reads an absent limit (undefined or null) as the fallback', () => {
    expect(optionalPageLimit(undefined, 200, 50)).toBe(50);
    expect(optionalPageLimit(null, 200, 50)).toBe(50);
    expect(optionalPageLimit(7, 200, 50)).toBe(7);
    expect(messageOf(() => optionalPageLimit(201, 200, 50))).toBe('VALIDATION_FAILED: limit must be an integer from 1 to 200');
  });

  it('reads a ?limit= query string of 1-4 digits, absent as undefined', () => {
    expect(optionalQueryPageLimit(undefined, 100)).toBeUndefined();
    expect(optionalQueryPageLimit('100', 100)).toBe(100);
    expect(optionalQueryPageLimit('007', 100)).toBe(7);
    for (const bad of ['0', '101', '1e2', '12345', '', ' 5', 5]) {
      expect(messageOf(() => optionalQueryPageLimit(bad, 100))).toBe('VALIDATION_FAILED: limit must be an integer from 1 to 100');
    }
  });
});
