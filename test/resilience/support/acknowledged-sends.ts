import { eventually, uniqueSuffix, type Json, type TestUser } from '@chatterroom/test/harness/system';

/**
 * Sends one room message, retrying with the same clientMessageId until it is acknowledged (201),
 * as a careful client does while a process it depends on is down: the message is stored once
 * however many tries it takes.
 */
export const sendUntilAcknowledged = (from: TestUser, roomId: number, text: string, timeoutMs = 90_000): Promise<Json> => {
  const clientMessageId = `ack-${uniqueSuffix()}`;
  return eventually(
    async () => {
      const response = await from.http.post(`/chats/room/${roomId}`, { message: text, clientMessageId });
      if (response.status !== 201) throw new Error(`not acknowledged: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    },
    { timeoutMs, intervalMs: 200 },
  );
};
