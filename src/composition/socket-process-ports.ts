import type { GatewayCradle } from './gateway-cradle';

/**
 * The ports a socket process of the monolith reaches in the modules' process over IPC, as a
 * split gateway reaches the services over gRPC: the modules' inbound ports, presence, the
 * typing throttle and the abuse limits' counters (shared by every socket process).
 */
export const SOCKET_PROCESS_PORTS = [
  'userAccounts',
  'userDirectory',
  'userSessions',
  'jwksProvider',
  'tokenVerifier',
  'messaging',
  'chatFeed',
  'roomRegistry',
  'messageEditing',
  'conversations',
  'roomAdministration',
  'presenceDirectory',
  'signalThrottle',
  'rateLimiter',
  'concurrencyLimiter',
] as const satisfies readonly (keyof GatewayCradle)[];
