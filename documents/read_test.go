package documents_test

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"santunan/database"
	"santunan/documents"
	"santunan/domain"
	"santunan/internal/testdb"
)

// Every download is logged with who, role, when and from where; a refused
// download leaves no entry; only the auditor reads the log.
func TestOpenLogsEveryDownload(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		k := newKit(t, db, nil)
		ctx := context.Background()
		c := k.submit(t, 1)
		akta := k.upload(t, c.ID, domain.DocumentAktaKematian, pdfFile)
		book := k.upload(t, c.ID, domain.DocumentBukuTabungan, jpegFile)
		before, _ := k.engine.Get(ctx, c.ID)

		opens := []struct {
			name  string
			actor domain.Actor
			doc   domain.Document
			want  error
		}{
			{"clerk opens the akta", k.clerk, akta, nil},
			{"officer opens the akta", k.officer, akta, nil},
			{"auditor opens the bank book", k.auditor, book, nil},
			{"treasurer opens the bank book", k.treasurer, book, nil},
			{"treasurer opens the akta", k.treasurer, akta, domain.ErrForbidden},
		}
		for _, o := range opens {
			doc, data, err := k.docs.Open(ctx, o.actor, c.ID, o.doc.ID, "192.0.2.7")
			if !errors.Is(err, o.want) {
				t.Fatalf("%s: err = %v, want %v", o.name, err, o.want)
			}
			if err == nil && (doc.ID != o.doc.ID || sha(data) != o.doc.SHA256) {
				t.Fatalf("%s: got document %d with hash %s", o.name, doc.ID, sha(data))
			}
		}
		if _, _, err := k.docs.Open(ctx, k.clerk, c.ID+1, akta.ID, ""); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("document through another claim's path: %v", err)
		}

		log, err := k.docs.AccessLog(ctx, k.auditor, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(log) != 4 {
			t.Fatalf("%d log entries, want 4 (refused opens are not downloads)", len(log))
		}
		if e := log[3]; e.ActorUsername != k.treasurer.Username || e.ActorRole != domain.RoleTreasurer ||
			e.DocumentID != book.ID || e.Kind != domain.DocumentBukuTabungan || e.IP != "192.0.2.7" || e.At.IsZero() {
			t.Fatalf("log entry %+v", e)
		}
		for _, role := range []domain.Actor{k.clerk, k.officer, k.treasurer} {
			if _, err := k.docs.AccessLog(ctx, role, c.ID); !errors.Is(err, domain.ErrForbidden) {
				t.Fatalf("%s read the access log: %v", role.Role, err)
			}
		}
		after, _ := k.engine.Get(ctx, c.ID)
		if after.Version != before.Version {
			t.Fatal("a download changed the claim's version")
		}
	})
}

// The storage interface lets an object store replace the database; a blob
// that no longer matches its recorded hash is never served.
func TestBlobStoreIsReplaceableAndChecked(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		mem := &memBlobs{data: map[string][]byte{}}
		k := newKit(t, db, mem)
		ctx := context.Background()
		c := k.submit(t, 1)
		d := k.upload(t, c.ID, domain.DocumentKartuKeluarga, pngFile)
		var inDB int64
		db.Read.Raw("SELECT COUNT(*) FROM document_blobs").Scan(&inDB)
		if inDB != 0 || !bytes.Equal(mem.data[d.SHA256], pngFile) {
			t.Fatalf("blob went to the database (%d rows) instead of the store", inDB)
		}
		_, data, err := k.docs.Open(ctx, k.officer, c.ID, d.ID, "")
		if err != nil || !bytes.Equal(data, pngFile) {
			t.Fatalf("open from the store: %v", err)
		}
		mem.data[d.SHA256][20] ^= 0xFF
		if _, _, err := k.docs.Open(ctx, k.officer, c.ID, d.ID, ""); err == nil {
			t.Fatal("a changed blob was served")
		}
		log, _ := k.docs.AccessLog(ctx, k.auditor, c.ID)
		if len(log) != 1 {
			t.Fatalf("%d log entries, want 1 (the refused open is not a download)", len(log))
		}
	})
}

// An identical file attached twice is stored once.
func TestIdenticalFilesShareOneBlob(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		k := newKit(t, db, nil)
		one, two := k.submit(t, 1), k.submit(t, 2)
		k.upload(t, one.ID, domain.DocumentKartuKeluarga, pdfFile)
		k.upload(t, two.ID, domain.DocumentKartuKeluarga, pdfFile)
		var blobs int64
		db.Read.Raw("SELECT COUNT(*) FROM document_blobs").Scan(&blobs)
		if blobs != 1 {
			t.Fatalf("%d blobs, want 1", blobs)
		}
		if _, _, err := k.docs.Open(context.Background(), k.clerk, two.ID, 2, ""); err != nil {
			t.Fatal(err)
		}
	})
}

var _ documents.BlobStore = (*memBlobs)(nil)
