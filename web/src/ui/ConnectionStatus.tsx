import { useEffect, useState } from 'preact/hooks';
import type { ConnectionState } from '../api/chat-socket';

const text = (state: ConnectionState, now: number): string => {
  switch (state.status) {
    case 'online':
      return 'Online';
    case 'connecting':
      return 'Connecting…';
    case 'catching-up':
      return 'Catching up…';
    case 'offline':
      return 'Offline: waiting for the network';
    case 'reconnecting': {
      const seconds = Math.max(0, Math.ceil((state.retryAt - now) / 1000));
      return seconds > 0 ? `Reconnecting in ${seconds} s` : 'Reconnecting…';
    }
  }
};

/** The live connection's state, announced politely to screen readers when it changes. */
export const ConnectionStatus = ({ state }: { state: ConnectionState }) => {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (state.status !== 'reconnecting') return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [state]);
  return (
    <span class={`connection ${state.status}`} role="status" aria-label="Connection">
      <span class="dot" aria-hidden="true" />
      {text(state, now)}
    </span>
  );
};
