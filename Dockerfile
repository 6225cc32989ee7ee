# syntax=docker/dockerfile:1
# lexicon-bot: build the bundle in one stage, run it on Node 20 slim with production dependencies
# only, as the unprivileged `node` user. The entries are baked in at /app/entries; mount another
# folder and set ENTRIES_DIR to serve other entry files (a Kubernetes ConfigMap works: links are followed).

# --- build: all dependencies, then the esbuild bundle in dist/ ---
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build

# --- production dependencies only (install scripts run here, for native modules) ---
FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm rebuild

# --- runtime ---
FROM node:20-slim AS runtime
ENV NODE_ENV=production \
    ENTRIES_DIR=/app/entries \
    PORT=3000
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY entries ./entries
USER node
EXPOSE 3000
# /healthz answers on HEALTH_PORT when set, else on PORT.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.HEALTH_PORT || process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM stops gracefully within SHUTDOWN_TIMEOUT_MS (default 10 s); give it that long.
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js"]
