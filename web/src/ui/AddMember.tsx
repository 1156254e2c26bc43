import { useState } from 'preact/hooks';
import { Field } from './Field';

/** Adds a person to the open room by their user ID (the server says when the caller's role does not allow it). */
export const AddMember = ({ onAdd }: { onAdd: (who: string) => Promise<boolean> }) => {
  const [who, setWho] = useState('');
  return (
    <form
      class="inline-form add-member"
      onSubmit={async (event) => {
        event.preventDefault();
        if (await onAdd(who)) setWho('');
      }}
    >
      <Field label="User ID to add" value={who} onInput={setWho} inputMode="numeric" required />
      <button type="submit">Add member</button>
    </form>
  );
};
