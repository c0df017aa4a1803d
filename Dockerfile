# Build: a static binary (pure-Go SQLite, no cgo), embedded migrations,
# area codes and zone data.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/santunan .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/santunan /santunan
ENV SANTUNAN_ADDR=:8080 \
    SANTUNAN_SQLITE_PATH=/data/santunan.db
VOLUME ["/data"]
EXPOSE 8080
USER nonroot:nonroot
ENTRYPOINT ["/santunan"]
CMD ["serve"]
