# Build: compile TypeScript and the SQLite addon with the full toolchain.
FROM node:20.20.2-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

# Run: production dependencies, compiled code, the commands, migrations, the bundled plan texts,
# the GraphQL schema and the GraphiQL page script only.
FROM node:20.20.2-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DB_PATH=/data/plan.db
# plan-ingest and plan-token: npm run ingest and npm run token, compiled (tsx is not in the image).
ENV PATH=/app/bin:$PATH
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY package.json ./
COPY migrations ./migrations
COPY db/sources ./db/sources
COPY db/agency-aliases.json ./db/agency-aliases.json
COPY schema.graphql ./
COPY static ./static
RUN mkdir -p /data && chown node:node /data
USER node
# The database lives on a volume; the server builds it from db/sources on first start.
VOLUME /data
# 9464: /metrics, for the monitoring network only (METRICS_PORT); publish 3000 alone.
EXPOSE 3000 9464
HEALTHCHECK --interval=30s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--max-semi-space-size=4", "dist/server.js"]
