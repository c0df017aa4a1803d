package documents_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"sync"
	"testing"

	"santunan/database"
	"santunan/documents"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/workflow"
)

type kit struct {
	db        *database.DB
	engine    *workflow.Engine
	docs      *documents.Service
	clerk     domain.Actor
	officer   domain.Actor
	treasurer domain.Actor
	auditor   domain.Actor
}

// newKit wires an engine that enforces the default requirements, and a
// document service on the database blob store unless blobs is given.
func newKit(t *testing.T, db *database.DB, blobs documents.BlobStore) *kit {
	t.Helper()
	req := documents.DefaultRequirements()
	guards := map[domain.Action][]workflow.Guard{}
	req.Install(guards)
	engine := workflow.New(db, workflow.Options{
		Areas: fixture.Areas(t), RegencyCode: "3324", WindowDays: 90, Now: fixture.Clock(), Guards: guards,
	})
	if blobs == nil {
		blobs = documents.NewDBBlobs(db)
	}
	return &kit{
		db: db, engine: engine,
		docs:      documents.New(db, engine, blobs, documents.Options{MaxBytes: 4096, Required: req, Now: fixture.Clock()}),
		clerk:     fixture.Actor(t, db, domain.RoleDukcapilClerk),
		officer:   fixture.Actor(t, db, domain.RoleDinsosOfficer),
		treasurer: fixture.Actor(t, db, domain.RoleTreasurer),
		auditor:   fixture.Actor(t, db, domain.RoleAuditor),
	}
}

func (k *kit) submit(t *testing.T, n int) domain.Claim {
	t.Helper()
	c, err := k.engine.Submit(context.Background(), k.clerk, fixture.ClaimInput(n))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (k *kit) upload(t *testing.T, claimID int64, kind domain.DocumentKind, data []byte) domain.Document {
	t.Helper()
	d, err := k.docs.Upload(context.Background(), k.clerk, documents.Upload{ClaimID: claimID, Kind: kind, Filename: string(kind) + ".pdf", Content: data})
	if err != nil {
		t.Fatalf("upload %s: %v", kind, err)
	}
	return d
}

func sha(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

// variant returns a different valid PDF for each n.
func variant(n int) []byte {
	return append(append([]byte(nil), pdfFile...), byte('a'+n%26), byte('0'+n/26%10))
}

// memBlobs stands for an object store outside the database.
type memBlobs struct {
	mu   sync.Mutex
	data map[string][]byte
}

func (m *memBlobs) Put(_ context.Context, _ *workflow.Tx, key string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.data[key] = append([]byte(nil), data...)
	return nil
}

func (m *memBlobs) Get(_ context.Context, key string) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	d, ok := m.data[key]
	if !ok {
		return nil, domain.ErrNotFound
	}
	return d, nil
}
