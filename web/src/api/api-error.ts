/** The gateway's error body, `{statusCode, code, error, message}` (README, Errors). */
export interface ErrorBody {
  readonly statusCode: number;
  readonly code: string;
  readonly error?: string;
  readonly message: string;
}

/** A refused call: branch on `code` (stable), show `message` (for people). `code` is `NETWORK` when the server was not reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static async from(response: Response): Promise<ApiError> {
    const body = (await response.json().catch(() => undefined)) as Partial<ErrorBody> | undefined;
    return new ApiError(response.status, body?.code ?? `HTTP_${response.status}`, body?.message ?? response.statusText);
  }
}

/** A message fit for a person, whatever was thrown. */
export const describeError = (error: unknown): string =>
  error instanceof ApiError ? error.message : error instanceof Error ? error.message : String(error);
