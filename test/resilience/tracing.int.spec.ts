import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventually, newUserOn, uniqueText, type TestUser } from '@chatterroom/test/harness/system';
import type { RunningTarget } from '@chatterroom/test/harness/system/targets/running-target';
import { startSplit } from '@chatterroom/test/harness/system/targets/split.target';
import { StartedProcesses, targetOptions } from './support/started-processes';

/*
 * Issue 13: traces opt-in by the standard OTEL_* variables, with the context carried
 * HTTP -> gRPC -> RabbitMQ -> fan-out, and X-Request-Id honoured. The split deployment exports
 * OTLP/HTTP (JSON) to a receiver in this test, which keeps every span it is sent.
 */

jest.setTimeout(60_000);

interface ReceivedSpan {
  readonly service: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly name: string;
  readonly attributes: Record<string, unknown>;
}

type OtlpAttribute = { key: string; value: Record<string, unknown> };
type OtlpExport = {
  resourceSpans?: { resource?: { attributes?: OtlpAttribute[] }; scopeSpans?: { spans?: (Omit<ReceivedSpan, 'service' | 'attributes'> & { attributes?: OtlpAttribute[] })[] }[] }[];
};

const valueOf = (value: Record<string, unknown>): unknown => Object.values(value)[0];

/** A tiny OTLP/HTTP receiver: POST /v1/traces with JSON bodies. */
const startReceiver = async (): Promise<{ server: Server; url: string; spans: ReceivedSpan[] }> => {
  const spans: ReceivedSpan[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url === '/v1/traces') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpExport;
        for (const resource of body.resourceSpans ?? []) {
          const service = String(valueOf(resource.resource?.attributes?.find((attribute) => attribute.key === 'service.name')?.value ?? {}));
          for (const scope of resource.scopeSpans ?? []) {
            for (const span of scope.spans ?? []) {
              const attributes = Object.fromEntries((span.attributes ?? []).map((attribute) => [attribute.key, valueOf(attribute.value)]));
              spans.push({ service, traceId: span.traceId, spanId: span.spanId, parentSpanId: span.parentSpanId ?? '', name: span.name, attributes });
            }
          }
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans };
};

describe('split deployment exporting traces over OTLP', () => {
  const started = new StartedProcesses();
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let target: RunningTarget;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    receiver = await startReceiver();
    target = started.addTarget(
      await startSplit(targetOptions({
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_BSP_SCHEDULE_DELAY: '100',
      })),
    );
    alice = await newUserOn(target.endpoints, 0);
    bob = await newUserOn(target.endpoints, 1);
  }, 180_000);

  afterAll(async () => {
    await started.cleanUp();
    await new Promise((resolve) => receiver.server.close(resolve));
  }, 60_000);

  it("links the gateway's HTTP span, the chat service's gRPC span and the other gateway's fan-out of the event in one trace, and honours X-Request-Id", async () => {
    const traceId = randomBytes(16).toString('hex');
    const requestId = `test-${randomBytes(6).toString('hex')}`;
    const socket = await bob.ws();
    const text = uniqueText('traced');
    const sent = await alice.http.post(`/chats/private/${bob.userId}`, { message: text }, {
      traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
      'x-request-id': requestId,
    });
    expect(sent.status).toBe(201);
    expect(sent.headers.get('x-request-id')).toBe(requestId);
    await socket.next((frame) => frame.type === 'message', 10_000);

    const spans = await eventually(() => {
      const inTrace = receiver.spans.filter((span) => span.traceId === traceId);
      const http = inTrace.find((span) => span.service === 'chatterroom-gateway' && span.name === 'POST /chats/private/:recipientId');
      const grpcClient = inTrace.find((span) => span.service === 'chatterroom-gateway' && span.name === 'chatterroom.chat.v1.ChatService/SendPrivateMessage');
      const grpcServer = inTrace.find((span) => span.service === 'chatterroom-chat-service' && span.name === 'chatterroom.chat.v1.ChatService/SendPrivateMessage');
      const publish = inTrace.find((span) => span.service === 'chatterroom-chat-service' && span.name.startsWith('publish chat.'));
      const fanOut = inTrace.filter((span) => span.service === 'chatterroom-gateway' && span.name.startsWith('consume chat.'));
      expect({ http: !!http, grpcClient: !!grpcClient, grpcServer: !!grpcServer, publish: !!publish, fanOut: fanOut.length >= 2 }).toEqual({
        http: true, grpcClient: true, grpcServer: true, publish: true, fanOut: true,
      });
      return { http, grpcClient, grpcServer, publish, fanOut };
    }, { timeoutMs: 30_000, intervalMs: 200 });

    expect(spans.http?.attributes['chatterroom.request_id']).toBe(requestId);
    expect(spans.grpcClient?.parentSpanId).toBe(spans.http?.spanId);
    expect(spans.grpcServer?.parentSpanId).toBe(spans.grpcClient?.spanId);
    for (const consumer of spans.fanOut) expect(consumer.parentSpanId).toBe(spans.publish?.spanId);
  });
});
