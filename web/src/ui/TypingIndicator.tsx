import { typingText } from '../state/typing';

/** "alice is typing…" under the messages: a polite live region named "Typing", present (empty) even when nobody types so changes are announced. */
export const TypingIndicator = ({ names }: { names: readonly string[] }) => (
  <p class="typing muted" role="status" aria-label="Typing" aria-live="polite">
    {typingText(names)}
  </p>
);
