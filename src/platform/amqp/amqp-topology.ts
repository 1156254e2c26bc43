import { validationFailed, type Subscription } from '@chatterroom/kernel';

/**
 * How subscriptions map onto a topic exchange. Event types are dotted
 * (`chat.message-posted.v1`), so an exact type is bound as-is and a module prefix
 * `chat.*` is bound as `chat.#` (any number of further words).
 */
export const bindingKeyFor = (pattern: string): string => (pattern.endsWith('.*') ? `${pattern.slice(0, -2)}.#` : pattern);

/** The durable queue a group's members share. */
export const groupQueueName = (exchange: string, group: string): string => `${exchange}.${group}`;

const TYPE_PATTERN = /^[\w-]+(\.[\w-]+)*(\.\*)?$/;
const GROUP_NAME = /^[\w.-]{1,200}$/;
const MAX_ROUTING_KEY_BYTES = 255;

export const assertValidSubscription = ({ types, delivery }: Subscription): void => {
  if (!Array.isArray(types) || types.length === 0) throw validationFailed('A subscription needs at least one event type');
  const bad = types.find((type) => typeof type !== 'string' || !TYPE_PATTERN.test(type) || type.length > MAX_ROUTING_KEY_BYTES);
  if (bad !== undefined) throw validationFailed(`Not an event type or module prefix: ${String(bad)}`);
  if (delivery?.mode === 'broadcast') return;
  if (delivery?.mode !== 'group' || !GROUP_NAME.test(delivery.group)) {
    throw validationFailed('delivery must be broadcast, or group with a name of letters, digits, ".", "_" or "-"');
  }
};

export const assertPublishableType = (type: unknown): string => {
  if (typeof type !== 'string' || type.length === 0 || Buffer.byteLength(type) > MAX_ROUTING_KEY_BYTES) {
    throw validationFailed('An integration event needs a type of 1 to 255 bytes');
  }
  return type;
};
