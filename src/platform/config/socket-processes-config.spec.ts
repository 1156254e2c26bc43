import { readSocketProcesses } from './app-config';

describe('readSocketProcesses (SOCKET_PROCESSES)', () => {
  it('is off (0: one process) unless set, and reads a count', () => {
    expect(readSocketProcesses({})).toBe(0);
    expect(readSocketProcesses({ SOCKET_PROCESSES: '2' })).toBe(2);
  });

  it('refuses a negative, fractional or absurd count, naming the variable', () => {
    for (const value of ['-1', '1.5', 'two', '65']) expect(() => readSocketProcesses({ SOCKET_PROCESSES: value })).toThrow(/SOCKET_PROCESSES/);
  });
});
