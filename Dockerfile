# The Readout Discord bot. Build: docker build -t readout .
# Run:   docker run --env-file .env -v "$PWD/corpus:/app/corpus:ro" readout
FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
# No scripts yet: `prepare` compiles the sources, which are not copied until the next step.
RUN npm ci --ignore-scripts
COPY . .
# Install scripts skipped above run now (better-sqlite3's native binary), then the compiled
# JavaScript in dist/ (bin/start.js runs it), then the compiler and test tools go.
RUN npm rebuild && npm run build && npm prune --omit=dev
# The cache of the parsed corpus and the settings database (DATA_DIR) live beside the corpus
# folder; the corpus itself may be read-only. Mount a volume on /app/.readout-data to keep the
# servers' settings across containers.
RUN mkdir -p /app/.readout-cache /app/.readout-data && chown node:node /app/.readout-cache /app/.readout-data
USER node
ENV NODE_ENV=production
# node is PID 1 and receives docker stop's SIGTERM itself (no npm or shell in between).
STOPSIGNAL SIGTERM
CMD ["node", "bin/start.js"]
