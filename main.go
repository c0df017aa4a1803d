// Command santunan serves the santunan kematian claims service of Kabupaten
// Kendal and offers its administrative commands.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

const usage = `santunan: death-benefit (santunan kematian) claims service

Usage:
  santunan [serve]        migrate, then serve HTTP on SANTUNAN_ADDR (default :8080)
  santunan migrate        apply database migrations and exit
  santunan user add --username U --role R --full-name "N"
                          create a user; the password is read from standard input
  santunan audit verify   recompute every audit hash chain; exit 1 if any is broken
  santunan deaths import FILE
                          import Dukcapil's death register from a SIAK CSV export
                          (- for standard input); exit 1 if any line was refused

Configuration comes from environment variables only; see README.md.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is main without the process: arguments, environment and streams come
// in, an exit code goes out, so commands can be tested.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) int {
	cmd := "serve"
	if len(args) > 0 {
		cmd, args = args[0], args[1:]
	}
	var err error
	switch cmd {
	case "serve":
		err = serve(ctx, getenv, stderr)
	case "migrate":
		err = migrate(ctx, getenv, stderr)
	case "user":
		err = userCommand(ctx, args, getenv, stdin, stdout, stderr)
	case "audit":
		var broken bool
		broken, err = auditCommand(ctx, args, getenv, stdout, stderr)
		if err == nil && broken {
			return 1
		}
	case "deaths":
		var refused bool
		refused, err = deathsCommand(ctx, args, getenv, stdin, stdout, stderr)
		if err == nil && refused {
			return 1
		}
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	if err != nil {
		fmt.Fprintln(stderr, "santunan:", err)
		return 1
	}
	return 0
}
