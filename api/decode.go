package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/go-playground/validator/v10"

	"santunan/domain"
	"santunan/httpkit"
)

// newValidator reads `binding:` tags, like gin's, and names fields by their
// JSON names so errors point at what the client sent.
func newValidator() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.SetTagName("binding")
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			return ""
		}
		return name
	})
	return v
}

// decodeJSON reads one JSON object into dst, refusing unknown fields and
// trailing data, then checks its binding tags. It writes the error response
// itself and reports whether decoding succeeded. An empty body counts as {}
// when emptyOK (actions that need nothing).
func (s *Server) decodeJSON(c *gin.Context, dst any, emptyOK bool) bool {
	// Read whole (within the body limit) so the text guard sees the bytes.
	raw, err := io.ReadAll(c.Request.Body)
	return s.decodeRaw(c, raw, err, dst, emptyOK)
}

// decodeRaw is decodeJSON's work on bytes already read (readErr is the
// read's error): a JSON part of a multipart body, too.
func (s *Server) decodeRaw(c *gin.Context, raw []byte, readErr error, dst any, emptyOK bool) bool {
	err := readErr
	if err == nil {
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		err = dec.Decode(dst)
		if err == nil && dec.More() {
			err = errors.New("unexpected data after the JSON object")
		}
	}
	if errors.Is(err, io.EOF) && emptyOK {
		err = nil
	}
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			abort(c, http.StatusRequestEntityTooLarge, httpkit.CodePayloadTooLarge,
				fmt.Sprintf("request body is larger than %d bytes", tooLarge.Limit))
			return false
		}
		abort(c, http.StatusBadRequest, httpkit.CodeBadRequest, "malformed JSON: "+describeJSONError(err))
		return false
	}
	if errs, ok := jsonTextViolations(raw); !ok {
		abort(c, http.StatusBadRequest, httpkit.CodeBadRequest, "malformed JSON: the body is not UTF-8")
		return false
	} else if len(errs) > 0 {
		writeError(c, errs.Err())
		return false
	}
	if err := s.validate.Struct(dst); err != nil {
		var verrs validator.ValidationErrors
		if !errors.As(err, &verrs) {
			abort(c, http.StatusBadRequest, httpkit.CodeBadRequest, "request could not be checked")
			return false
		}
		writeError(c, bindingViolations(verrs).Err())
		return false
	}
	return true
}

// bindingViolations turns validator errors into the domain's field errors,
// keyed by JSON path without the request type's name.
func bindingViolations(verrs validator.ValidationErrors) domain.FieldErrors {
	out := domain.FieldErrors{}
	for _, fe := range verrs {
		path := fe.Namespace()
		if i := strings.Index(path, "."); i >= 0 {
			path = path[i+1:]
		}
		code := domain.ViolationInvalidValue
		switch fe.Tag() {
		case "required":
			code = domain.ViolationRequired
		case "max":
			code = domain.ViolationTooLong
		}
		out.Add(path, code)
	}
	return out
}

// describeJSONError says what was wrong without echoing the body (which may
// hold personal data) beyond a field name or offset.
func describeJSONError(err error) string {
	var syntax *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return fmt.Sprintf("syntax error at byte %d", syntax.Offset)
	case errors.As(err, &typeErr):
		return fmt.Sprintf("field %q must be %s", typeErr.Field, typeErr.Type.String())
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return "unknown field " + strings.TrimPrefix(err.Error(), "json: unknown field ")
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "the body ended early or was empty"
	}
	return "not a JSON object"
}
