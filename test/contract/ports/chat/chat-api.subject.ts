import { DomainError } from '@chatterroom/kernel';
import type { ErrorKind } from '@chatterroom/kernel';
import type { Conversations, MessageEditing, Messaging, RoomAdministration, RoomRegistry } from '@chatterroom/chat/contracts';

/** What the chat API suite runs against: the inbound ports and three registered users. */
export interface ChatApiSubject {
  readonly messaging: Messaging;
  readonly rooms: RoomRegistry;
  readonly conversations: Conversations;
  readonly administration: RoomAdministration;
  readonly editing: MessageEditing;
  readonly existingUserIds: [number, number, number];
  close(): Promise<void>;
}

/** A roomId or userId no test store will reach. */
export const UNKNOWN_ID = 2_147_483_647;

/** A userId that is in no room and wrote no message (random, so shared databases do not matter). */
export const strangerId = (): number => 2_000_000_000 + Math.floor(Math.random() * 100_000_000);

/** Casts a wrongly typed value into a port input, as a careless remote caller would send it. */
export const badly = <T>(value: unknown): T => value as T;

export const expectDomainError = async (call: Promise<unknown>, code: string, kind: ErrorKind): Promise<DomainError> => {
  const error = await call.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect(error).toMatchObject({ code, kind });
  return error as DomainError;
};

/** Expects VALIDATION_FAILED whose message names `field`. */
export const expectValidationFailed = async (call: Promise<unknown>, field: string | RegExp): Promise<void> => {
  const error = await expectDomainError(call, 'VALIDATION_FAILED', 'invalid');
  expect(error.message).toMatch(field);
};
