# The Readout Discord bot. Build: docker build -t readout .
# Run:   docker run --env-file .env -v "$PWD/corpus:/app/corpus:ro" readout
FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
# The cache of the parsed corpus lives beside the corpus folder; the corpus itself may be read-only.
RUN mkdir -p /app/.readout-cache && chown node:node /app/.readout-cache
USER node
ENV NODE_ENV=production
# node is PID 1 and receives docker stop's SIGTERM itself (no npm or shell in between).
STOPSIGNAL SIGTERM
CMD ["node", "bin/start.js"]
