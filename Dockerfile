# Build: a static binary (pure-Go SQLite, no cgo), embedded migrations,
# area codes and zone data.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/santunan . && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/santunan /santunan
# The embedded SQLite (used when DATABASE_URL is empty) writes here as the
# non-root user.
COPY --from=build --chown=65532:65532 /out/data /data
ENV SANTUNAN_ADDR=:8080 \
    SANTUNAN_SQLITE_PATH=/data/santunan.db
VOLUME ["/data"]
EXPOSE 8080
USER nonroot:nonroot
ENTRYPOINT ["/santunan"]
CMD ["serve"]
