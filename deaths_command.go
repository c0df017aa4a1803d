package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"santunan/deathregister"
	"santunan/domain"
	"santunan/i18n"
)

// deathsCommand: `santunan deaths import FILE` ("-" reads standard input).
// It prints the report and says refused=true when any line was refused,
// which the caller turns into exit status 1 (the good lines are kept).
func deathsCommand(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, logOut io.Writer) (bool, error) {
	if len(args) != 2 || args[0] != "import" {
		return false, errors.New("usage: santunan deaths import FILE (a SIAK CSV export; - for standard input)")
	}
	var in io.Reader = stdin
	if args[1] != "-" {
		f, err := os.Open(args[1])
		if err != nil {
			return false, fmt.Errorf("open register file: %w", err)
		}
		defer f.Close()
		in = f
	}
	a, err := openApp(ctx, getenv, logOut)
	if err != nil {
		return false, err
	}
	defer a.db.Close()
	rep, err := a.DeathRegister.Import(ctx, deathregister.Console, "cli", in)
	var invalid *domain.ValidationError
	if errors.As(err, &invalid) {
		return false, fmt.Errorf("invalid register file: %s", i18n.Violation(i18n.English, invalid.Fields["file"]))
	}
	if err != nil {
		return false, err
	}
	fmt.Fprintf(stdout, "import %d (sha256 %s): %d lines, %d new, %d unchanged, %d refused\n",
		rep.ImportID, rep.SHA256, rep.Lines, rep.Inserted, rep.Unchanged, rep.Refused)
	for _, p := range rep.Problems {
		field := p.Field
		if field == "" {
			field = "line"
		}
		fmt.Fprintf(stdout, "line %d: %s: %s (%s)\n", p.Line, field, p.Code, i18n.Violation(i18n.English, p.Code))
	}
	if rep.ProblemsTruncated {
		fmt.Fprintf(stdout, "(only %d problems are listed; the counts above are complete)\n", deathregister.MaxProblems)
	}
	return rep.Refused > 0, nil
}
