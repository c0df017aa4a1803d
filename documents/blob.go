package documents

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"santunan/database"
	"santunan/domain"
	"santunan/workflow"
)

// BlobStore keeps the bytes of documents under a key (their SHA-256). The
// database implementation below writes inside the upload's transaction; an
// object store can take its place, writing at once and ignoring tx: since a
// key is the hash of its data, writing the same key twice is harmless and a
// rolled-back upload leaves at most an unreferenced object.
type BlobStore interface {
	Put(ctx context.Context, tx *workflow.Tx, key string, data []byte) error
	// Get returns the data stored under key, or an error wrapping
	// domain.ErrNotFound.
	Get(ctx context.Context, key string) ([]byte, error)
}

// DBBlobs stores documents in the document_blobs table.
type DBBlobs struct {
	db *database.DB
}

// NewDBBlobs returns a BlobStore in the database.
func NewDBBlobs(db *database.DB) *DBBlobs { return &DBBlobs{db: db} }

type blobRow struct {
	SHA256    string `gorm:"column:sha256;primaryKey"`
	Data      []byte
	Size      int64
	CreatedAt time.Time
}

func (blobRow) TableName() string { return "document_blobs" }

// Put inserts the blob unless the same key is already stored.
func (s *DBBlobs) Put(_ context.Context, tx *workflow.Tx, key string, data []byte) error {
	r := blobRow{SHA256: key, Data: data, Size: int64(len(data)), CreatedAt: tx.Now()}
	if err := tx.DB().Clauses(clause.OnConflict{DoNothing: true}).Create(&r).Error; err != nil {
		return fmt.Errorf("store blob: %w", err)
	}
	return nil
}

// Get reads a blob through the read pool.
func (s *DBBlobs) Get(ctx context.Context, key string) ([]byte, error) {
	var r blobRow
	err := s.db.Read.WithContext(ctx).Select("data").Where("sha256 = ?", key).Take(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("blob %s: %w", key, domain.ErrNotFound)
	}
	if err != nil {
		return nil, database.Classify(fmt.Errorf("read blob: %w", err))
	}
	return r.Data, nil
}
