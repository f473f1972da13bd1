# Multi-stage build: the SPA, then the server, then a small runtime image.
FROM node:20-bookworm-slim AS spa
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
COPY openapi/ /src/openapi/
RUN npm run build

FROM rust:1.95-bookworm AS server
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY crates/ crates/
COPY tests/ tests/
COPY migrations/ migrations/
COPY openapi/ openapi/
RUN cargo build --release -p linli

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* && useradd --system --uid 10001 linli
COPY --from=server /src/target/release/linli /usr/local/bin/linli
COPY --from=spa /src/frontend/dist /srv/linli/spa
ENV LINLI_BIND=0.0.0.0:8080 LINLI_STATIC_DIR=/srv/linli/spa RUST_LOG=info
USER linli
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s CMD curl -fs http://127.0.0.1:8080/readyz || exit 1
# Migrations, then the demo district only when LINLI_DEMO=1, then the server.
CMD ["linli", "start"]
