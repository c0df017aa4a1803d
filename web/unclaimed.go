package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"

	"santunan/deathregister"
	"santunan/domain"
	"santunan/httpkit"
)

// The registered deaths nobody has claimed yet, for the villages to reach
// the families before the claim window closes (jemput bola): counts per
// desa, the list of one desa or all, a page at a time, and the CSV.

const unclaimedPath = "/staf/kematian-belum-diklaim"

// unclaimedPageSize keeps a page light on slow office connections.
const unclaimedPageSize = 50

type unclaimedPage struct {
	AfterDays int
	Village   string // the desa listed, empty for all
	Label     string // its name
	Filter    formView
	Counts    []villageCountRow
	Total     int
	Rows      []unclaimedRow
	NextHref  string
	FirstHref string
	CSVHref   string
}

type villageCountRow struct {
	Village, Kecamatan string
	Count              int
	Href               string
	Current            bool
}

type unclaimedRow struct {
	Name, NIK, Sex, Certificate, Village string
	DateOfDeath, Deadline                domain.Date
	Days                                 string
	Left                                 string
}

func unclaimedHref(village, cursor string) string {
	v := url.Values{}
	if village != "" {
		v.Set("desa", village)
	}
	if cursor != "" {
		v.Set("kursor", cursor)
	}
	if len(v) == 0 {
		return unclaimedPath
	}
	return unclaimedPath + "?" + v.Encode()
}

func (s *Server) unclaimedFilter(village string) formView {
	f := textField(domain.FieldDeceasedVillageCode, village, false)
	f.Name, f.Type, f.Placeholder, f.Groups = "desa", "select", text("unclaimed.all_villages"), s.villageGroups(village)
	return formView{Method: http.MethodGet, Action: unclaimedPath, Sections: []formSection{{Fields: []formField{f}}},
		Submit: text("unclaimed.show")}
}

func (s *Server) pageUnclaimed(c *gin.Context) {
	ctx := c.Request.Context()
	actor := httpkit.MustUser(c).Actor()
	village, cursor := c.Query("desa"), c.Query("kursor")
	counts, err := s.DeathRegister.UnclaimedByVillage(ctx, actor)
	if err != nil {
		s.renderError(c, err)
		return
	}
	data := unclaimedPage{AfterDays: s.DeathRegister.UnclaimedAfterDays(), Village: village, Filter: s.unclaimedFilter(village),
		CSVHref: unclaimedPath + "/unduh"}
	if village != "" {
		data.CSVHref += "?" + url.Values{"desa": {village}}.Encode()
		if v, ok := s.Areas.Village(village); ok {
			data.Label = villageLabel(v)
		}
	}
	for _, vc := range counts {
		v, _ := s.Areas.Village(vc.VillageCode)
		data.Counts = append(data.Counts, villageCountRow{Village: villageLabel(v), Kecamatan: vc.KecamatanName,
			Count: vc.Count, Href: unclaimedHref(vc.VillageCode, ""), Current: vc.VillageCode == village})
		data.Total += vc.Count
	}
	page, err := s.DeathRegister.Unclaimed(ctx, actor, deathregister.UnclaimedQuery{VillageCode: village, Limit: unclaimedPageSize, Cursor: cursor})
	if errs := fieldErrors(err); errs != nil {
		// A hand-edited address: the desa or the page is not one we know.
		if code, ok := errs["village_code"]; ok {
			delete(errs, "village_code")
			errs["desa"] = code
		}
		data.Filter.applyErrors(errs)
		s.render(c, http.StatusUnprocessableEntity, "unclaimed", view{Data: data})
		return
	}
	if err != nil {
		s.renderError(c, err)
		return
	}
	today := domain.DateOf(s.opts.Now().In(domain.Jakarta()))
	for _, d := range page.Items {
		v, _ := s.Areas.Village(d.VillageCode)
		left := int(d.ClaimDeadline.Time().Sub(today.Time()).Hours() / 24)
		data.Rows = append(data.Rows, unclaimedRow{Name: d.FullName, NIK: d.NIK, Sex: text("sex." + string(d.Sex)),
			Certificate: d.DeathCertificateNo, Village: villageLabel(v) + ", " + kecamatanLabel(v),
			DateOfDeath: d.DateOfDeath, Deadline: d.ClaimDeadline,
			Days: textf("unclaimed.days", "n", strconv.Itoa(d.DaysSinceDeath)), Left: textf("unclaimed.days_left", "n", strconv.Itoa(left))})
	}
	if page.NextCursor != "" {
		data.NextHref = unclaimedHref(village, page.NextCursor)
	}
	if cursor != "" {
		data.FirstHref = unclaimedHref(village, "")
	}
	s.render(c, http.StatusOK, "unclaimed", view{Data: data})
}

// pageUnclaimedCSV is the API's export for a signed-in person: a bad desa
// is answered with a page before anything is sent.
func (s *Server) pageUnclaimedCSV(c *gin.Context) {
	actor := httpkit.MustUser(c).Actor()
	village := c.Query("desa")
	if _, err := s.DeathRegister.Unclaimed(c.Request.Context(), actor, deathregister.UnclaimedQuery{VillageCode: village, Limit: 1}); err != nil {
		status, msg := pageProblem(c, err)
		s.renderPlain(c, status, msg, &link{Href: unclaimedPath, Text: text("unclaimed.back")})
		return
	}
	httpkit.SendUnclaimedCSV(c, s.DeathRegister, actor, village, domain.DateOf(s.opts.Now().In(domain.Jakarta())))
}
