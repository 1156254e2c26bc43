import { HttpResponseReader } from '../../bench/load/http-response-reader';

const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('HttpResponseReader (the paced bench client)', () => {
  const withLength = 'HTTP/1.1 201 Created\r\ncontent-type: application/json\r\ncontent-length: 11\r\n\r\n{"seq": 12}';
  const chunked = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n';
  const withTrailer = 'HTTP/1.1 503 Service Unavailable\r\ntransfer-encoding: chunked\r\n\r\n2\r\nno\r\n0\r\nx-why: busy\r\n\r\n';

  it('yields each complete response once, however the bytes are split', () => {
    const all = withLength + chunked + withTrailer + withLength;
    for (const size of [1, 2, 3, 7, 16, all.length]) {
      const reader = new HttpResponseReader();
      const statuses: number[] = [];
      for (let at = 0; at < all.length; at += size) statuses.push(...reader.push(bytes(all.slice(at, at + size))));
      expect(statuses).toEqual([201, 200, 503, 201]);
    }
  });

  it('waits for the rest of a body', () => {
    const reader = new HttpResponseReader();
    expect(reader.push(bytes(withLength.slice(0, -3)))).toEqual([]);
    expect(reader.push(bytes(withLength.slice(-3)))).toEqual([201]);
  });
});
