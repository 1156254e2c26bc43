import type { DomainError } from '@chatterroom/kernel';
import { historyPagingOf, pathIdOf } from './request-params';

const failure = (run: () => unknown): DomainError | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return error as DomainError;
  }
};

describe('pathIdOf', () => {
  it.each([
    ['1', 1],
    ['42', 42],
    ['2147483647', 2147483647],
  ])('reads %j as %i', (raw, id) => {
    expect(pathIdOf({ roomId: raw }, 'roomId')).toBe(id);
  });

  it.each(['0', '-1', '1.5', '1e3', 'abc', '', ' 1', '01', '2147483648', '99999999999', '0x10'])(
    'refuses %j with VALIDATION_FAILED naming the parameter',
    (raw) => {
      const error = failure(() => pathIdOf({ roomId: raw }, 'roomId'));
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', kind: 'invalid' });
      expect(error?.message).toContain('roomId');
    },
  );
});

describe('historyPagingOf', () => {
  it('reads no parameters as no paging', () => {
    expect(historyPagingOf({})).toEqual({});
  });

  it('reads limit and before', () => {
    expect(historyPagingOf({ limit: '200', before: 'm7' })).toEqual({ limit: 200, before: 'm7' });
    expect(historyPagingOf({ limit: '1' })).toEqual({ limit: 1 });
  });

  it.each(['0', '201', '-1', '1.5', 'ten', '', '1e2'])('refuses limit=%j', (limit) => {
    const error = failure(() => historyPagingOf({ limit }));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(error?.message).toContain('limit');
  });

  it('refuses a repeated limit', () => {
    expect(failure(() => historyPagingOf({ limit: ['1', '2'] }))).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('refuses an empty or repeated before', () => {
    expect(failure(() => historyPagingOf({ before: '' }))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(failure(() => historyPagingOf({ before: ['a', 'b'] }))).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
