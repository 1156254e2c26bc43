import { useState } from 'preact/hooks';
import type { ChatStore } from '../state/chat-store';
import { Field } from './Field';

type Person = { readonly userId: number; readonly username: string };

/** "Search people" by username prefix (or user ID); each person found is a button that opens the private chat. */
export const PeopleSearch = ({ store }: { store: ChatStore }) => {
  const [text, setText] = useState('');
  const [found, setFound] = useState<readonly Person[] | undefined>();
  return (
    <div class="people-search">
      <form
        class="inline-form"
        role="search"
        aria-label="People"
        onSubmit={async (event) => {
          event.preventDefault();
          setFound(await store.searchPeople(text));
        }}
      >
        <Field label="Search people" value={text} onInput={setText} placeholder="Username or ID" required maxLength={32} />
        <button type="submit">Search</button>
      </form>
      {found !== undefined && (
        <ul class="found" aria-label="People found">
          {found.length === 0 && <li class="muted">Nobody by that name.</li>}
          {found.map((person) => (
            <li key={person.userId}>
              <button
                type="button"
                class="link"
                onClick={async () => {
                  await store.openPrivateChat(person);
                  setFound(undefined);
                  setText('');
                }}
              >
                Chat with {person.username}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};
