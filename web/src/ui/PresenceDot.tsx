import type { Presence } from '../state/presence';

/** A dot, green when the person is online; its text ("online", "offline", "presence unknown") is read out. */
export const PresenceDot = ({ presence }: { presence: Presence | undefined }) => {
  const status = presence?.status ?? 'unknown';
  return (
    <span class={`presence ${status}`}>
      <span class="visually-hidden">{status === 'unknown' ? 'presence unknown' : status}</span>
    </span>
  );
};

const time = (iso: string): string => {
  const at = new Date(iso);
  const today = new Date().toDateString() === at.toDateString();
  return today ? at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : at.toLocaleDateString();
};

/** "Online", or "Offline · last seen 10:32", for the header of a private chat. */
export const PresenceNote = ({ presence }: { presence: Presence | undefined }) =>
  presence === undefined ? null : (
    <span class="presence-note muted">
      <PresenceDot presence={presence} />
      <span aria-hidden="true">{presence.status === 'online' ? 'Online' : 'Offline'}</span>
      {presence.status === 'offline' && presence.lastSeenAt !== undefined && <span> · last seen {time(presence.lastSeenAt)}</span>}
    </span>
  );
