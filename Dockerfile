# syntax=docker/dockerfile:1

# Build stage: every dependency (TypeScript included), then src/ compiled to dist/.
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# The embedded fake serves demo mode only, which a production image has no use for: it stays out.
RUN npm run build && rm -rf dist/fake-upstream

# Runtime stage: production dependencies only, the compiled code, and the SDL files the server
# reads at start (dist/server.js looks for them in ../schema/). Node 24 is the current LTS.
FROM node:24-slim
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY schema ./schema
# The files stay owned by root: the process can read its code but never rewrite it.
USER node
EXPOSE 4000
# The slim image has no curl; Node has fetch. Any answer but 200 from /health is unhealthy.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT || 4000}/health`).then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))"]
# Exec form, so that node is PID 1 and receives SIGTERM for the graceful shutdown.
CMD ["node", "dist/main.js"]
