/**
 * Variables that hold a secret, or a URL that may carry credentials. Each may instead be
 * given as `<NAME>_FILE`, the path of a file holding the value (Docker and Kubernetes
 * secrets): {@link EnvReader} reads it. Add a new secret variable here.
 */
export const SECRET_VARIABLES: readonly string[] = [
  'MONGO_URL',
  'USERS_MONGO_URL',
  'CHAT_MONGO_URL',
  'REDIS_URL',
  'AMQP_URL',
];

export const FILE_SUFFIX = '_FILE';
