/**
 * Ajv options of the route schemas, instead of fastify's lenient defaults: an unknown
 * field is refused rather than silently removed, no value is coerced (`{"name": 42}` is
 * not a name; path and query values are declared as strings with patterns), and every
 * violation is reported so one answer names all unknown fields. `verbose` hands the
 * error formatter each rule's description. Bodies are at most 64 KiB and the schemas
 * small, so collecting every error costs little.
 */
export const STRICT_VALIDATION = {
  removeAdditional: false,
  coerceTypes: false,
  useDefaults: false,
  allErrors: true,
  verbose: true,
} as const;
