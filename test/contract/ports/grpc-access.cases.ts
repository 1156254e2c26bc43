import { DomainError, silentLogger } from '@chatterroom/kernel';
import { InMemoryEventBus } from '@chatterroom/kernel/adapters/in-memory-event-bus';
import { startGrpcServer, type GrpcServiceBinding } from '@chatterroom/platform/grpc';
import { GrpcCaller } from '@chatterroom/test/harness/system/grpc-caller';
import { makeInProcessUsers, sessionTokenIssuer } from './users/in-process-users';

/** Who may call an RPC, as the spec expects it (written out, not read from the access table under test). */
export type ExpectedAccess = 'open' | 'any user or service' | `only the user in ${string}`;

export interface RpcCase {
  readonly access: ExpectedAccess;
  /** A request acting as {@link ALICE}. */
  readonly request: object;
}

export const ALICE = 5;
export const MALLORY = 6;
const SERVICE_TOKEN = 'access-spec-service-token-'.padEnd(40, 'x');
/** The users module whose keys and sessions the loopback server verifies tokens with. */
const users = makeInProcessUsers({ eventBus: new InMemoryEventBus({ logger: silentLogger }) });
const tokens = sessionTokenIssuer(users);
/** Another users module: its tokens are well formed and live there, but signed with a key not in the services' JWKS. */
const forger = sessionTokenIssuer(makeInProcessUsers({ eventBus: new InMemoryEventBus({ logger: silentLogger }) }));

/** What every port method answers here: reaching it means the credential check let the call through. */
export const REACHED = 'TEST_HANDLER_REACHED';
/** Port objects whose every method fails with {@link REACHED}. */
export const reachedPorts = <T>(): T =>
  new Proxy({}, { get: () => () => Promise.reject(new DomainError(REACHED, 'invalid', 'the handler ran')) }) as T;

type Outcome = 'reached' | 'UNAUTHENTICATED AUTH_MISSING_TOKEN' | 'UNAUTHENTICATED AUTH_INVALID_TOKEN' | 'PERMISSION_DENIED AUTH_FORBIDDEN';

const outcomeOf = (answer: { status: string; code?: string }): string =>
  answer.code === REACHED ? 'reached' : `${answer.status} ${answer.code ?? ''}`.trim();

/** A loopback server of `binding` checking calls with a real verifier, a raw client, and credentials to call with. */
export const startAccessLoopback = async (binding: GrpcServiceBinding) => {
  const server = await startGrpcServer({
    host: '127.0.0.1',
    port: 0,
    services: [binding],
    auth: { tokenVerifier: users.tokenVerifier, serviceToken: SERVICE_TOKEN },
    logger: silentLogger,
  });
  const caller = new GrpcCaller(`127.0.0.1:${server.port}`, binding.proto);
  return {
    caller,
    bearer: async (userId: number, issuer = tokens) => `Bearer ${await issuer.issue(userId)}`,
    forgedBearer: async (userId: number) => `Bearer ${await forger.issue(userId)}`,
    service: `Service ${SERVICE_TOKEN}`,
    close: async () => {
      caller.close();
      await server.close();
    },
  };
};

/**
 * The server-side credential check of one gRPC service, RPC by RPC, over a loopback server
 * with a real token verifier: open RPCs need nothing; the others refuse a call without a
 * credential, with a forged or unknown one, with another user's identity where the call acts
 * as a user, and with the service identity unless services may call; and let the right one through.
 */
export const describeGrpcAccessCases = (name: string, bind: () => GrpcServiceBinding, cases: Readonly<Record<string, RpcCase>>): void => {
  describe(`${name}: who may call each RPC`, () => {
    let loopback: Awaited<ReturnType<typeof startAccessLoopback>>;
    beforeAll(async () => {
      loopback = await startAccessLoopback(bind());
    });
    afterAll(() => loopback.close());

    it('has a case for every RPC of the proto', () => {
      expect(Object.keys(cases).sort()).toEqual(Object.keys(bind().proto.definition).sort());
    });

    const expected = (access: ExpectedAccess): Record<string, Outcome> => {
      const open = access === 'open';
      const services = access === 'any user or service';
      const actsAsUser = access.startsWith('only the user');
      return {
        none: open ? 'reached' : 'UNAUTHENTICATED AUTH_MISSING_TOKEN',
        forged: open ? 'reached' : 'UNAUTHENTICATED AUTH_INVALID_TOKEN',
        unknownService: open ? 'reached' : 'UNAUTHENTICATED AUTH_INVALID_TOKEN',
        theUser: 'reached',
        anotherUser: actsAsUser ? 'PERMISSION_DENIED AUTH_FORBIDDEN' : 'reached',
        service: open || services ? 'reached' : 'PERMISSION_DENIED AUTH_FORBIDDEN',
      };
    };

    it.each(Object.entries(cases))('%s: %s', async (method, { access, request }) => {
      const credentials: Record<string, string | undefined> = {
        none: undefined,
        forged: await loopback.forgedBearer(ALICE),
        unknownService: 'Service not-the-service-token-at-all-0123456789',
        theUser: await loopback.bearer(ALICE),
        anotherUser: await loopback.bearer(MALLORY),
        service: loopback.service,
      };
      const outcomes: Record<string, string> = {};
      for (const [label, credential] of Object.entries(credentials)) {
        outcomes[label] = outcomeOf(await loopback.caller.call(method, request, credential));
      }
      expect(outcomes).toEqual(expected(access));
    });
  });
};
