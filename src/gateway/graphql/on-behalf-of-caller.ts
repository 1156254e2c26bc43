import type { IResolvers } from 'mercurius';
import { CallerCredential } from '@chatterroom/kernel';
import type { Caller } from './caller';

type FieldResolver = (root: unknown, args: unknown, context: { caller: Caller }, info: unknown) => unknown;

const wrapped =
  (resolve: FieldResolver): FieldResolver =>
  (root, args, context, info) =>
    CallerCredential.run(context.caller.token, () => resolve(root, args, context, info));

const wrapField = (field: unknown): unknown => {
  if (typeof field === 'function') return wrapped(field as FieldResolver);
  if (typeof field !== 'object' || field === null) return field;
  return Object.fromEntries(
    Object.entries(field).map(([key, value]) => [key, key === 'subscribe' || key === 'resolve' ? wrapField(value) : value]),
  );
};

/**
 * Every field resolver (and a subscription's `subscribe` and `resolve`) runs inside the
 * caller's {@link CallerCredential}, so the port calls it makes, and the batches it
 * starts, carry the caller's token to the services. It works the same for a request over
 * HTTP and for a subscription's events, which arrive outside any request.
 */
export const onBehalfOfCaller = (resolvers: IResolvers): IResolvers =>
  Object.fromEntries(
    Object.entries(resolvers).map(([type, fields]) => [
      type,
      Object.fromEntries(Object.entries(fields as Record<string, unknown>).map(([name, field]) => [name, wrapField(field)])),
    ]),
  ) as IResolvers;
