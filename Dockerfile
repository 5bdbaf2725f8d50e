# The Readout Discord bot. Build: docker build -t readout .
# Run:   docker run --env-file .env -v "$PWD/corpus:/app/corpus:ro" readout
FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
# No scripts yet: `prepare` compiles the sources, which are not copied until the next step.
RUN npm ci --ignore-scripts
COPY . .
# Compiled JavaScript in dist/ (bin/start.js runs it), then the compiler and test tools go.
RUN npm run build && npm prune --omit=dev
# The cache of the parsed corpus lives beside the corpus folder; the corpus itself may be read-only.
RUN mkdir -p /app/.readout-cache && chown node:node /app/.readout-cache
USER node
ENV NODE_ENV=production
# node is PID 1 and receives docker stop's SIGTERM itself (no npm or shell in between).
STOPSIGNAL SIGTERM
CMD ["node", "bin/start.js"]
