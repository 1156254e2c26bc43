# syntax=docker/dockerfile:1
# One image, four process roles: the first argument picks one
# (monolith | gateway | user-service | chat-service), e.g. `docker run chatterroom gateway`.
ARG NODE_IMAGE=node:24-bookworm-slim

# --- build: all dependencies, TypeScript compiled and the web client bundled to dist/ -
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY proto ./proto
COPY modules ./modules
COPY src ./src
# npm run build: tsc, then GraphiQL's assets copied from node_modules into dist/graphiql, and the
# web client (web/) bundled into dist/web, which the gateway serves at /
COPY web ./web
COPY scripts/build ./scripts/build
RUN npm run build

# --- production: runtime dependencies, compiled code, protos; runs as `node` ---------
FROM ${NODE_IMAGE} AS production
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY proto ./proto
COPY deploy/healthcheck ./deploy/healthcheck
# The monolith's SQLite files (DATA_DIR): owned by `node`, so a named volume mounted here
# starts out writable for it (docker-compose.yml mounts one).
RUN mkdir -p /app/data && chown node:node /app/data
ENV DATA_DIR=/app/data
USER node
# 3000: HTTP/WebSocket (monolith, gateway); 50051: user-service gRPC; 50052: chat-service gRPC.
EXPOSE 3000 50051 50052
# No HEALTHCHECK here: HTTP roles and gRPC roles need different probes, so each compose
# service declares its own (deploy/healthcheck/http-health-check.cjs or grpc-health-check.cjs).
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "dist/src/main.js"]
CMD ["monolith"]
