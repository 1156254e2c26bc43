export { DEFAULT_HTTP_TIMEOUTS, DEFAULT_LIMITS, type HttpTimeouts, type LimitsOptions } from '@chatterroom/kernel';
