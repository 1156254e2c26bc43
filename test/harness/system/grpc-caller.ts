import { Client, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import { chatServiceProto, userServiceProto, type ProtoService } from '@chatterroom/platform/grpc/proto-files';
import type { Json } from './http-client';
import { grpcChannelCredentials } from './readiness';
import type { GrpcClientTlsFiles } from './sut-endpoints';
import { grpcServices } from './system';

/** An answer as the attacker sees it: the status name, the stable code of a failure, the reply of a success. */
export interface GrpcAnswer {
  readonly status: string;
  readonly code?: string;
  readonly reply?: Json;
}

/**
 * A bare gRPC client of one of the target's services, for talking to it directly, past the
 * gateways: it sends exactly the metadata a test gives (none, a forged token, someone else's).
 */
export class GrpcCaller {
  private readonly client: Client;

  /** Plaintext without `tls`; mTLS with those files. */
  constructor(
    address: string,
    private readonly proto: ProtoService,
    tls?: GrpcClientTlsFiles,
  ) {
    this.client = new Client(address, grpcChannelCredentials(tls));
  }

  /** The system target's user service (over mTLS, with a gateway's certificate, when it runs mTLS). */
  static users(): GrpcCaller {
    return new GrpcCaller(grpcServices().usersGrpcAddress, userServiceProto(), grpcServices().tls);
  }

  /** The system target's chat service (likewise). */
  static chat(): GrpcCaller {
    return new GrpcCaller(grpcServices().chatGrpcAddress, chatServiceProto(), grpcServices().tls);
  }

  /** Calls `method` with `authorization` metadata when given (e.g. `Bearer <token>`). */
  call(method: string, request: object, authorization?: string): Promise<GrpcAnswer> {
    const definition = this.proto.definition[method] as MethodDefinition<object, Json> | undefined;
    if (definition === undefined) throw new Error(`${this.proto.serviceName} has no method ${method}`);
    const metadata = new Metadata();
    if (authorization !== undefined) metadata.set('authorization', authorization);
    return new Promise((resolve) => {
      this.client.makeUnaryRequest(
        definition.path,
        definition.requestSerialize,
        definition.responseDeserialize,
        request,
        metadata,
        { deadline: Date.now() + 10_000 },
        (error: ServiceError | null, reply?: Json) => {
          if (error === null) return resolve({ status: 'OK', reply });
          const code = error.metadata?.get('x-error-code')[0];
          resolve({ status: status[error.code] ?? String(error.code), ...(typeof code === 'string' ? { code } : {}) });
        },
      );
    });
  }

  close(): void {
    this.client.close();
  }
}
