package documents_test

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"testing"

	"santunan/database"
	"santunan/documents"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/together"
	"santunan/workflow"
)

func TestUploadReplaceKeepsEvidenceAndAudits(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		k := newKit(t, db, nil)
		ctx := context.Background()
		c := k.submit(t, 1)
		first := k.upload(t, c.ID, domain.DocumentAktaKematian, pdfFile)
		second := k.upload(t, c.ID, domain.DocumentAktaKematian, pngFile)
		other1 := k.upload(t, c.ID, domain.DocumentLainnya, jpegFile)
		other2 := k.upload(t, c.ID, domain.DocumentLainnya, pdfFile)
		if first.ContentType != domain.ContentTypePDF || second.ContentType != domain.ContentTypePNG || first.SHA256 != sha(pdfFile) {
			t.Fatalf("sniffed types / hash: %+v %+v", first, second)
		}
		docs, err := k.docs.List(ctx, k.officer, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(docs) != 4 {
			t.Fatalf("%d documents, want 4 (nothing is deleted)", len(docs))
		}
		if docs[0].Current || docs[0].SupersededAt == nil || !docs[1].Current || docs[1].ReplacesID != first.ID {
			t.Fatalf("replacement: old %+v new %+v", docs[0], docs[1])
		}
		if !docs[2].Current || !docs[3].Current || docs[3].ReplacesID != 0 {
			t.Fatalf("lainnya accumulates: %+v %+v", docs[2], docs[3])
		}
		if docs[2].ID != other1.ID || docs[3].ID != other2.ID {
			t.Fatal("list order")
		}

		events, _ := k.engine.Events(ctx, c.ID)
		var kinds []domain.Action
		for _, e := range events {
			kinds = append(kinds, e.Action)
		}
		want := []domain.Action{domain.ActionSubmit, documents.EventUploaded, documents.EventReplaced, documents.EventUploaded, documents.EventUploaded}
		if !slices.Equal(kinds, want) {
			t.Fatalf("trail %v, want %v", kinds, want)
		}
		replaced := events[2].Changes["document.akta_kematian.sha256"]
		if replaced.Old != sha(pdfFile) || replaced.New != sha(pngFile) || events[2].Reason != "akta_kematian" {
			t.Fatalf("replace event %+v", events[2])
		}
		if events[1].ActorUsername != k.clerk.Username || events[1].FromStatus != events[1].ToStatus {
			t.Fatalf("upload event %+v", events[1])
		}
		if r, err := k.engine.VerifyAudit(ctx); err != nil || !r.OK() {
			t.Fatalf("audit: %+v %v", r, err)
		}
	})
}

