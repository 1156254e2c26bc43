import { RequestId, type TraceOrigin, type TraceOriginSource } from '@chatterroom/kernel';
import { outgoingTraceHeaders } from './trace-context';

/** {@link TraceOriginSource} from OpenTelemetry's active context (empty while tracing is off) and the request id. */
export const currentTraceOrigin: TraceOriginSource = {
  current(): TraceOrigin {
    const requestId = RequestId.current();
    return { ...outgoingTraceHeaders(), ...(requestId === undefined ? {} : { 'x-request-id': requestId }) };
  },
};
