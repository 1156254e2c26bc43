import { useId, useRef, useState } from 'preact/hooks';

/** The message box: Enter sends, Shift+Enter starts a new line. The text stays when a send fails. Typing calls `onTyping`. */
export const Composer = ({ onSend, onTyping }: { onSend: (text: string) => Promise<boolean>; onTyping?: () => void }) => {
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const send = async () => {
    const message = text.trim();
    if (message === '' || sending) return;
    setSending(true);
    if (await onSend(message)) setText('');
    setSending(false);
    box.current?.focus();
  };
  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <label for={id} class="visually-hidden">
        Message
      </label>
      <textarea
        id={id}
        ref={box}
        rows={1}
        maxLength={4000}
        placeholder="Write a message"
        aria-describedby={`${id}-hint`}
        value={text}
        onInput={(event) => {
          const typed = (event.target as HTMLTextAreaElement).value;
          setText(typed);
          if (typed.trim() !== '') onTyping?.();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            void send();
          }
        }}
      />
      <button type="submit" class="primary" disabled={sending}>
        Send
      </button>
      <span id={`${id}-hint`} class="visually-hidden">
        Enter sends, Shift+Enter starts a new line.
      </span>
    </form>
  );
};
