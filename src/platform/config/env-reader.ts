import { readFileSync } from 'node:fs';
import { FILE_SUFFIX, SECRET_VARIABLES } from './secret-variables';

/** Thrown at start-up when a variable is missing or malformed; the message names it. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Typed, validated access to environment variables. Every failure names the variable. */
export class EnvReader {
  constructor(private readonly env: Env) {}

  string(name: string, fallback?: string): string {
    const value = this.optional(name) ?? fallback;
    if (value === undefined) throw new ConfigError(`${nameOf(name)} is required but not set`);
    return value;
  }

  /**
   * The trimmed value, undefined when unset or empty. A secret variable (see
   * {@link SECRET_VARIABLES}) may come from the file named by `<NAME>_FILE` instead.
   */
  optional(name: string): string | undefined {
    const value = this.present(name);
    if (!SECRET_VARIABLES.includes(name)) return value;
    const fileVariable = `${name}${FILE_SUFFIX}`;
    const path = this.present(fileVariable);
    if (path === undefined) return value;
    if (value !== undefined) throw new ConfigError(`${name} and ${fileVariable} are both set: set only one of them`);
    return readSecretFile(fileVariable, path);
  }

  private present(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  integer(name: string, fallback: number, range: { min: number; max: number }): number {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw) || value < range.min || value > range.max) {
      throw new ConfigError(`${name} must be an integer from ${range.min} to ${range.max}, got "${raw}"`);
    }
    return value;
  }

  url(name: string, protocols: readonly string[], fallback?: string): string {
    const value = this.string(name, fallback);
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      throw new ConfigError(`${nameOf(name)} must be a URL (${protocols.join(' or ')}), got ${shown(name, value)}`);
    }
    if (!protocols.includes(parsed.protocol.replace(/:$/, ''))) {
      throw new ConfigError(`${nameOf(name)} must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
    }
    return value;
  }

  optionalUrl(name: string, protocols: readonly string[]): string | undefined {
    return this.optional(name) === undefined ? undefined : this.url(name, protocols);
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.optional(name) ?? fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
    }
    return value as T;
  }

  secret(name: string, minLength: number): string {
    const value = this.string(name);
    if (value.length < minLength) throw new ConfigError(`${nameOf(name)} must be at least ${minLength} characters`);
    return value;
  }
}

/** A variable's name in a message: a secret one says it may come from a file too. */
const nameOf = (name: string): string => (SECRET_VARIABLES.includes(name) ? `${name} (or ${name}${FILE_SUFFIX})` : name);

/** A value in a message: never a secret one's. */
const shown = (name: string, value: string): string => (SECRET_VARIABLES.includes(name) ? 'a value that is not one' : `"${value}"`);

/** The content of a secret file, without surrounding whitespace (a trailing newline, typically). */
const readSecretFile = (variable: string, path: string): string => {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ConfigError(`${variable} names a file that cannot be read: ${path} (${reason})`);
  }
  const value = content.trim();
  if (value === '') throw new ConfigError(`${variable} names an empty file: ${path}`);
  return value;
};
