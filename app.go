package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"

	"santunan/areas"
	"santunan/config"
	"santunan/database"
	"santunan/internal/wiring"
)

// app is everything a command needs, wired once from the configuration.
// The services (the engine with its guards and reserved actions, and each
// capability) come from internal/wiring, which the browser tests use too.
type app struct {
	cfg   config.Config
	log   *slog.Logger
	db    *database.DB
	areas *areas.Directory
	wiring.Services
}

// openApp reads the configuration, opens and migrates the database and
// builds the services. The caller closes app.db.
func openApp(ctx context.Context, getenv func(string) string, logOut io.Writer) (*app, error) {
	cfg, err := config.FromEnv(getenv)
	if err != nil {
		return nil, fmt.Errorf("configuration: %w", err)
	}
	log := slog.New(slog.NewJSONHandler(logOut, &slog.HandlerOptions{Level: cfg.LogLevel}))
	dir, err := areas.Load()
	if err != nil {
		return nil, fmt.Errorf("area codes: %w", err)
	}
	if !dir.HasVillages(cfg.RegencyCode) {
		return nil, fmt.Errorf("configuration: SANTUNAN_REGENCY_CODE %s: no desa/kelurahan list for this regency", cfg.RegencyCode)
	}
	db, err := database.Open(ctx, database.Options{URL: cfg.DatabaseURL, SQLitePath: cfg.SQLitePath})
	if err != nil {
		return nil, err
	}
	n, err := db.Migrate(ctx)
	if err != nil {
		_ = db.Close()
		return nil, err
	}
	where := cfg.SQLitePath
	if cfg.DatabaseURL != "" {
		where = database.RedactURL(cfg.DatabaseURL)
	}
	log.Info("database ready", "dialect", string(db.Dialect), "at", where, "migrations_applied", n)
	return &app{cfg: cfg, log: log, db: db, areas: dir, Services: wiring.Build(db, dir, cfg, wiring.Options{Log: log})}, nil
}
