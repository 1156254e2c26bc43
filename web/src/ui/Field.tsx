import { useId } from 'preact/hooks';

interface FieldProps {
  readonly label: string;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly type?: 'text' | 'email' | 'password' | 'search';
  readonly autoComplete?: string;
  readonly required?: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly inputMode?: 'numeric' | 'text';
  readonly placeholder?: string;
}

/** A labelled text input: the label is its accessible name (the names are a contract, see README). */
export const Field = ({ label, value, onInput, type = 'text', ...rest }: FieldProps) => {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} type={type} value={value} onInput={(event) => onInput((event.target as HTMLInputElement).value)} {...rest} />
    </div>
  );
};
