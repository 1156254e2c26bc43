import { DomainError } from '@chatterroom/kernel';
import { CallAdmission } from './call-admission';

/** A piece of work that runs until `finish` is called; `ran` says whether it started. */
const heldWork = () => {
  let finish = (): void => undefined;
  const state = { ran: false };
  const work = () => {
    state.ran = true;
    return new Promise<string>((resolve) => (finish = () => resolve('done')));
  };
  return { work, state, finish: () => finish() };
};

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('CallAdmission', () => {
  it('runs at most `limit` at once and the rest in arrival order', async () => {
    const admission = new CallAdmission(2);
    const calls = [heldWork(), heldWork(), heldWork(), heldWork()];
    const results = calls.map((call) => admission.run(undefined, 'call', call.work));
    await turn();
    expect(calls.map((call) => call.state.ran)).toEqual([true, true, false, false]);
    expect(admission.waiting).toBe(2);
    calls[1]?.finish();
    await turn();
    expect(calls.map((call) => call.state.ran)).toEqual([true, true, true, false]);
    calls[0]?.finish();
    calls[2]?.finish();
    await turn();
    expect(calls[3]?.state.ran).toBe(true);
    calls[3]?.finish();
    await expect(Promise.all(results)).resolves.toEqual(['done', 'done', 'done', 'done']);
    expect(admission.waiting).toBe(0);
  });

  it('refuses a waiting call whose deadline passes with DEADLINE_EXCEEDED, without running it, and keeps the slot for the next', async () => {
    const admission = new CallAdmission(1);
    const busy = heldWork();
    const late = heldWork();
    const next = heldWork();
    const running = admission.run(undefined, 'busy', busy.work);
    const refused = admission.run(Date.now() - 1, 'The late call', late.work);
    const queued = admission.run(undefined, 'next', next.work);
    await expect(refused).rejects.toMatchObject({ code: 'DEADLINE_EXCEEDED' });
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    expect(late.state.ran).toBe(false);
    busy.finish();
    await turn();
    expect(next.state.ran).toBe(true);
    next.finish();
    await expect(Promise.all([running, queued])).resolves.toEqual(['done', 'done']);
  });

  it('tells its observer how many wait, and of each call it sheds', async () => {
    const counts: number[] = [];
    const shed: string[] = [];
    const admission = new CallAdmission(1, { waiting: (count) => counts.push(count), shed: (what) => shed.push(what) });
    const busy = heldWork();
    const running = admission.run(undefined, 'busy', busy.work);
    const late = admission.run(Date.now() - 1, 'Late/Call', heldWork().work);
    const next = heldWork();
    const queued = admission.run(undefined, 'next', next.work);
    await expect(late).rejects.toMatchObject({ code: 'DEADLINE_EXCEEDED' });
    busy.finish();
    await turn();
    next.finish();
    await Promise.all([running, queued]);
    expect(counts).toEqual([1, 2, 1, 0]);
    expect(shed).toEqual(['Late/Call']);
  });

  it('frees the slot of a call that fails', async () => {
    const admission = new CallAdmission(1);
    await expect(admission.run(undefined, 'failing', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(admission.run(undefined, 'after', async () => 'ran')).resolves.toBe('ran');
  });

  it('without a limit, runs every call at once', async () => {
    const admission = new CallAdmission(null);
    const calls = [heldWork(), heldWork(), heldWork()];
    const results = calls.map((call) => admission.run(undefined, 'call', call.work));
    expect(calls.every((call) => call.state.ran)).toBe(true);
    calls.forEach((call) => call.finish());
    await expect(Promise.all(results)).resolves.toHaveLength(3);
  });
});
