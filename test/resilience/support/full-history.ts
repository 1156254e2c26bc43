import type { Json, TestUser } from '@chatterroom/test/harness/system';

/** Every message of a room, oldest first, read page by page (200 at a time) through HTTP. */
export const fullRoomHistory = async (user: TestUser, roomId: number): Promise<Json[]> => {
  const pages: Json[][] = [];
  for (let before: string | undefined; ; ) {
    const response = await user.http.get(`/chats/room/${roomId}/history?limit=200${before === undefined ? '' : `&before=${before}`}`);
    if (response.status !== 200) throw new Error(`room history answered ${response.status}: ${JSON.stringify(response.body)}`);
    const page = response.body as Json[];
    if (page.length === 0) break;
    pages.unshift(page);
    before = page[0].messageId as string;
  }
  return pages.flat();
};
