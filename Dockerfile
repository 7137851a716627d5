# syntax=docker/dockerfile:1
# One image for api, realtime, worker and the migration job; docker-compose.yml picks the entry point.
# Node 22: nestjs-pino 5 declares node >= 22.12 (it runs on 20.19+, which development machines may have).
ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# The lock file comes from npm 11, whose `allowScripts` policy in package.json decides which install scripts run.
RUN npm install --global npm@11.19.1 --no-audit --no-fund
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json tsconfig.build.json ./
COPY libs ./libs
COPY apps ./apps
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE}
ENV NODE_ENV=production
WORKDIR /app
# package.json marks dist/ as ES modules ("type": "module"). Files stay root-owned: the app only reads them.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000 3001 3002
CMD ["node", "dist/apps/api/src/main.js"]
