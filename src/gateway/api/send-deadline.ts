import { RequestDeadline } from '@chatterroom/kernel';

/**
 * The `deadline` a send command carries: its request's or frame's ({@link RequestDeadline}),
 * so a send still queued when the client stops waiting is dropped before it is stored, in
 * one process as behind gRPC. Empty outside a request.
 */
export const sendDeadline = (): { deadline?: number } => {
  const deadline = RequestDeadline.current();
  return deadline === undefined ? {} : { deadline };
};
