import { FrameRejection, parseClientFrame } from './client-frames';

describe('parseClientFrame', () => {
  it('reads the type, the id and all fields', () => {
    expect(parseClientFrame('{"type":"room.join","id":"j1","roomId":4}')).toEqual({
      type: 'room.join',
      id: 'j1',
      fields: { type: 'room.join', id: 'j1', roomId: 4 },
    });
    expect(parseClientFrame('{"type":"ping"}')).toEqual({ type: 'ping', fields: { type: 'ping' } });
  });

  it.each([
    ['{oops', 'INVALID_JSON', undefined],
    ['', 'INVALID_JSON', undefined],
    ['null', 'VALIDATION_FAILED', undefined],
    ['[]', 'VALIDATION_FAILED', undefined],
    ['{"type":1,"id":9}', 'VALIDATION_FAILED', 9],
    ['{"type":"ping","id":true}', 'VALIDATION_FAILED', undefined],
    ['{"type":"ping","id":null}', 'VALIDATION_FAILED', undefined],
  ])('rejects %j with %s', (text, code, id) => {
    const result = parseClientFrame(text);
    expect(result).toBeInstanceOf(FrameRejection);
    expect(result).toMatchObject({ error: { code }, id });
  });
});
