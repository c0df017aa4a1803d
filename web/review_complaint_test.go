package web_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"

	"santunan/complaints"
	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// The tracking page of an answered complaint tells the day it closes by
// itself as the sweep does it: answered on Monday 30 November 2026, its
// due day is 14 December (10 working days); on that day it is still
// answered and may be disputed, so the page must not say it closes on
// 14 December.
func TestReviewTrackingTellsTheAutoCloseDayTheSweepKeeps(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db, testserver.At(time.Date(2026, 11, 30, 2, 0, 0, 0, time.UTC)))
		svc, ctx := h.Services.Complaints, context.Background()
		c, err := svc.File(ctx, complaints.Filing{Category: domain.CategoryWrongData,
			Text: "Nama ahli waris salah ketik di klaim.", Identity: domain.IdentityAnonymous})
		if err != nil {
			t.Fatal(err)
		}
		officer := h.Users[domain.RoleComplaintOfficer].Actor()
		for _, st := range []struct {
			a  domain.Actor
			ac domain.ComplaintAction
			in complaints.ActInput
		}{
			{officer, domain.ComplaintActionVerify, complaints.ActInput{}},
			{officer, domain.ComplaintActionAssign, complaints.ActInput{Unit: domain.UnitDukcapil}},
			{h.Users[domain.RoleDukcapilClerk].Actor(), domain.ComplaintActionAnswer, complaints.ActInput{Answer: "Sudah dibetulkan."}},
		} {
			if c, err = svc.Act(ctx, st.a, c.ID, st.ac, st.in); err != nil {
				t.Fatal(err)
			}
		}
		if c.DueOn == nil || c.DueOn.String() != "2026-12-14" {
			t.Fatalf("answered, due %v", c.DueOn)
		}
		h.Clock.Set(time.Date(2026, 12, 14, 2, 0, 0, 0, time.UTC))
		if _, closed, err := svc.Sweep(ctx); err != nil || closed != 0 {
			t.Fatalf("closed %d (%v) on the due day", closed, err)
		}
		h.visitor().post("/aduan/lacak", url.Values{"code": {c.Code}}).want(http.StatusOK).
			hasNot("aduan selesai sendiri pada 14 Desember 2026").has("14 Desember 2026")
	})
}
