/** Parsed JSON as the tests read it: assertions check its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** A response as the tests look at it: status, parsed JSON body (or text), headers. */
export interface HttpResponse<T = Json> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export interface HttpRequest {
  readonly method: string;
  readonly path: string;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Sent as is (for malformed or oversized bodies); wins over `body`. */
  readonly rawBody?: string | Buffer;
  readonly headers?: Record<string, string>;
}

/** A thin fetch client bound to one gateway and, optionally, one bearer token. */
export class HttpClient {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  /** The same gateway with another token (undefined = no Authorization header). */
  withToken(token: string | undefined): HttpClient {
    return new HttpClient(this.baseUrl, token);
  }

  get<T = Json>(path: string, headers?: Record<string, string>): Promise<HttpResponse<T>> {
    return this.send<T>({ method: 'GET', path, headers });
  }

  post<T = Json>(path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpResponse<T>> {
    return this.send<T>({ method: 'POST', path, body, headers });
  }

  put<T = Json>(path: string, body?: unknown): Promise<HttpResponse<T>> {
    return this.send<T>({ method: 'PUT', path, body });
  }

  patch<T = Json>(path: string, body?: unknown): Promise<HttpResponse<T>> {
    return this.send<T>({ method: 'PATCH', path, body });
  }

  delete<T = Json>(path: string, body?: unknown): Promise<HttpResponse<T>> {
    return this.send<T>({ method: 'DELETE', path, body });
  }

  async send<T = Json>(request: HttpRequest): Promise<HttpResponse<T>> {
    const headers: Record<string, string> = {};
    if (this.token !== undefined) headers.authorization = `Bearer ${this.token}`;
    let payload: string | Buffer | undefined;
    if (request.rawBody !== undefined) {
      payload = request.rawBody;
      headers['content-type'] = 'application/json';
    } else if (request.body !== undefined) {
      payload = JSON.stringify(request.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${this.baseUrl}${request.path}`, {
      method: request.method,
      headers: { ...headers, ...request.headers },
      body: payload,
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    const isJson = (response.headers.get('content-type') ?? '').includes('json');
    return { status: response.status, body: (isJson && text !== '' ? JSON.parse(text) : text) as T, headers: response.headers };
  }
}
