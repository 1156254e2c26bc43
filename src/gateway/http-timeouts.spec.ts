import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { startGatewayTestKit, type GatewayTestKit } from '@chatterroom/test/kits/gateway/gateway-test-kit';

/** A raw connection that starts a request and never finishes its headers (slowloris). */
const stalledRequest = (port: number, trickle: boolean): { socket: Socket; closed: Promise<string> } => {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString('latin1')));
  socket.on('error', () => undefined);
  socket.write('GET /health HTTP/1.1\r\nHost: localhost\r\n');
  const timer = trickle ? setInterval(() => socket.writable && socket.write(`X-Slow-${Date.now()}: 1\r\n`), 100) : undefined;
  const closed = new Promise<string>((resolve) =>
    socket.on('close', () => {
      clearInterval(timer);
      resolve(received);
    }),
  );
  return { socket, closed };
};

describe('HTTP timeouts (slowloris)', () => {
  let kit: GatewayTestKit;
  let port: number;

  beforeAll(async () => {
    kit = await startGatewayTestKit({ httpTimeouts: { headersTimeoutMs: 400, requestTimeoutMs: 800, idleTimeoutMs: 600 } });
    await kit.app.listen({ host: '127.0.0.1', port: 0 });
    port = (kit.app.server.address() as AddressInfo).port;
  });

  afterAll(() => kit.app.close());

  it('closes connections that never finish their headers, even while they trickle bytes', async () => {
    const stalled = Array.from({ length: 20 }, (_, index) => stalledRequest(port, index % 2 === 0));
    const answers = await Promise.all(stalled.map((connection) => connection.closed));
    for (const answer of answers) expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
    expect(answers.some((answer) => answer.startsWith('HTTP/1.1 408'))).toBe(true);
  });

  it('still answers a complete request', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/health`);
    expect(response.status).toBe(200);
  });
});
