import { INT32_MAX } from '@chatterroom/kernel';
import { GET_USERS_MAX_IDS } from '../contracts';
import { parseUserIds } from './user-ids';

const invalid = (message: string) => expect.objectContaining({ code: 'VALIDATION_FAILED', kind: 'invalid', message });

describe('parseUserIds', () => {
  it('returns the ids once each, in the order first given', () => {
    expect(parseUserIds({ userIds: [5, 1, 5, INT32_MAX, 1] })).toEqual([5, 1, INT32_MAX]);
  });

  it('accepts an empty list and exactly GET_USERS_MAX_IDS ids', () => {
    expect(parseUserIds({ userIds: [] })).toEqual([]);
    const many = Array.from({ length: GET_USERS_MAX_IDS }, (_, i) => i + 1);
    expect(parseUserIds({ userIds: many })).toEqual(many);
  });

  it.each([[null], [undefined], [7], ['1,2'], [{ 0: 1, length: 1 }]])('refuses userIds %p that is not an array', (userIds) => {
    expect(() => parseUserIds({ userIds })).toThrow(invalid('userIds must be an array'));
  });

  it('refuses more than GET_USERS_MAX_IDS ids before looking at them', () => {
    const tooMany = Array.from({ length: GET_USERS_MAX_IDS + 1 }, () => 'not an id');
    expect(() => parseUserIds({ userIds: tooMany })).toThrow(invalid(`userIds must hold at most ${GET_USERS_MAX_IDS} ids`));
  });

  it.each([[0], [-1], [1.5], [INT32_MAX + 1], [Number.NaN], ['1'], [null]])('refuses the id %p naming its index', (bad) => {
    expect(() => parseUserIds({ userIds: [1, bad] })).toThrow(invalid('userIds[1] must be a positive 32-bit integer'));
  });

  it('refuses a hole in a sparse array', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(() => parseUserIds({ userIds: [1, , 2] })).toThrow(invalid('userIds[1] must be a positive 32-bit integer'));
  });

  it.each([[null], [[1]], ['userIds']])('refuses a request %p that is not an object', (input) => {
    expect(() => parseUserIds(input)).toThrow(invalid('input must be an object'));
  });
});
