import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadSync, type Options, type PackageDefinition, type ServiceDefinition } from '@grpc/proto-loader';

/**
 * How every proto is loaded, on both sides of the wire:
 * - `keepCase`: field names stay camelCase as the protos (and the seed) write them.
 * - `longs: Number`: `int64 seq` is a JS number (seq stays far below 2^53).
 * - `defaults: true` + `arrays: true`: plain proto3 fields always have a value (0, '', false, [])
 *   while `optional` fields that were not sent stay absent, so "not set" differs from "empty"
 *   exactly where the proto says presence matters.
 * - `oneofs: false`: no virtual `_field` properties for the synthetic oneofs of `optional`.
 */
export const PROTO_LOADER_OPTIONS: Options = {
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
  arrays: true,
  oneofs: false,
};

export type ProtoFile = 'users.proto' | 'chat.proto';

/** A loaded proto and one of its services. */
export interface ProtoService {
  readonly packageDefinition: PackageDefinition;
  /** Fully qualified, as health checks and reflection name it: `chatterroom.users.v1.UserService`. */
  readonly serviceName: string;
  readonly definition: ServiceDefinition;
}

/**
 * The `proto/` folder, found upwards from this file: `<repo>/proto` when run from the
 * TypeScript sources, and `dist/proto` or `<app>/proto` next to `dist/` when run compiled.
 */
export const protoDirectory = (start: string = __dirname): string => {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'proto', 'users.proto'))) return join(dir, 'proto');
    if (dirname(dir) === dir) throw new Error(`No proto/ folder found above ${start}`);
  }
};

const loaded = new Map<ProtoFile, PackageDefinition>();

/** Loads (once per process) one of the project's protos. */
export const loadProto = (file: ProtoFile): PackageDefinition => {
  let definition = loaded.get(file);
  if (definition === undefined) {
    const dir = protoDirectory();
    definition = loadSync(join(dir, file), { ...PROTO_LOADER_OPTIONS, includeDirs: [dir] });
    loaded.set(file, definition);
  }
  return definition;
};

const protoService = (file: ProtoFile, serviceName: string): ProtoService => {
  const packageDefinition = loadProto(file);
  const definition = packageDefinition[serviceName];
  if (definition === undefined || 'format' in definition) {
    throw new Error(`${file} defines no service ${serviceName}`);
  }
  return { packageDefinition, serviceName, definition: definition as ServiceDefinition };
};

export const USER_SERVICE_NAME = 'chatterroom.users.v1.UserService';
export const CHAT_SERVICE_NAME = 'chatterroom.chat.v1.ChatService';

export const userServiceProto = (): ProtoService => protoService('users.proto', USER_SERVICE_NAME);
export const chatServiceProto = (): ProtoService => protoService('chat.proto', CHAT_SERVICE_NAME);
