import { ChatSocket, type ConnectOptions } from './chat-socket';
import { HttpClient } from './http-client';
import type { GatewayEndpoint, SutEndpoints } from './sut-endpoints';
import { gateway } from './system';
import { uniqueSuffix, uniqueUsername } from './unique';

/** A registered, signed-in user whose clients are bound to one gateway. */
export interface TestUser {
  readonly userId: number;
  readonly username: string;
  readonly email: string;
  readonly password: string;
  readonly token: string;
  /** The gateway this user's clients use by default. */
  readonly gatewayIndex: number;
  /** HTTP with this user's token, on the user's gateway. */
  readonly http: HttpClient;
  /** A socket with this user's token, on the user's gateway or `options.gateway`, after `ready`. */
  ws(options?: ConnectOptions & { readonly gateway?: number }): Promise<ChatSocket>;
}

let usersCreated = 0;

/** HTTP without a token, on gateway `index` (modulo the number of gateways). */
export const anonymous = (index = 0): HttpClient => new HttpClient(gateway(index).httpUrl);

/** The fields of a valid, unused registration. */
export const newRegistration = (label = 'user') => {
  const username = uniqueUsername(label);
  return { username, email: `${username.toLowerCase()}@example.test`, password: `pw-${uniqueSuffix()}-secret` };
};

const signUp = async (index: number, gatewayAt: (index: number) => GatewayEndpoint): Promise<TestUser> => {
  const client = new HttpClient(gatewayAt(index).httpUrl);
  const registration = newRegistration();
  const created = await client.post('/users/create', registration);
  if (created.status !== 201) throw new Error(`newUser: /users/create answered ${created.status} ${JSON.stringify(created.body)}`);
  const signedIn = await client.post('/users/authenticate', { username: registration.username, password: registration.password });
  if (signedIn.status !== 200) throw new Error(`newUser: /users/authenticate answered ${signedIn.status} ${JSON.stringify(signedIn.body)}`);
  const token = signedIn.body.token as string;
  return {
    userId: created.body.userId as number,
    ...registration,
    token,
    gatewayIndex: index,
    http: client.withToken(token),
    ws: (options = {}) => ChatSocket.connect(gatewayAt(options.gateway ?? index).wsUrl, { token, ...options }),
  };
};

/**
 * Registers and signs in a fresh user. The n-th user a test file creates uses gateway
 * n % gateways, so with several gateways users of one test sit on different ones.
 */
export const newUser = async (gatewayIndex?: number): Promise<TestUser> => {
  const index = gatewayIndex ?? usersCreated;
  usersCreated += 1;
  return signUp(index, gateway);
};

/**
 * A fresh user of a target a test started itself (`endpoints` instead of the jest project's
 * target), bound to gateway `gatewayIndex` modulo its gateways.
 */
export const newUserOn = (endpoints: SutEndpoints, gatewayIndex = 0): Promise<TestUser> =>
  signUp(gatewayIndex, (index) => {
    const { gateways } = endpoints;
    if (gateways.length === 0) throw new Error('the target has no gateway');
    return gateways[((index % gateways.length) + gateways.length) % gateways.length]!;
  });

/** `count` fresh users, created one after the other (so they alternate gateways). */
export const newUsers = async (count: number): Promise<TestUser[]> => {
  const users: TestUser[] = [];
  for (let i = 0; i < count; i += 1) users.push(await newUser());
  return users;
};
