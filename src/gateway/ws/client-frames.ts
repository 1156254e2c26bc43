import { DomainError, validationFailed } from '@chatterroom/kernel';
import { inputFieldsOf, type InputFields } from '../api/input-fields';
import type { FrameId } from './server-frames';

/** A client frame once parsed: its type, its optional id, and all its fields. */
export interface ClientFrame {
  readonly type: string;
  readonly id?: FrameId;
  readonly fields: InputFields;
}

/** A frame that could not be read; `id` is set when the frame had a usable one. */
export class FrameRejection {
  constructor(
    readonly error: DomainError,
    readonly id?: FrameId,
  ) {}
}

const isFrameId = (value: unknown): value is FrameId =>
  typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

/** Reads one text frame: JSON, an object, an optional string-or-number id, a string type. */
export const parseClientFrame = (text: string): ClientFrame | FrameRejection => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return new FrameRejection(new DomainError('INVALID_JSON', 'invalid', 'The frame is not valid JSON'));
  }
  let fields: InputFields;
  try {
    fields = inputFieldsOf(parsed, 'frame');
  } catch (error) {
    return new FrameRejection(error as DomainError);
  }
  const { id, type } = fields;
  if (id !== undefined && !isFrameId(id)) return new FrameRejection(validationFailed('id must be a string or a number'));
  if (typeof type !== 'string') return new FrameRejection(validationFailed('type must be a string'), id);
  return id === undefined ? { type, fields } : { type, id, fields };
};
