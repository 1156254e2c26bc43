import { readGrpcAddress } from '../config/app-config';
import { grpcTargetsOf, hostAndPortOf } from './grpc-targets';

describe('gRPC address settings', () => {
  it.each([
    ['user-service:50051', ['user-service:50051']],
    ['dns:///chat-service:50052', ['dns:///chat-service:50052']],
    ['10.0.0.1:1, 10.0.0.2:2', ['10.0.0.1:1', '10.0.0.2:2']],
    ['a:1,dns:///b:2', ['a:1', 'dns:///b:2']],
    ['[::1]:50052', ['[::1]:50052']],
  ])('reads %s as the targets %j', (address, targets) => {
    expect(grpcTargetsOf(address)).toEqual(targets);
    expect(readGrpcAddress({ CHAT_GRPC_ADDRESS: address }, 'CHAT_GRPC_ADDRESS')).toBe(address);
  });

  it.each(['chat-service', 'http://chat-service:50052', 'dns://8.8.8.8/chat:1', 'a:1,,b:2', 'a:0', 'a:70000', 'a b:1', 'unix:/tmp/x'])(
    'refuses %s naming the variable and the accepted forms',
    (address) => {
      expect(grpcTargetsOf(address)).toBeUndefined();
      expect(() => readGrpcAddress({ CHAT_GRPC_ADDRESS: address }, 'CHAT_GRPC_ADDRESS')).toThrow(
        /CHAT_GRPC_ADDRESS must be host:port, dns:\/\/\/host:port, or a comma-separated list of them/,
      );
    },
  );

  it('says which host and port a target dials', () => {
    expect(hostAndPortOf('dns:///chat-service:50052')).toEqual({ host: 'chat-service', port: 50052 });
    expect(hostAndPortOf('[::1]:7')).toEqual({ host: '::1', port: 7 });
  });
});
