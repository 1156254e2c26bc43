import { useEffect, useState } from 'preact/hooks';
import type { RoomRole } from '../api/ws-frames';
import type { ChatStore } from '../state/chat-store';
import { RoomAdmin } from '../state/room-admin';
import { applyMemberFrame, type MemberList } from '../state/room-members';
import { memberControls } from '../state/room-permissions';
import { attempt } from './attempt';

/**
 * The room's members with their roles, a page at a time ("More members"), kept live from the
 * room.* pushes. The owner can make members admins and back; the owner and admins can remove
 * the people their role allows.
 */
export const MembersList = ({ store, roomId, role, usernames }: { store: ChatStore; roomId: number; role: RoomRole; usernames: ReadonlyMap<number, string> }) => {
  const rooms = RoomAdmin.of(store.session);
  const [list, setList] = useState<MemberList | undefined>();
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let current = true;
    setList(undefined);
    void attempt(store, async () => {
      const first = await rooms.members(roomId, undefined);
      if (current) setList(first);
    });
    const stop = store.listenToFrames((frame) => setList((known) => (known === undefined ? known : applyMemberFrame(known, roomId, frame))));
    return () => {
      current = false;
      stop();
    };
  }, [roomId]);

  const more = async () => {
    if (list?.nextAfter === undefined || loading) return;
    setLoading(true);
    await attempt(store, async () => {
      const page = await rooms.members(roomId, list.nextAfter);
      setList((known) => ({ items: [...(known?.items ?? []), ...page.items.filter((m) => !known?.items.some((k) => k.userId === m.userId))], nextAfter: page.nextAfter }));
    });
    setLoading(false);
  };

  const apply = (frame: Parameters<typeof applyMemberFrame>[2]) => setList((known) => (known === undefined ? known : applyMemberFrame(known, roomId, frame)));
  const setRole = async (userId: number, next: RoomRole) => {
    if (await attempt(store, () => rooms.setRole(roomId, userId, next))) apply({ type: 'room.role-changed', roomId, userId, role: next, byUserId: store.me.userId });
  };
  const remove = async (userId: number) => {
    if (await attempt(store, () => rooms.removeMember(roomId, userId))) apply({ type: 'room.member-removed', roomId, userId, byUserId: store.me.userId });
  };

  if (list === undefined) return <p class="muted">Loading members…</p>;
  return (
    <div class="members">
      <h3 id={`members-${roomId}`}>Members</h3>
      <ul class="member-list" aria-labelledby={`members-${roomId}`}>
        {list.items.map((member) => {
          const name = member.username ?? usernames.get(member.userId) ?? store.usernameOf(member.userId) ?? `#${member.userId}`;
          const can = memberControls(role, store.me.userId, member);
          return (
            <li key={member.userId} aria-label={name}>
              <span class="member-name">
                {name}
                {member.userId === store.me.userId && <span class="muted"> (you)</span>}
              </span>
              <span class={`role role-${member.role}`}>{member.role}</span>
              {(can.setRole || can.remove) && (
                <span class="member-controls">
                  {can.setRole && (
                    <button
                      type="button"
                      class="small"
                      onClick={() => void setRole(member.userId, member.role === 'admin' ? 'member' : 'admin')}
                    >
                      {member.role === 'admin' ? 'Make member' : 'Make admin'}
                      <span class="visually-hidden"> ({name})</span>
                    </button>
                  )}
                  {can.remove && (
                    <button type="button" class="small danger" onClick={() => void remove(member.userId)}>
                      Remove<span class="visually-hidden"> {name}</span>
                    </button>
                  )}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {list.nextAfter !== undefined && (
        <button type="button" class="wide" disabled={loading} onClick={() => void more()}>
          More members
        </button>
      )}
    </div>
  );
};
