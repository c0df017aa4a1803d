package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"santunan/complaints"
	"santunan/internal/wiring"
)

// serve migrates, makes sure an admin exists, and serves until ctx ends
// (SIGINT/SIGTERM); requests in flight then get ShutdownTimeout to finish.
func serve(ctx context.Context, getenv func(string) string, logOut io.Writer) error {
	a, err := openApp(ctx, getenv, logOut)
	if err != nil {
		return err
	}
	defer a.db.Close()

	created, generated, err := a.Auth.EnsureAdmin(ctx, a.cfg.AdminPassword)
	if err != nil {
		return fmt.Errorf("create admin: %w", err)
	}
	if created && generated != "" {
		// Printed once, on the first start of an empty database, so that a
		// newcomer can log in. It is one-time: the first login replaces it,
		// so the copy in the logs opens nothing afterwards.
		a.log.Warn("created user admin with a random password; it is one-time: the first login must replace it", "password", generated)
	} else if created {
		a.log.Info("created user admin with the one-time password from SANTUNAN_ADMIN_PASSWORD; the first login must replace it")
	}

	// Claims filed before the calendar existed get their stage's due day.
	if n, err := a.Calendar.Backfill(ctx); err != nil {
		return fmt.Errorf("due days: %w", err)
	} else if n > 0 {
		a.log.Info("gave claims in a stage their due day", "claims", n)
	}
	if missing, err := a.Calendar.MissingYears(ctx); err == nil && len(missing) > 0 {
		a.log.Warn("the working-day calendar has no non-working day for a year it needs; the admin enters them at /staf/kalender", "years", fmt.Sprint(missing))
	}

	if a.cfg.Offices.Example {
		a.log.Warn("the offices' contacts are the built-in example; set SANTUNAN_OFFICES_FILE to the real addresses, phones and hours before serving the public")
	}

	gin.SetMode(gin.ReleaseMode)
	// Both front doors on one server: the JSON API and the pages.
	site, err := wiring.NewSite(a.Services, a.db, a.log, a.cfg)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Addr:              a.cfg.Addr,
		Handler:           site,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	// The worker that sends the heirs' messages, until shutdown.
	if err := a.Notify.Start(context.WithoutCancel(ctx)); err != nil {
		return err
	}
	// The complaints' sweep (escalation, automatic closing), until shutdown.
	sweepCtx, stopSweeps := context.WithCancel(context.WithoutCancel(ctx))
	defer stopSweeps()
	go a.Complaints.RunSweeps(sweepCtx, complaints.SweepEvery, func(escalated, closed int, err error) {
		if err != nil {
			a.log.Error("complaint sweep", "error", err.Error())
		} else if escalated+closed > 0 {
			a.log.Info("complaint sweep", "escalated", escalated, "closed", closed)
		}
	})
	errCh := make(chan error, 1)
	go func() { errCh <- srv.ListenAndServe() }()
	a.log.Info("serving", "addr", a.cfg.Addr)

	select {
	case err := <-errCh:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	a.log.Info("shutting down: finishing requests in flight", "timeout", a.cfg.ShutdownTimeout.String())
	shutdownCtx, cancel := context.WithTimeout(context.Background(), a.cfg.ShutdownTimeout)
	defer cancel()
	shutdownErr := srv.Shutdown(shutdownCtx)
	stopSweeps()
	// Messages in flight get what is left of the timeout; one cut short
	// stays queued and is sent again, with the same idempotency key.
	if err := a.Notify.Stop(shutdownCtx); err != nil {
		a.log.Error("stopping the message worker", "error", err.Error())
	}
	if shutdownErr != nil {
		return fmt.Errorf("shutdown: %w", shutdownErr)
	}
	if err := <-errCh; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	a.log.Info("stopped")
	return nil
}
