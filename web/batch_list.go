package web

import (
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"

	"santunan/httpkit"
	"santunan/payments"
)

// The list of payment batches, newest first, a page at a time, with a
// filter on their status. The same payments call as GET /api/v1/disbursements.

type batchesPage struct {
	Batches []batchRowView
	Filter  formView
	Pager   pager
	MayAdd  bool
}

type batchRowView struct {
	payments.Batch
	Label string
	Badge string
}

func (s *Server) pageBatches(c *gin.Context) {
	user := httpkit.MustUser(c)
	status := c.Query("status")
	items, next, err := s.Payments.ListBatches(c.Request.Context(), user.Actor(), listPageQuery(c, status))
	if err != nil {
		s.renderError(c, err)
		return
	}
	data := batchesPage{Filter: batchFilterForm(status), MayAdd: payments.CanPay(user.Role)}
	for _, b := range items {
		label, badge := batchLabel(b)
		data.Batches = append(data.Batches, batchRowView{Batch: b, Label: label, Badge: badge})
	}
	href := func(cursor string) string {
		v := url.Values{}
		if status != "" {
			v.Set("status", status)
		}
		if cursor != "" {
			v.Set("kursor", cursor)
		}
		if len(v) == 0 {
			return batchesPath
		}
		return batchesPath + "?" + v.Encode()
	}
	if next != "" {
		data.Pager.NextHref = href(next)
	}
	if c.Query("kursor") != "" {
		data.Pager.FirstHref = href("")
	}
	s.render(c, http.StatusOK, "batches", view{Data: data})
}

func batchFilterForm(status string) formView {
	st := textField("status", status, false)
	st.Type, st.Label = "select", text("batch.filter")
	for _, o := range []struct{ value, key string }{{"", "batch.filter_all"}, {payments.BatchOpen, "batch.filter_open"},
		{payments.BatchClosed, "batch.filter_closed"}} {
		st.Options = append(st.Options, option{Value: o.value, Label: text(o.key), Selected: o.value == status})
	}
	return formView{Method: http.MethodGet, Action: batchesPath, Sections: []formSection{{Fields: []formField{st}}},
		Submit: text("batch.filter_submit")}
}
