import type { FastifySchemaValidationError } from 'fastify';
import type { SchemaErrorDataVar } from 'fastify/types/schema';
import { validationFailed, type DomainError } from '@chatterroom/kernel';

/** How a message names a field of each request part. */
const PART_NAMES: Readonly<Record<string, { field: string; whole: string }>> = {
  body: { field: 'body field', whole: 'body' },
  querystring: { field: 'query parameter', whole: 'query string' },
  params: { field: 'path parameter', whole: 'path' },
  headers: { field: 'header', whole: 'headers' },
};

const WHOLE_TYPES: Readonly<Record<string, string>> = { object: 'a JSON object', string: 'a string', integer: 'an integer', null: 'null' };

const fieldOf = (error: FastifySchemaValidationError): string | undefined =>
  error.instancePath === '' ? undefined : error.instancePath.slice(1).replaceAll('/', '.');

const describedRule = (error: FastifySchemaValidationError): string | undefined => {
  const parent = (error as { parentSchema?: { description?: unknown } }).parentSchema;
  return typeof parent?.description === 'string' ? parent.description : undefined;
};

const typeName = (error: FastifySchemaValidationError): string => {
  const type = (error.params as { type?: unknown }).type;
  const name = String(Array.isArray(type) ? type[0] : type);
  return WHOLE_TYPES[name] ?? name;
};

/** One readable sentence per schema violation; undefined for the ones another sentence covers. */
const sentenceOf = (
  error: FastifySchemaValidationError,
  part: { field: string; whole: string },
  all: readonly FastifySchemaValidationError[],
): string | undefined => {
  const field = fieldOf(error);
  const subject = field ?? part.whole;
  switch (error.keyword) {
    case 'additionalProperties':
      return undefined;
    case 'required':
      return `${field === undefined ? '' : `${field}.`}${String((error.params as { missingProperty?: unknown }).missingProperty)} is required`;
    case 'type':
      if (part.whole === 'query string' && Array.isArray((error as { data?: unknown }).data)) return `${subject} must be given once`;
      return `${subject} must be ${typeName(error)}`;
    case 'anyOf': {
      const atSamePath = all.filter((other) => other.instancePath === error.instancePath);
      if (atSamePath.some((other) => other.keyword === 'additionalProperties')) return undefined;
      const types = atSamePath.filter((other) => other.keyword === 'type').map(typeName);
      return types.length === 0 ? `${subject} is not valid` : `${subject} must be ${types.join(' or ')}`;
    }
    default: {
      const rule = describedRule(error);
      return rule === undefined ? `${subject} ${error.message ?? 'is not valid'}` : `${subject} must be ${rule}`;
    }
  }
};

const unknownNames = (errors: readonly FastifySchemaValidationError[]): string[] =>
  errors
    .filter((error) => error.keyword === 'additionalProperties')
    .map((error) => {
      const name = String((error.params as { additionalProperty?: unknown }).additionalProperty);
      const parent = fieldOf(error);
      return parent === undefined ? name : `${parent}.${name}`;
    });

/**
 * The one place where a schema violation found by fastify's validator (Ajv) becomes the
 * API's `400 VALIDATION_FAILED`, its message naming every unknown field or parameter and
 * each broken rule, e.g. `unknown body field: userId` or `roomId must be a positive 32-bit integer`.
 */
export const schemaValidationError = (errors: readonly FastifySchemaValidationError[], dataVar: SchemaErrorDataVar): DomainError => {
  const part = PART_NAMES[dataVar] ?? { field: 'field', whole: dataVar };
  const unknown = [...new Set(unknownNames(errors))];
  const sentences: string[] = [];
  if (unknown.length > 0) sentences.push(`unknown ${part.field}${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
  // an anyOf's own branches repeat what the anyOf says
  const anyOfPaths = new Set(errors.filter((error) => error.keyword === 'anyOf').map((error) => error.instancePath));
  for (const error of errors) {
    if (error.keyword !== 'anyOf' && anyOfPaths.has(error.instancePath)) continue;
    const sentence = sentenceOf(error, part, errors);
    if (sentence !== undefined && !sentences.includes(sentence)) sentences.push(sentence);
  }
  return validationFailed(sentences.length === 0 ? `the ${part.whole} is not valid` : sentences.join('; '));
};
