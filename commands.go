package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"santunan/auth"
	"santunan/domain"
)

func migrate(ctx context.Context, getenv func(string) string, logOut io.Writer) error {
	a, err := openApp(ctx, getenv, logOut)
	if err != nil {
		return err
	}
	return a.db.Close()
}

// userCommand: `santunan user add`. The password comes from standard input
// so it never appears in shell history or the process list.
func userCommand(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, logOut io.Writer) error {
	if len(args) == 0 || args[0] != "add" {
		return errors.New(`usage: santunan user add --username U --role R --full-name "N" (password on stdin)`)
	}
	fs := flag.NewFlagSet("user add", flag.ContinueOnError)
	fs.SetOutput(logOut)
	username := fs.String("username", "", "login name")
	role := fs.String("role", "", "admin, dukcapil_clerk, dinsos_officer, treasurer, auditor, pengelola_pengaduan or office_head")
	fullName := fs.String("full-name", "", "full name")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("read password: %w", err)
	}
	password := strings.TrimRight(line, "\r\n")

	a, err := openApp(ctx, getenv, logOut)
	if err != nil {
		return err
	}
	defer a.db.Close()
	// The command line stands for the administrator at the console.
	console := domain.Actor{UserID: 0, Username: "console", Role: domain.RoleAdmin}
	u, err := a.Auth.CreateUser(ctx, console, auth.NewUser{Username: *username, FullName: *fullName,
		Role: domain.Role(*role), Password: password}, "console")
	if err != nil {
		var ve *domain.ValidationError
		if errors.As(err, &ve) {
			return fmt.Errorf("invalid user: %s", ve.Error())
		}
		return err
	}
	fmt.Fprintf(stdout, "created user %s (id %d, role %s)\n", u.Username, u.ID, u.Role)
	return nil
}

// auditCommand: `santunan audit verify`. It reports broken=true when any
// chain (a claim's trail, a complaint's, the security log) or budget does not hold, which the caller turns into exit status 1.
func auditCommand(ctx context.Context, args []string, getenv func(string) string, stdout, logOut io.Writer) (bool, error) {
	if len(args) != 1 || args[0] != "verify" {
		return false, errors.New("usage: santunan audit verify")
	}
	a, err := openApp(ctx, getenv, logOut)
	if err != nil {
		return false, err
	}
	defer a.db.Close()
	report, err := a.Engine.VerifyAudit(ctx)
	if err != nil {
		return false, err
	}
	drifts, err := a.Payments.VerifyBudgets(ctx)
	if err != nil {
		return false, err
	}
	security, err := a.Auth.VerifySecurityLog(ctx)
	if err != nil {
		return false, err
	}
	aduan, err := a.Complaints.VerifyAudit(ctx)
	if err != nil {
		return false, err
	}
	fmt.Fprintf(stdout, "checked %d claims, %d events\n", report.ClaimsChecked, report.EventsChecked)
	fmt.Fprintf(stdout, "checked %d complaints, %d events\n", aduan.ComplaintsChecked, aduan.EventsChecked)
	fmt.Fprintf(stdout, "checked %d security log events\n", security.EventsChecked)
	for _, p := range report.Problems {
		fmt.Fprintf(stdout, "BROKEN claim %s (id %d) seq %d: %s\n", p.Code, p.ClaimID, p.Seq, p.Problem)
	}
	for _, p := range aduan.Problems {
		fmt.Fprintf(stdout, "BROKEN complaint %s (id %d) seq %d: %s\n", p.Code, p.ComplaintID, p.Seq, p.Problem)
	}
	for _, d := range drifts {
		fmt.Fprintf(stdout, "BROKEN budget %d: committed %d but its commitments sum to %d\n", d.Year, d.Committed, d.Sum)
	}
	for _, p := range security.Problems {
		fmt.Fprintf(stdout, "BROKEN security log event %d: %s\n", p.EventID, p.Problem)
	}
	broken := !report.OK() || len(drifts) > 0 || !security.OK() || !aduan.OK()
	if !broken {
		fmt.Fprintln(stdout, "audit trail intact")
	}
	return broken, nil
}
