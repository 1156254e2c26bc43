import { useState } from 'preact/hooks';
import type { ChatStore } from '../state/chat-store';
import { RoomAdmin } from '../state/room-admin';
import { Field } from './Field';
import { attempt } from './attempt';

type Person = { readonly userId: number; readonly username: string };

/**
 * "Add member": a person by username (or user ID) into room `roomId`. A username that
 * matches one person exactly adds them at once; otherwise the people whose username starts
 * with it are listed, each with its own Add button.
 */
export const AddMember = ({ store, roomId }: { store: ChatStore; roomId: number }) => {
  const rooms = RoomAdmin.of(store.session);
  const [who, setWho] = useState('');
  const [found, setFound] = useState<readonly Person[] | undefined>();
  const [added, setAdded] = useState<string | undefined>();

  const add = async (person: Person) => {
    if (await attempt(store, () => rooms.addMember(roomId, person.userId))) {
      setAdded(`${person.username} was added.`);
      setWho('');
      setFound(undefined);
    }
  };
  const submit = async () => {
    setAdded(undefined);
    const people = await store.searchPeople(who);
    if (people === undefined) return;
    const wanted = who.trim().replace(/^#/, '').toLowerCase();
    const exact = people.find((person) => person.username.toLowerCase() === wanted || String(person.userId) === wanted);
    if (exact !== undefined) await add(exact);
    else setFound(people);
  };

  return (
    <div class="add-member">
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Field label="Person to add" value={who} onInput={setWho} placeholder="Username or ID" required maxLength={32} />
        <button type="submit">Add member</button>
      </form>
      <p class="muted" role="status">
        {added ?? ''}
      </p>
      {found !== undefined && (
        <ul class="found" aria-label="People to add">
          {found.length === 0 && <li class="muted">Nobody by that name.</li>}
          {found.map((person) => (
            <li key={person.userId}>
              <button type="button" class="link" onClick={() => void add(person)}>
                Add {person.username}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};
