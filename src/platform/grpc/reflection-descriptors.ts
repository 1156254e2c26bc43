import type { PackageDefinition } from '@grpc/proto-loader';
import { FileDescriptorProto, type IDescriptorProto } from 'protobufjs/ext/descriptor';

/** `statuses` -> `StatusesEntry`, `user_ids` -> `UserIdsEntry`: the name protoc gives a map field's entry type. */
const entryNameOf = (fieldName: string): string =>
  `${fieldName.replace(/(?:^|_)([a-z0-9])/g, (_whole, letter: string) => letter.toUpperCase())}Entry`;

const repairMessage = (message: IDescriptorProto): void => {
  for (const nested of message.nestedType ?? []) {
    repairMessage(nested);
    if (nested.options?.mapEntry !== true) continue;
    const field = message.field?.find((candidate) => candidate.typeName === nested.name);
    if (field?.name === undefined || field.name === null) continue;
    nested.name = entryNameOf(field.name);
    field.typeName = nested.name;
  }
};

const repaired = new Map<Buffer, Buffer>();

const repairFile = (bytes: Buffer): Buffer => {
  let fixed = repaired.get(bytes);
  if (fixed === undefined) {
    const file = FileDescriptorProto.decode(bytes) as unknown as { messageType?: IDescriptorProto[] };
    for (const message of file.messageType ?? []) repairMessage(message);
    fixed = Buffer.from(FileDescriptorProto.encode(file as never).finish());
    repaired.set(bytes, fixed);
  }
  return fixed;
};

/**
 * The descriptors server reflection hands out, with map entry types named as protoc names
 * them. proto-loader (protobufjs) names a map field's entry type after the field
 * (`Statuses`), which grpcurl and other reflection clients refuse ("invalid map: incorrect
 * implicit map entry name") — it broke every call to grpc.health.v1.Health through reflection.
 */
export const withProtocMapEntryNames = (definition: PackageDefinition): PackageDefinition =>
  Object.fromEntries(
    Object.entries(definition).map(([name, entry]) => [
      name,
      'fileDescriptorProtos' in entry && Array.isArray(entry.fileDescriptorProtos)
        ? { ...entry, fileDescriptorProtos: entry.fileDescriptorProtos.map(repairFile) }
        : entry,
    ]),
  ) as PackageDefinition;
