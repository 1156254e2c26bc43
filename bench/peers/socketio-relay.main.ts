import { createServer } from 'node:http';
import { Server } from 'socket.io';

interface SendEvent {
  readonly room?: unknown;
  readonly message?: unknown;
}

/**
 * `node dist/bench/bench/peers/socketio-relay.main.js`: the Socket.IO peer of `npm run bench -- peers`,
 * a minimal room relay on HOST:PORT. A client names its rooms in the handshake query
 * (`?rooms=r10,r100`), is joined to them and gets a `ready` event; a `send` event
 * `{room, message}` is stamped (the fields ChatterRoom's push carries) and emitted to the
 * room, the sender included. WebSocket transport only, no compression, like every other system.
 */
const main = (): void => {
  const http = createServer((request, response) => {
    response.statusCode = request.url === '/health' ? 200 : 404;
    response.end(request.url === '/health' ? '{"status":"ok"}' : '');
  });
  const io = new Server(http, { transports: ['websocket'], perMessageDeflate: false, httpCompression: false, serveClient: false, maxHttpBufferSize: 64 * 1024 });
  let seq = 0;
  let senders = 0;
  io.on('connection', (socket) => {
    senders += 1;
    const senderId = senders;
    const rooms = String(socket.handshake.query.rooms ?? '').split(',').filter((room) => room !== '');
    for (const room of rooms) void socket.join(room);
    socket.on('send', (event: SendEvent) => {
      if (typeof event?.room !== 'string' || typeof event.message !== 'string') return;
      seq += 1;
      io.to(event.room).emit('message', {
        messageId: String(seq), kind: 'room', senderId, roomId: event.room, message: event.message, timestamp: new Date().toISOString(), seq,
      });
    });
    socket.emit('ready');
  });
  http.listen(Number(process.env.PORT ?? 3200), process.env.HOST ?? '127.0.0.1');
  const stop = () => {
    io.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2_000).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
};

main();
