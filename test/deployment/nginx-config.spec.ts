import { runtimeEnvironmentOf, loadCompose, readRepoFile, roleOf, runsOurImage } from './compose-model';
import { TEST_COMPOSE_VARS, roleListener } from './role-listening';

/** The directives of the nginx config, comments dropped, one per entry, whitespace collapsed. */
const directives = (config: string): string[] =>
  config
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .join(' ')
    .split(/[;{}]/)
    .map((directive) => directive.trim().replace(/\s+/g, ' '))
    .filter((directive) => directive !== '');

describe('deploy/nginx/nginx.conf (load balancer of the split deployment)', () => {
  const config = directives(readRepoFile('deploy/nginx/nginx.conf'));
  const compose = loadCompose('docker-compose.split.yml', TEST_COMPOSE_VARS);
  const [gatewayName = '', gateway] = Object.entries(compose.services).find(([, s]) => runsOurImage(s) && roleOf(s) === 'gateway') ?? [];
  const gatewayPort = gateway === undefined ? 0 : roleListener('gateway', runtimeEnvironmentOf(compose, gateway)).port;

  it("proxies to an upstream holding the gateway service on the gateway's port, re-resolved through Docker's DNS", () => {
    const upstream = config.find((directive) => directive.startsWith('upstream '))?.split(' ')[1];
    expect(config).toContain(`proxy_pass http://${upstream}`);
    expect(config.some((d) => d.startsWith(`server ${gatewayName}:${gatewayPort} resolve`))).toBe(true);
    expect(config.some((d) => /^resolver 127\.0\.0\.11( |$)/.test(d))).toBe(true);
    expect(config).toContain('least_conn');
  });

  it('passes WebSocket upgrades through', () => {
    expect(config).toContain('proxy_http_version 1.1');
    expect(config).toContain('proxy_set_header Upgrade $http_upgrade');
    expect(config).toContain('proxy_set_header Connection $connection_upgrade');
    expect(config).toContain('map $http_upgrade $connection_upgrade');
    expect(config).toContain('default upgrade');
  });

  it('logs no query string and no Referer, so a token in a URL never lands in the access log', () => {
    const accessLogs = config.filter((directive) => directive.startsWith('access_log '));
    expect(accessLogs.length).toBeGreaterThan(0);
    const formats = new Map(
      config.filter((d) => d.startsWith('log_format ')).map((d) => [d.split(' ')[1] ?? '', d.split(' ').slice(2).join(' ')] as const),
    );
    for (const directive of accessLogs) {
      const [, target = '', format] = directive.split(' ');
      if (target === 'off') continue;
      // without a format nginx uses `combined`, which logs $request with its query string
      expect({ directive, format }).toEqual({ directive, format: expect.any(String) });
      const body = formats.get(format ?? '') ?? '';
      expect(body).toContain('$uri');
      expect(body).not.toMatch(/\$(request|request_uri|args|query_string|is_args|http_referer|arg_[a-z_]+)\b/);
    }
  });

  it('answers its own health check on the port compose publishes', () => {
    expect(config).toContain('listen 80');
    expect(config).toContain('location = /nginx-health');
    expect(compose.services.lb?.healthcheck?.test).toContain('http://127.0.0.1/nginx-health');
  });
});
