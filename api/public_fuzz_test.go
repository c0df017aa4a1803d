package api_test

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"testing"

	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// Whatever the public's online forms receive (a JSON part, a file, or a
// body that is no multipart at all), the answer is a 4xx in the error
// shape or a success, never a 500.
func FuzzPublicForms(f *testing.F) {
	seed, _ := json.Marshal(testserver.ApplicationBody(1))
	for _, s := range []struct {
		part string
		file []byte
		raw  bool
	}{
		{string(seed), testserver.SampleJPEG, false}, {"", nil, false}, {"{}", testserver.SampleHTML, false},
		{`{"code":"SKM-\u0000"}`, nil, false}, {"\xff\xfe", []byte{0}, false}, {`{"heir":{"full_name":"a\u202eb"}}`, nil, false},
		{"--x\r\nContent-Disposition: form-data; name=\"application\"\r\n\r\n{}\r\n--x--\r\n", nil, true},
		{"--x\r\nContent-Disposition: form-data; name=\"documents.lainnya\"\r\n\r\nzz\r\n--x--", nil, true},
	} {
		f.Add(s.part, s.file, s.raw)
	}
	var servers []*testserver.Server
	for _, db := range testdb.Fuzz(f) {
		servers = append(servers, testserver.Start(f, db))
	}
	f.Fuzz(func(t *testing.T, part string, file []byte, raw bool) {
		for _, s := range servers {
			for _, path := range []string{"/api/v1/public/applications", "/api/v1/public/corrections"} {
				var body bytes.Buffer
				contentType := "multipart/form-data; boundary=x"
				if raw {
					body.WriteString(part)
				} else {
					w := multipart.NewWriter(&body)
					name := "application"
					if path == "/api/v1/public/corrections" {
						name = "correction"
					}
					_ = w.WriteField(name, part)
					if file != nil {
						fw, _ := w.CreateFormFile("documents.akta_kematian", "foto.jpg")
						_, _ = fw.Write(file)
					}
					_ = w.Close()
					contentType = w.FormDataContentType()
				}
				req, err := http.NewRequest(http.MethodPost, s.URL+path, &body)
				if err != nil {
					t.Fatal(err)
				}
				req.Header.Set("Content-Type", contentType)
				req.Header.Set("X-Phone-Token", "fuzz")
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				out, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode >= 500 {
					t.Fatalf("POST %s: %d %s", path, resp.StatusCode, out)
				}
				var e apiError
				if resp.StatusCode >= 400 && (json.Unmarshal(out, &e) != nil || e.Error.Code == "") {
					t.Fatalf("POST %s: error without the error shape: %s", path, out)
				}
			}
		}
	})
}
