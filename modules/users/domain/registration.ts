import type { AuthenticateUserInput, RegisterUserInput } from '../contracts';
import { parseEmail } from './email';
import { inputFields, requireString } from './input-fields';
import { parsePassword } from './password';
import { parseUsername } from './username';

/**
 * Checks a registration request field by field (username, email, password) and
 * returns it ready to store: username as given, email lower-cased.
 * @throws DomainError VALIDATION_FAILED naming the first offending field
 */
export const parseRegistration = (input: unknown): RegisterUserInput => {
  const fields = inputFields(input);
  return {
    username: parseUsername(fields.username),
    email: parseEmail(fields.email),
    password: parsePassword(fields.password),
  };
};

/**
 * Checks only that a sign-in request carries strings. Format rules are not applied
 * here: a malformed username or password simply matches no account.
 * @throws DomainError VALIDATION_FAILED naming the first field that is not a string
 */
export const parseCredentials = (input: unknown): AuthenticateUserInput => {
  const fields = inputFields(input);
  return {
    username: requireString(fields.username, 'username'),
    password: requireString(fields.password, 'password'),
  };
};
