import { gateway, type TestUser } from '../system';
import { graphqlOf, graphqlWsUrl, subscriberOf } from './graphql-endpoints';
import type { GraphqlHttpClient } from './graphql-http-client';
import { GraphqlSubscriber } from './graphql-subscriber';

/** `user`'s GraphQL over HTTP, with their token, on their gateway or gateway `gatewayIndex`. */
export const graphqlFor = (user: TestUser, gatewayIndex = user.gatewayIndex): GraphqlHttpClient =>
  graphqlOf(gateway(gatewayIndex).httpUrl, user.token);

/** GraphQL over HTTP without a token, on gateway `gatewayIndex`. */
export const anonymousGraphql = (gatewayIndex = 0): GraphqlHttpClient => graphqlOf(gateway(gatewayIndex).httpUrl);

/** A graphql-ws client of `user` (token in connection_init), on their gateway or gateway `gatewayIndex`. */
export const subscriberFor = (user: TestUser, gatewayIndex = user.gatewayIndex): GraphqlSubscriber =>
  subscriberOf(gateway(gatewayIndex).httpUrl, user.token);

/** A graphql-ws client on gateway `gatewayIndex` with any connection_init payload. */
export const subscriberWith = (connectionParams: Record<string, unknown>, gatewayIndex = 0): GraphqlSubscriber =>
  new GraphqlSubscriber(graphqlWsUrl(gateway(gatewayIndex).httpUrl), connectionParams);
