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

// Hostile queries and forms on the new pages: never a 500.
func TestReviewNewPagesRefuseBadInput(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db, testserver.At(time.Date(2026, 11, 30, 2, 0, 0, 0, time.UTC)))
		c, err := h.Services.Complaints.File(context.Background(), complaints.Filing{Category: domain.CategoryWrongData,
			Text: "Nama ahli waris salah ketik di klaim.", Identity: domain.IdentityAnonymous})
		if err != nil {
			t.Fatal(err)
		}
		id := itoa(c.ID)
		gets := []struct {
			role domain.Role
			path string
		}{
			{domain.RoleComplaintOfficer, "/staf/aduan?limit=-1&kursor=%ff%00"},
			{domain.RoleComplaintOfficer, "/staf/aduan?kursor=eyJpZCI6LTF9&status=%00&kategori=%ff&unit=x"},
			{domain.RoleComplaintOfficer, "/staf/aduan?cursor=zzz&batas=99999999999999999999999"},
			{domain.RoleComplaintOfficer, "/staf/aduan/99999999999999999999999"},
			{domain.RoleComplaintOfficer, "/staf/aduan/" + id + "/bukti/99999999999999999999"},
			{domain.RoleComplaintOfficer, "/staf/aduan/" + id + "?berhasil=%00"},
			{domain.RoleDinsosOfficer, "/staf/survei?tahun=99999"},
			{domain.RoleDinsosOfficer, "/staf/survei?tahun=-1"},
			{domain.RoleDinsosOfficer, "/staf/survei/komentar?tahun=2026&kursor=%00%ff"},
			{domain.RoleDinsosOfficer, "/staf/survei/komentar?kursor=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"},
			{domain.RoleDinsosOfficer, "/staf/survei/ikm.xlsx?tahun=99999"},
			{domain.RoleAdmin, "/staf/kalender?tahun=99999"},
			{domain.RoleAdmin, "/staf/kalender?tahun=0&tanggal=2026-02-30&klaim=-5"},
			{domain.RoleAdmin, "/staf/kalender/hapus?tanggal=99999-01-01"},
			{domain.RoleAdmin, "/staf/kalender/hapus?tanggal=2026-02-30"},
			{"", "/aduan/lacak?kode=%00%ff"},
			{"", "/aduan/formulir?kategori=%ff"},
			{"", "/survei/%00"},
			{"", "/survei/" + "AAAAAAAAAAAAAAAAAAAAAA"},
			{"", "/standar-pelayanan?x=%ff"},
		}
		for _, g := range gets {
			var v *visitor
			if g.role == "" {
				v = h.visitor()
			} else {
				v = h.staff(g.role)
			}
			p := v.get(g.path)
			if p.status >= 500 {
				t.Errorf("GET %s as %s: %d", g.path, g.role, p.status)
			}
		}
		posts := []struct {
			role domain.Role
			path string
			form url.Values
		}{
			{domain.RoleAdmin, "/staf/kalender", url.Values{"tanggal": {"2026-02-30"}, "jenis": {"x"}, "nama": {"a"}}},
			{domain.RoleAdmin, "/staf/kalender", url.Values{"tanggal": {"99999-01-01"}, "nama": {"\u202e"}}},
			{domain.RoleAdmin, "/staf/kalender/hapus", url.Values{"tanggal": {"0000-00-00"}}},
			{domain.RoleComplaintOfficer, "/staf/aduan/" + id + "/tindakan/verify", url.Values{"version": {"-99999999999999999999"}}},
			{domain.RoleComplaintOfficer, "/staf/aduan/" + id + "/tindakan/nope", url.Values{"version": {"1"}}},
			{domain.RoleComplaintOfficer, "/staf/aduan/" + id + "/tindakan/assign", url.Values{"version": {"1"}, "unit": {"dinsos"}, "unit_name": {"a\nb"}}},
			{"", "/aduan/lacak", url.Values{"code": {"\xff"}}},
			{"", "/aduan/lacak/sanggah", url.Values{"code": {c.Code}, "reason": {"x\x00"}}},
			{"", "/aduan/lacak/buka-lagi", url.Values{"code": {"ADU-0000-0000-0000"}, "reason": {"kenapa"}}},
			{"", "/survei/AAAAAAAAAAAAAAAAAAAAAA", url.Values{"persyaratan": {"5"}}},
			{"", "/survei", url.Values{"token": {"\xff"}}},
		}
		for _, p := range posts {
			var v *visitor
			if p.role == "" {
				v = h.visitor()
				v.get("/aduan")
			} else {
				v = h.staff(p.role)
				v.get("/staf")
			}
			pg := v.post(p.path, p.form)
			if pg.status >= 500 {
				t.Errorf("POST %s as %s: %d", p.path, p.role, pg.status)
			}
		}
	})
}
