package survey

import (
	"context"
	"errors"
	"testing"
	"time"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/internal/together"
)

// claimWithInvite files a claim and makes its invite and message token.
func claimWithInvite(t *testing.T, db *database.DB, s *Service, n int) (int64, string) {
	t.Helper()
	c, err := fixture.Engine(t, db).Submit(context.Background(), fixture.Actor(t, db, domain.RoleDukcapilClerk), fixture.ClaimInput(n))
	if err != nil {
		t.Fatal(err)
	}
	var tok string
	if err := db.InTx(context.Background(), func(tx *gorm.DB) error {
		tok, err = s.InviteIn(tx, c.ID)
		return err
	}); err != nil || tok == "" {
		t.Fatalf("invite: %q, %v", tok, err)
	}
	return c.ID, tok
}

var good = Answer{Scores: [9]int{4, 3, 4, 4, 3, 4, 4, 3, 2}, Comment: "Petugas ramah"}

func count(t *testing.T, db *database.DB, table string) int64 {
	t.Helper()
	var n int64
	if err := db.Read.Table(table).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// One answer per claim, by any of its tokens; the answer is stored without
// the claim; unknown, malformed and expired tokens are refused alike.
func TestOneAnswerPerClaim(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		ctx := context.Background()
		now := fixture.Now
		s := New(db, Options{PublicURL: "https://santunan.example.org", Now: func() time.Time { return now }})
		id, tok := claimWithInvite(t, db, s, 1)
		if got := s.Link(tok); got != "https://santunan.example.org/survei/"+tok {
			t.Fatalf("link %q", got)
		}
		// A second token of the same invite (a claim's message and its
		// tracking page's offer share one answer).
		var tok2 string
		if err := db.InTx(ctx, func(tx *gorm.DB) (err error) { tok2, err = s.InviteIn(tx, id); return }); err != nil {
			t.Fatal(err)
		}
		if count(t, db, "survey_invites") != 1 || count(t, db, "survey_tokens") != 2 {
			t.Fatal("one invite with two tokens expected")
		}
		for _, bad := range []string{"", "x", tok[:21], tok + "A", "AAAAAAAAAAAAAAAAAAAAAA", "../../../etc/passwd000"} {
			if err := s.Check(ctx, bad); !errors.Is(err, ErrUnknownToken) {
				t.Errorf("Check(%q) = %v", bad, err)
			}
			if err := s.Answer(ctx, bad, good); !errors.Is(err, ErrUnknownToken) {
				t.Errorf("Answer(%q) = %v", bad, err)
			}
		}
		if err := s.Check(ctx, tok); err != nil {
			t.Fatal(err)
		}
		bad := good
		bad.Scores[3] = 5
		if err := s.Answer(ctx, tok, bad); !errors.Is(err, domain.ErrValidation) {
			t.Fatalf("score 5: %v", err)
		}
		if err := s.Answer(ctx, tok, good); err != nil {
			t.Fatal(err)
		}
		for _, tk := range []string{tok, tok2} {
			if err := s.Answer(ctx, tk, good); !errors.Is(err, ErrAnswered) {
				t.Fatalf("second answer: %v", err)
			}
		}
		var used invite
		if err := db.Read.Where("claim_id = ?", id).Take(&used).Error; err != nil || used.UsedAt == nil {
			t.Fatalf("invite not used: %+v, %v", used, err)
		}
		var rows []answerRow
		if err := db.Read.Find(&rows).Error; err != nil || len(rows) != 1 {
			t.Fatalf("answers %v, %v", rows, err)
		}
		if r := rows[0]; r.Period != "2026-11" || r.Comment != "Petugas ramah" || r.Facilities != 2 || len(r.ID) != 32 {
			t.Fatalf("answer row %+v", r)
		}
		// The message of a claim paid again (none is: paid is final) has no link.
		if err := db.InTx(ctx, func(tx *gorm.DB) error {
			link, err := s.MessageLink(tx, id)
			if link != "" {
				t.Errorf("link after the answer: %q", link)
			}
			return err
		}); err != nil {
			t.Fatal(err)
		}

		// A tracking offer's token ends after OfferTTL.
		id2, _ := claimWithInvite(t, db, s, 2)
		if err := db.Write.Exec("UPDATE claims SET status = 'paid' WHERE id = ?", id2).Error; err != nil {
			t.Fatal(err)
		}
		var code string
		if err := db.Read.Table("claims").Select("code").Where("id = ?", id2).Scan(&code).Error; err != nil {
			t.Fatal(err)
		}
		offer, ok, err := s.Offer(ctx, code)
		if err != nil || !ok || !validToken(offer) {
			t.Fatalf("offer %q %v %v", offer, ok, err)
		}
		now = now.Add(OfferTTL)
		if err := s.Answer(ctx, offer, good); !errors.Is(err, ErrUnknownToken) {
			t.Fatalf("expired offer: %v", err)
		}
		offer, ok, err = s.Offer(ctx, code)
		if err != nil || !ok {
			t.Fatal(ok, err)
		}
		if err := s.Answer(ctx, offer, good); err != nil {
			t.Fatal(err)
		}
		if _, ok, err := s.Offer(ctx, code); ok || err != nil {
			t.Fatalf("offer after the answer: %v %v", ok, err)
		}
		// An unpaid claim is offered nothing.
		id3, _ := claimWithInvite(t, db, s, 3)
		_ = id3
		var code3 string
		_ = db.Read.Table("claims").Select("code").Where("id = ?", id3).Scan(&code3).Error
		if _, ok, err := s.Offer(ctx, code3); ok || err != nil {
			t.Fatalf("offer of a submitted claim: %v %v", ok, err)
		}
	})
}

// Two posts of one token at once: one answer, the other refused.
func TestAnswerRace(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := New(db, Options{Now: fixture.Clock()})
		_, tok := claimWithInvite(t, db, s, 1)
		const n = 8
		errs := together.Run(n, func(int) error { return s.Answer(context.Background(), tok, good) })
		won := 0
		for _, err := range errs {
			switch {
			case err == nil:
				won++
			case errors.Is(err, ErrAnswered):
			default:
				t.Errorf("unexpected %v", err)
			}
		}
		if won != 1 || count(t, db, "survey_answers") != 1 {
			t.Fatalf("%d won, %d answers", won, count(t, db, "survey_answers"))
		}
	})
}
