import { isSutName, readEndpoints, type GrpcServiceEndpoints, type SutEndpoints, type SutName } from './sut-endpoints';

declare global {
  /** Set by jest from the project's `globals.SUT`. */
  var SUT: unknown;
}

/** The deployment this test file runs against, as its jest project names it. */
export const sutName = (): SutName => {
  const sut = globalThis.SUT;
  if (!isSutName(sut)) throw new Error(`globals.SUT is ${String(sut)}: run the system suite through a system:* jest project`);
  return sut;
};

let cached: SutEndpoints | undefined;

/** The running target's gateways; the tests never ask which deployment it is. */
export const system = (): SutEndpoints => {
  cached ??= readEndpoints(sutName());
  if (cached.gateways.length === 0) throw new Error('the system target published no gateway');
  return cached;
};

/** Gateway `index` modulo the number of gateways, so any index names a gateway. */
export const gateway = (index: number) => {
  const { gateways } = system();
  return gateways[((index % gateways.length) + gateways.length) % gateways.length]!;
};

/** The target's gRPC services; only specs of the `grpc` capability (test/contract/system/grpc/) ask. */
export const grpcServices = (): GrpcServiceEndpoints => {
  const services = system().grpcServices;
  if (services === undefined) throw new Error('the system target runs no gRPC services: only projects with the grpc capability run this spec');
  return services;
};
