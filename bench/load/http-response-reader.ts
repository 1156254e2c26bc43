const HEAD_END = Buffer.from('\r\n\r\n');
const CRLF = Buffer.from('\r\n');

/**
 * Reads HTTP/1.1 responses off a keep-alive connection, as bytes arrive in any split, and yields
 * each complete one's status code; bodies (Content-Length or chunked) are skipped, not kept.
 * Enough for the bench's paced client; not a general HTTP parser (no 1xx, no bodies to EOF).
 */
export class HttpResponseReader {
  private buffered: Buffer = Buffer.alloc(0);
  private status: number | undefined;
  /** Body bytes still to skip (Content-Length), or 'chunked'. */
  private body: number | 'chunked' = 0;

  /** The status codes of the responses this chunk completed, in order. */
  push(chunk: Buffer): number[] {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const done: number[] = [];
    for (;;) {
      if (this.status === undefined && !this.readHead()) break;
      if (!this.skipBody()) break;
      done.push(this.status as number);
      this.status = undefined;
    }
    return done;
  }

  private readHead(): boolean {
    const end = this.buffered.indexOf(HEAD_END);
    if (end < 0) return false;
    const lines = this.buffered.toString('latin1', 0, end).split('\r\n');
    this.status = Number((lines[0] ?? '').split(' ')[1]);
    this.body = 0;
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'content-length') this.body = Number(value);
      else if (name === 'transfer-encoding' && value.toLowerCase().includes('chunked')) this.body = 'chunked';
    }
    this.buffered = this.buffered.subarray(end + HEAD_END.length);
    return true;
  }

  /** Skips the current response's body; false while more bytes are needed. */
  private skipBody(): boolean {
    if (this.body !== 'chunked') {
      if (this.buffered.length < this.body) return false;
      this.buffered = this.buffered.subarray(this.body);
      return true;
    }
    for (;;) {
      const lineEnd = this.buffered.indexOf(CRLF);
      if (lineEnd < 0) return false;
      const size = parseInt(this.buffered.toString('latin1', 0, lineEnd), 16);
      const chunkEnd = lineEnd + CRLF.length + size + CRLF.length;
      if (size === 0) {
        if (this.buffered.subarray(lineEnd, lineEnd + HEAD_END.length).equals(HEAD_END)) {
          this.buffered = this.buffered.subarray(lineEnd + HEAD_END.length);
          return true;
        }
        const trailerEnd = this.buffered.indexOf(HEAD_END, lineEnd);
        if (trailerEnd < 0) return false;
        this.buffered = this.buffered.subarray(trailerEnd + HEAD_END.length);
        return true;
      }
      if (this.buffered.length < chunkEnd) return false;
      this.buffered = this.buffered.subarray(chunkEnd);
    }
  }
}
