package api

import (
	"errors"
	"io"
	"mime"
	"net/http"

	"github.com/gin-gonic/gin"

	"santunan/complaints"
	"santunan/domain"
	"santunan/httpkit"
)

// The public's complaints (aduan, complaints/): filed without an account,
// as JSON or as multipart/form-data (a "complaint" JSON part and up to
// three files named "evidence"), and followed by the tracking code alone,
// which is the secret; every route is rate-limited (PurposeComplaint).

const routePublicComplaints = "/api/v1/public/complaints"

type fileComplaintRequest struct {
	Category      string `json:"category" binding:"required,max=32"`
	Text          string `json:"text" binding:"max=20000"`
	Confidential  bool   `json:"confidential"`
	Identity      string `json:"identity" binding:"required,max=16"`
	Name          string `json:"name" binding:"max=400"`
	NotifyConsent bool   `json:"notify_consent"`
	ClaimCode     string `json:"claim_code" binding:"max=64"`
	HeirNIK       string `json:"heir_nik" binding:"max=32"`
	VillageCode   string `json:"village_code" binding:"max=16"`
	NamedUnit     string `json:"named_unit" binding:"max=16"`
}

type publicComplaintResponse struct {
	Code        string                 `json:"code"`
	Status      domain.ComplaintStatus `json:"status"`
	DueOn       *domain.Date           `json:"due_on,omitempty"`
	TrackingURL string                 `json:"tracking_url"`
}

// fileComplaint files a complaint; a named one needs X-Phone-Token of a
// verified "complaint" phone check.
func (s *Server) fileComplaint(c *gin.Context) {
	var req fileComplaintRequest
	var evidence []complaints.EvidenceUpload
	ct, _, _ := mime.ParseMediaType(c.GetHeader("Content-Type"))
	if ct == "multipart/form-data" {
		var ok bool
		if evidence, ok = s.readComplaintForm(c, &req); !ok {
			return
		}
	} else if !s.decodeJSON(c, &req, false) {
		return
	}
	out, err := s.Complaints.File(c.Request.Context(), complaints.Filing{
		Category: domain.ComplaintCategory(req.Category), Text: req.Text, Confidential: req.Confidential,
		Identity: domain.ComplaintIdentity(req.Identity), Name: req.Name, PhoneToken: c.GetHeader(PhoneTokenHeader),
		NotifyConsent: req.NotifyConsent, ClaimCode: req.ClaimCode, HeirNIK: req.HeirNIK,
		VillageCode: req.VillageCode, NamedUnit: domain.Unit(req.NamedUnit), Evidence: evidence,
	})
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusCreated, publicComplaintResponse{Code: out.Code, Status: out.Status, DueOn: out.DueOn,
		TrackingURL: s.Complaints.TrackURL(out.Code)})
}

// readComplaintForm reads the "complaint" part into dst and the evidence
// files; it answers a bad body itself.
func (s *Server) readComplaintForm(c *gin.Context, dst *fileComplaintRequest) ([]complaints.EvidenceUpload, bool) {
	mr, err := c.Request.MultipartReader()
	if err != nil {
		abort(c, http.StatusUnsupportedMediaType, httpkit.CodeUnsupportedMedia,
			"send JSON, or multipart/form-data with the part complaint and files named evidence")
		return nil, false
	}
	var files []complaints.EvidenceUpload
	haveJSON := false
	limit := s.Complaints.MaxEvidenceBytes()
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			writeMultipartError(c, err)
			return nil, false
		}
		switch part.FormName() {
		case "complaint":
			if haveJSON {
				abort(c, http.StatusBadRequest, httpkit.CodeBadRequest, "the part complaint is given twice")
				return nil, false
			}
			haveJSON = true
			raw, err := io.ReadAll(io.LimitReader(part, httpkit.MultipartSlack))
			if !s.decodeRaw(c, raw, err, dst, false) {
				return nil, false
			}
		case "evidence":
			if len(files) == maxComplaintEvidence {
				writeError(c, domain.FieldError("evidence", domain.ViolationTooLong))
				return nil, false
			}
			data, err := io.ReadAll(io.LimitReader(part, limit+1))
			if err != nil {
				writeMultipartError(c, err)
				return nil, false
			}
			if int64(len(data)) > limit {
				writeError(c, domain.FieldError("evidence", domain.ViolationFileTooLarge))
				return nil, false
			}
			files = append(files, complaints.EvidenceUpload{Filename: part.FileName(), Content: data})
		default:
			abort(c, http.StatusBadRequest, httpkit.CodeBadRequest, "unknown part; send complaint and evidence")
			return nil, false
		}
	}
	if !haveJSON {
		writeError(c, domain.FieldError("complaint", domain.ViolationRequired))
		return nil, false
	}
	return files, true
}

// maxComplaintEvidence is the number of evidence files one complaint takes.
const maxComplaintEvidence = 3

// complaintFormLimit is the body limit of a complaint with every file.
func complaintFormLimit(perFile int64) int64 {
	return maxComplaintEvidence*perFile + httpkit.MultipartSlack
}

type trackComplaintResponse struct {
	complaints.Tracking
	TrackingURL string `json:"tracking_url"`
}

// trackComplaint answers the public view of the complaint with the code.
func (s *Server) trackComplaint(c *gin.Context) {
	t, err := s.Complaints.Track(c.Request.Context(), c.Param("code"))
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, trackComplaintResponse{Tracking: t, TrackingURL: s.Complaints.TrackURL(t.Code)})
}

type complainantRequest struct {
	Reason string `json:"reason" binding:"max=8000"`
}

// complainantStep is confirm, dispute or reopen by the code.
func (s *Server) complainantStep(action domain.ComplaintAction) gin.HandlerFunc {
	return func(c *gin.Context) {
		var req complainantRequest
		if !s.decodeJSON(c, &req, true) {
			return
		}
		ctx, code := c.Request.Context(), c.Param("code")
		var out complaints.Complaint
		var err error
		switch action {
		case domain.ComplaintActionConfirm:
			out, err = s.Complaints.Confirm(ctx, code)
		case domain.ComplaintActionDispute:
			out, err = s.Complaints.Dispute(ctx, code, req.Reason)
		default:
			out, err = s.Complaints.Reopen(ctx, code, req.Reason)
		}
		if err != nil {
			writeError(c, err)
			return
		}
		c.JSON(http.StatusOK, publicComplaintResponse{Code: out.Code, Status: out.Status, DueOn: out.DueOn,
			TrackingURL: s.Complaints.TrackURL(out.Code)})
	}
}
