import type { HttpResponse, Json } from './http-client';

/**
 * Asserts an HTTP error answer: the status, and a body of exactly
 * {statusCode, code, error, message} carrying that status and code.
 */
export const expectError = (response: HttpResponse, statusCode: number, code: string): void => {
  expect({ status: response.status, body: response.body }).toEqual({
    status: statusCode,
    body: { statusCode, code, error: expect.any(String), message: expect.any(String) },
  });
};

/** An ISO-8601 UTC timestamp. */
export const isoTimestamp = (): Json => expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);

/** A messageId: a non-empty string. */
export const anId = (): Json => expect.stringMatching(/.+/);
