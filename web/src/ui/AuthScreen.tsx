import { useState } from 'preact/hooks';
import { describeError } from '../api/api-error';
import type { AuthSession } from '../api/auth-session';
import { Field } from './Field';

type Mode = 'sign-in' | 'create';

/** Sign in, or create an account (and be signed in right away). */
export const AuthScreen = ({ auth }: { auth: AuthSession }) => {
  const [mode, setMode] = useState<Mode>('sign-in');
  const [username, setUsername] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      if (mode === 'create') await auth.createAccount(username.trim(), email.trim(), password);
      else await auth.signIn(username.trim(), password);
    } catch (error) {
      setProblem(describeError(error));
      setBusy(false);
    }
  };
  const creating = mode === 'create';
  return (
    <main class="auth">
      <h1>ChatterRoom</h1>
      <form class="card" onSubmit={submit} aria-labelledby="auth-title">
        <h2 id="auth-title">{creating ? 'Create your account' : 'Sign in'}</h2>
        <Field label="Username" value={username} onInput={setUsername} autoComplete="username" required minLength={3} maxLength={32} />
        {creating && <Field label="Email" type="email" value={email} onInput={setEmail} autoComplete="email" required />}
        <Field
          label="Password"
          type="password"
          value={password}
          onInput={setPassword}
          autoComplete={creating ? 'new-password' : 'current-password'}
          required
          minLength={creating ? 8 : 1}
        />
        {problem !== undefined && (
          <p class="problem" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {creating ? 'Create account' : 'Sign in'}
        </button>
        <button
          type="button"
          class="link"
          onClick={() => {
            setMode(creating ? 'sign-in' : 'create');
            setProblem(undefined);
          }}
        >
          {creating ? 'I already have an account' : 'I am new here'}
        </button>
      </form>
    </main>
  );
};
