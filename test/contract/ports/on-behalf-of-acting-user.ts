import { CallerCredential, isPositiveInt32 } from '@chatterroom/kernel';

/** Mints an access token for a user (a TokenIssuer). */
export interface TestTokenIssuer {
  issue(userId: number): Promise<string>;
}

/**
 * A remote port whose every call runs on behalf of the user its input acts as
 * (`fromUserId`, else `userId`; `fallbackUserId` when the input names nobody valid), the
 * way the gateway runs each request with its caller's token. The port contract suites
 * use it to drive the gRPC clients through the services' credential check.
 */
export const onBehalfOfActingUser = <T extends object>(port: T, tokens: TestTokenIssuer, fallbackUserId = 1): T =>
  new Proxy(port, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || key === 'close') return value;
      return async (input: Record<string, unknown> | undefined) => {
        const named = input?.fromUserId ?? input?.userId;
        const token = await tokens.issue(isPositiveInt32(named) ? named : fallbackUserId);
        return CallerCredential.run(token, () => (value as (arg: unknown) => Promise<unknown>).call(target, input));
      };
    },
  });
