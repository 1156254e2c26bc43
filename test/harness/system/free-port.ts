import { createServer } from 'node:net';

/** A TCP port free right now on `host` (the OS picks it; we close and hand it on). */
export const freePort = (host = '127.0.0.1'): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host, port: 0 }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('could not read the free port'))));
    });
  });

/** `count` distinct free ports. */
export const freePorts = async (count: number, host = '127.0.0.1'): Promise<number[]> => {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort(host));
  return [...ports];
};
