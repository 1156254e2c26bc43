import { TimeSlice } from './time-slice';

describe('TimeSlice', () => {
  it('lets the event loop turn once its budget is spent', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('other work'));
    await new TimeSlice(0).pace();
    order.push('after pace');
    expect(order).toEqual(['other work', 'after pace']);
  });

  it('keeps going within its budget', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('other work'));
    await new TimeSlice(60_000).pace();
    order.push('after pace');
    expect(order).toEqual(['after pace']);
  });
});
