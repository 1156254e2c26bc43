/** GraphQL clients for the system suite (bound to its test users) and the gateway's own tests. */
export { GraphqlHttpClient, errorCodes, type GraphqlResponse } from './graphql-http-client';
export { GraphqlSubscriber, LiveSubscription, type Ending, type Result, type ResultPredicate } from './graphql-subscriber';
export { untilDelivering, messageTextOf, withText, type ProbeOptions } from './delivery-probe';
export { graphqlHttpUrl, graphqlWsUrl, graphqlOf, subscriberOf } from './graphql-endpoints';
export { graphqlFor, anonymousGraphql, subscriberFor, subscriberWith } from './test-user-clients';
