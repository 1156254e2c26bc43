import { writeFileSync } from 'node:fs';
import { makeDevCerts, type DevCerts } from '@chatterroom/test/harness/dev-certs';
import { ConfigError } from './env-reader';
import { readGrpcClientTls, readGrpcServerTls, readServiceToken } from './grpc-security-config';
import { readGrpcServerPort } from './app-config';

describe('gRPC security configuration', () => {
  let certs: DevCerts;
  beforeAll(() => {
    certs = makeDevCerts();
  });
  afterAll(() => certs.remove());

  const server = (overrides: Record<string, string> = {}) => ({
    GRPC_TLS_CERT_FILE: certs.path('user-service.crt'),
    GRPC_TLS_KEY_FILE: certs.path('user-service.key'),
    ...overrides,
  });

  it('binds the gRPC listener to loopback unless GRPC_HOST says otherwise', () => {
    expect(readGrpcServerPort({}, 50051)).toEqual({ host: '127.0.0.1', port: 50051 });
    expect(readGrpcServerPort({ GRPC_HOST: '0.0.0.0' }, 50051).host).toBe('0.0.0.0');
  });

  it('is plaintext when nothing is set', () => {
    expect(readGrpcServerTls({})).toBeUndefined();
    expect(readGrpcClientTls({})).toBeUndefined();
  });

  it('reads a TLS server, and an mTLS one with a client CA', () => {
    expect(readGrpcServerTls(server())).toEqual({ certChain: certs.read('user-service.crt'), privateKey: certs.read('user-service.key') });
    expect(readGrpcServerTls(server({ GRPC_TLS_CA_FILE: certs.path('ca.crt') }))?.clientCa).toEqual(certs.read('ca.crt'));
  });

  it('reads a TLS client, and an mTLS one with its certificate', () => {
    expect(readGrpcClientTls({ GRPC_TLS_CA_FILE: certs.path('ca.crt') })).toEqual({ ca: certs.read('ca.crt') });
    const mtls = readGrpcClientTls({
      GRPC_TLS_CA_FILE: certs.path('ca.crt'),
      GRPC_TLS_CLIENT_CERT_FILE: certs.path('gateway.crt'),
      GRPC_TLS_CLIENT_KEY_FILE: certs.path('gateway.key'),
    });
    expect(mtls?.certChain).toEqual(certs.read('gateway.crt'));
  });

  it('refuses incomplete, unreadable, malformed or mismatched files, naming the variable', () => {
    expect(() => readGrpcServerTls({ GRPC_TLS_CERT_FILE: certs.path('user-service.crt') })).toThrow(
      new ConfigError('GRPC_TLS_CERT_FILE is set, so GRPC_TLS_KEY_FILE must be too'),
    );
    expect(() => readGrpcServerTls({ GRPC_TLS_CA_FILE: certs.path('ca.crt') })).toThrow(/GRPC_TLS_CA_FILE is set, so GRPC_TLS_CERT_FILE/);
    expect(() => readGrpcServerTls(server({ GRPC_TLS_CERT_FILE: '/no/such/file.crt' }))).toThrow(/GRPC_TLS_CERT_FILE names \/no\/such\/file.crt, which cannot be read \(ENOENT\)/);
    expect(() => readGrpcServerTls(server({ GRPC_TLS_KEY_FILE: certs.path('ca.crt') }))).toThrow(/GRPC_TLS_KEY_FILE .* must hold a PEM key/);
    expect(() => readGrpcServerTls(server({ GRPC_TLS_KEY_FILE: certs.path('gateway.key') }))).toThrow(
      /GRPC_TLS_CERT_FILE and GRPC_TLS_KEY_FILE are not a matching certificate and key/,
    );
    expect(() => readGrpcClientTls({ GRPC_TLS_CLIENT_CERT_FILE: certs.path('gateway.crt'), GRPC_TLS_CLIENT_KEY_FILE: certs.path('gateway.key') })).toThrow(
      /GRPC_TLS_CLIENT_CERT_FILE is set, so GRPC_TLS_CA_FILE must be too/,
    );
  });

  it('reads the service token from SERVICE_TOKEN or the file SERVICE_TOKEN_FILE names', () => {
    const token = 's'.repeat(40);
    expect(readServiceToken({ SERVICE_TOKEN: token })).toBe(token);
    const file = certs.path('token-for-test');
    writeFileSync(file, `${token}\n`);
    expect(readServiceToken({ SERVICE_TOKEN_FILE: file })).toBe(token);
    expect(readServiceToken({ SERVICE_TOKEN_FILE: certs.path('service-token') })).toMatch(/^[A-Za-z0-9_-]{32,}$/);
  });

  it('refuses a missing, doubled, short or unreadable service token, naming the variable', () => {
    expect(() => readServiceToken({})).toThrow(/SERVICE_TOKEN \(or SERVICE_TOKEN_FILE\) is required/);
    expect(() => readServiceToken({ SERVICE_TOKEN: 'x'.repeat(40), SERVICE_TOKEN_FILE: certs.path('service-token') })).toThrow(/not both/);
    expect(() => readServiceToken({ SERVICE_TOKEN: 'short' })).toThrow(/SERVICE_TOKEN must be at least 32 characters/);
    expect(() => readServiceToken({ SERVICE_TOKEN: `${'x'.repeat(32)} y` })).toThrow(/SERVICE_TOKEN must be printable ASCII/);
    expect(() => readServiceToken({ SERVICE_TOKEN_FILE: '/no/such/token' })).toThrow(/SERVICE_TOKEN_FILE names \/no\/such\/token/);
  });
});
