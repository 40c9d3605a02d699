# One image for the API, the worker and migrations (docker-compose.yml picks the command).
FROM node:20-bookworm-slim AS designer
WORKDIR /src/designer
COPY designer/package.json designer/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY designer/ ./
RUN npm run build

FROM python:3.11-slim-bookworm
WORKDIR /app
COPY pyproject.toml README.md ./
COPY engine/ engine/
COPY workflows/ workflows/
COPY activities/ activities/
COPY api/ api/
COPY cli/ cli/
RUN pip install --no-cache-dir .
COPY --from=designer /src/designer/dist /app/designer/dist
ENV SWITCHBOARD_DESIGNER_DIST=/app/designer/dist
# Nothing runs as root: the services need no privilege and write nothing inside the image.
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin switchboard
USER switchboard
EXPOSE 8000