func TestUploadRefusals(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		k := newKit(t, db, nil)
		ctx := context.Background()
		c := k.submit(t, 1)
		closed := k.submit(t, 2)
		if _, err := k.engine.Apply(ctx, k.clerk, closed.ID, domain.ActionReject, workflow.ActionInput{Reason: "bukan warga"}); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name  string
			actor domain.Actor
			up    documents.Upload
			want  error
		}{
			{"html named pdf", k.clerk, documents.Upload{ClaimID: c.ID, Kind: domain.DocumentAktaKematian, Filename: "akta.pdf", Content: htmlFile}, domain.ErrUnsupportedMediaType},
			{"one byte over the limit", k.clerk, documents.Upload{ClaimID: c.ID, Kind: domain.DocumentAktaKematian, Content: append(pdfFile, make([]byte, 4097-len(pdfFile))...)}, domain.ErrTooLarge},
			{"empty", k.clerk, documents.Upload{ClaimID: c.ID, Kind: domain.DocumentAktaKematian}, domain.ErrValidation},
			{"unknown kind", k.clerk, documents.Upload{ClaimID: c.ID, Kind: "ijazah", Content: pdfFile}, domain.ErrValidation},
			{"treasurer", k.treasurer, documents.Upload{ClaimID: c.ID, Kind: domain.DocumentBukuTabungan, Content: pdfFile}, domain.ErrForbidden},
			{"auditor", k.auditor, documents.Upload{ClaimID: c.ID, Kind: domain.DocumentLainnya, Content: pdfFile}, domain.ErrForbidden},
			{"unknown claim", k.clerk, documents.Upload{ClaimID: 98765, Kind: domain.DocumentLainnya, Content: pdfFile}, domain.ErrNotFound},
			{"closed claim", k.clerk, documents.Upload{ClaimID: closed.ID, Kind: domain.DocumentLainnya, Content: pdfFile}, domain.ErrInvalidTransition},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if _, err := k.docs.Upload(ctx, tt.actor, tt.up); !errors.Is(err, tt.want) {
					t.Fatalf("err = %v, want %v", err, tt.want)
				}
			})
		}
		exact := append(append([]byte(nil), pdfFile...), make([]byte, 4096-len(pdfFile))...)
		if _, err := k.docs.Upload(ctx, k.officer, documents.Upload{ClaimID: c.ID, Kind: domain.DocumentBukuTabungan, Content: exact}); err != nil {
			t.Fatalf("a file of exactly the limit: %v", err)
		}
		docs, _ := k.docs.List(ctx, k.auditor, c.ID)
		if len(docs) != 1 {
			t.Fatalf("refused uploads left %d documents", len(docs)-1)
		}
		if _, err := k.docs.ReadContent(bytes.NewReader(make([]byte, 4097))); !errors.Is(err, domain.ErrTooLarge) {
			t.Fatalf("ReadContent over the limit: %v", err)
		}
	})
}

// Evidence cannot be destroyed, not even by SQL behind the application.
func TestDocumentTablesRefuseRewrites(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		k := newKit(t, db, nil)
		c := k.submit(t, 1)
		d := k.upload(t, c.ID, domain.DocumentAktaKematian, pdfFile)
		if _, _, err := k.docs.Open(context.Background(), k.clerk, c.ID, d.ID, "10.0.0.1"); err != nil {
			t.Fatal(err)
		}
		for _, stmt := range []string{
			"DELETE FROM claim_documents",
			"UPDATE claim_documents SET filename = 'x.pdf'",
			"UPDATE claim_documents SET sha256 = sha256",
			"UPDATE claim_documents SET is_current = TRUE, superseded_at = NULL",
			"DELETE FROM document_blobs",
			"UPDATE document_blobs SET size = 1",
			"DELETE FROM document_access_log",
			"UPDATE document_access_log SET actor_username = 'nobody'",
		} {
			if err := db.Write.Exec(stmt).Error; err == nil {
				t.Errorf("%s was allowed", stmt)
			}
		}
	})
}

// Twenty simultaneous uploads of the akta for one claim: each that succeeds
// is recorded, the losers get a version conflict, and exactly one is current.
func TestConcurrentUploadsOfOneKind(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		k := newKit(t, db, nil)
		ctx := context.Background()
		c := k.submit(t, 1)
		const n = 20
		errs := together.Run(n, func(i int) error {
			_, err := k.docs.Upload(ctx, k.clerk, documents.Upload{ClaimID: c.ID, Kind: domain.DocumentAktaKematian, Content: variant(i)})
			return err
		})
		ok := 0
		for _, err := range errs {
			switch {
			case err == nil:
				ok++
			case !errors.Is(err, domain.ErrVersionConflict):
				t.Fatalf("unexpected error: %v", err)
			}
		}
		docs, _ := k.docs.List(ctx, k.clerk, c.ID)
		current := 0
		for _, d := range docs {
			if d.Current {
				current++
			}
		}
		events, _ := k.engine.Events(ctx, c.ID)
		if ok == 0 || current != 1 || len(docs) != ok || len(events) != 1+ok {
			t.Fatalf("%d succeeded, %d rows, %d current, %d events", ok, len(docs), current, len(events))
		}
		if r, err := k.engine.VerifyAudit(ctx); err != nil || !r.OK() {
			t.Fatalf("audit: %+v %v", r, err)
		}
	})
}
