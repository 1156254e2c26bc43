import { sharedPlugin } from './shared-plugin';

/**
 * Request bodies are JSON only: any other content type is refused (415), and an empty
 * JSON body counts as no body, so `POST /rooms/1/join` works with or without `{}`.
 * Parsing itself is fastify's (prototype-poisoning safe); the size limit is the app's bodyLimit.
 */
export const jsonBodyPlugin = sharedPlugin('gateway-json-body', async (app) => {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text.length === 0) done(null, undefined);
    else parseJson(request, text, done);
  });
});
