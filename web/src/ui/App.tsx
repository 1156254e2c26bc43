import { useEffect, useState } from 'preact/hooks';
import type { AuthSession } from '../api/auth-session';
import { AuthScreen } from './AuthScreen';
import { ChatScreen } from './ChatScreen';

/** Signed out: the sign-in / create-account screen; signed in: the chats. Follows other tabs' sign-in and sign-out. */
export const App = ({ auth }: { auth: AuthSession }) => {
  const [session, setSession] = useState(auth.session);
  useEffect(() => auth.subscribe(() => setSession(auth.session)), [auth]);
  if (session === undefined) return <AuthScreen auth={auth} />;
  return <ChatScreen key={`${session.userId}:${session.sessionId}`} auth={auth} me={{ userId: session.userId, username: session.username }} />;
};
