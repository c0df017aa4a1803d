package browsertest_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/gin-gonic/gin"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testserver"
)

// One Chromium serves the whole suite; each person in a test gets a fresh
// browser context (its own cookies) in it.
var (
	browserOnce sync.Once
	browserCtx  context.Context
	browserErr  error
	stopBrowser = func() {}
)

func TestMain(m *testing.M) {
	gin.SetMode(gin.TestMode)
	code := m.Run()
	stopBrowser()
	os.Exit(code)
}

// chromiumPath finds Debian's Chromium (apt-get install -y chromium); no
// browser is ever downloaded. Without one the tests skip with a message,
// except under CI=true, where a missing browser is a failure: CI must run
// these tests.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is not installed, and CI=true: the browser tests must run (apt-get install -y chromium)")
	}
	t.Skip("chromium is not installed: skipping the browser tests (apt-get install -y chromium to run them)")
	return ""
}

// browser starts the suite's Chromium on first use. The flags keep it
// quiet on a machine without network: without the background-networking
// ones it hangs on connections it cannot make. It runs as root here, hence
// --no-sandbox.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := chromiumPath(t)
	browserOnce.Do(func() {
		dir, err := os.MkdirTemp("", "santunan-chromium-")
		if err != nil {
			browserErr = err
			return
		}
		alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
			chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
			chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(dir),
			chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
			chromedp.Flag("disable-dev-shm-usage", true), chromedp.Flag("disable-extensions", true),
			chromedp.Flag("lang", "id-ID"), chromedp.WindowSize(1280, 900))
		ctx, cancelCtx := chromedp.NewContext(alloc)
		stopBrowser = func() {
			cancelCtx()
			cancelAlloc()
			_ = os.RemoveAll(dir)
		}
		// The first action starts the browser, which then lives as long as
		// the context it ran on: ctx itself, not one with a deadline.
		browserErr = chromedp.Do(ctx, chromedp.Navigate("about:blank"))
		browserCtx = ctx
	})
	if browserErr != nil {
		t.Fatalf("start chromium: %v", browserErr)
	}
	return browserCtx
}

// site is Santunan as `serve` wires it (internal/testserver: documents,
// the death register, the year's budget, payments through batches), on a
// real database, with the fixed clock of the fixtures (28 November 2026,
// 10:00 WIB) and one user per role (username = role, password
// testserver.Password), the admin included.
type site struct {
	*testserver.Server
	url    string
	shots  string // folder for screenshots
	prefix string // of screenshot names: the database
}

// adminPassword is the admin's own password; every account the admin
// creates on the page starts with oneTimePassword (firstLogin replaces it).
const (
	adminPassword   = testserver.Password
	oneTimePassword = testserver.OneTimePassword
)

func newSite(t *testing.T, db *database.DB, opts ...testserver.Option) *site {
	t.Helper()
	s := testserver.Start(t, db, opts...)
	return &site{Server: s, url: s.URL, shots: screenshotDir(t), prefix: string(db.Dialect)}
}

// screenshotDir is $SANTUNAN_SCREENSHOTS, or testdata/screenshots here
// (ignored by git).
func screenshotDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("SANTUNAN_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join("testdata", "screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// addUser creates a staff account (the admin's page is tested separately).
func (s *site) addUser(t *testing.T, username string, role domain.Role, password string) {
	t.Helper()
	s.With(t).AddUser(username, "Petugas "+username, role, password)
}

// person is one browser context: its own cookies, its own screen size.
type person struct {
	t    *testing.T
	site *site
	ctx  context.Context
}

func (s *site) person(t *testing.T, width, height int64) *person {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser(t), chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	// The first action opens the tab, which lives as long as the context
	// it ran on, so it runs on ctx itself rather than one with a deadline.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, height)); err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	return &person{t: t, site: s, ctx: ctx}
}

func (s *site) desk(t *testing.T) *person { return s.person(t, 1280, 900) }

func (s *site) phone(t *testing.T) *person { return s.person(t, 360, 740) }

// do runs steps, each bounded so that a broken page fails rather than hangs.
func (p *person) do(steps ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		p.t.Fatalf("browser: %v", err)
	}
}

// run reads something off the page. A read that raced with Chromium
// renumbering the DOM as a page settles (seen on the page after a first
// login's password change) is asked again: reading twice changes nothing.
func run[T any](p *person, a chromedp.Action[T]) T {
	p.t.Helper()
	for attempt := 1; ; attempt++ {
		ctx, cancel := context.WithTimeout(p.ctx, 20*time.Second)
		v, err := chromedp.Run(ctx, a)
		cancel()
		if err != nil && strings.Contains(err.Error(), "No node with given id found") && attempt < 3 {
			continue
		}
		if err != nil {
			p.t.Fatalf("browser: %v", err)
		}
		return v
	}
}

func (p *person) open(path string) int64 {
	p.t.Helper()
	return p.submit(chromedp.Navigate(p.site.url + path))
}

// submit runs steps that load a page (a click on a submit button) and
// returns the HTTP status of the page that ends up shown.
func (p *person) submit(steps ...chromedp.Action[chromedp.Void]) int64 {
	p.t.Helper()
	for attempt := 1; ; attempt++ {
		ctx, cancel := context.WithTimeout(p.ctx, 20*time.Second)
		resp, err := chromedp.RunResponse(ctx, steps...)
		cancel()
		// Chromium renumbers DOM nodes when a page settles; a query that
		// raced with it failed before anything was clicked, so it is safe
		// to ask again.
		if err != nil && strings.Contains(err.Error(), "No node with given id found") && attempt < 3 {
			continue
		}
		if err != nil {
			p.t.Fatalf("browser: %v", err)
		}
		return resp.Status
	}
}

// check ticks a checkbox and expand opens a <details>, through the DOM
// rather than a mouse event, so no node id can go stale in between.
func (p *person) check(css string) {
	p.t.Helper()
	p.do(chromedp.Evaluate[chromedp.Void](`document.querySelector(` + jsString(css) + `).checked = true`))
}

func (p *person) expand(css string) {
	p.t.Helper()
	p.do(chromedp.Evaluate[chromedp.Void](`document.querySelector(` + jsString(css) + `).open = true`))
}

func jsString(s string) string {
	raw, _ := json.Marshal(s)
	return string(raw)
}

// click presses a submit button and waits for the next page.
func (p *person) click(css string) int64 {
	p.t.Helper()
	return p.submit(chromedp.Click(chromedp.CSS(css)))
}

func (p *person) fill(id, value string) {
	p.t.Helper()
	p.do(chromedp.SetValue(chromedp.ID(id), value))
}

// fillAll sets many fields (by element id) in one round trip, as a person
// would type them; there is no script on the page to notice the difference.
func (p *person) fillAll(values map[string]string) {
	p.t.Helper()
	raw, err := json.Marshal(values)
	if err != nil {
		p.t.Fatal(err)
	}
	p.do(chromedp.Evaluate[chromedp.Void](`(function (m) {
		for (const [id, v] of Object.entries(m)) { document.getElementById(id).value = v; }
	})(` + string(raw) + `)`))
}

// values reads the current value of each field (by element id).
func (p *person) values(ids []string) map[string]string {
	p.t.Helper()
	raw, err := json.Marshal(ids)
	if err != nil {
		p.t.Fatal(err)
	}
	return run(p, chromedp.Evaluate[map[string]string](`Object.fromEntries(`+string(raw)+
		`.map(id => [id, document.getElementById(id) ? document.getElementById(id).value : null]))`))
}

func (p *person) text(css string) string {
	p.t.Helper()
	return run(p, chromedp.Text(chromedp.CSS(css)))
}

// sees fails unless the visible text of the page holds each text.
func (p *person) sees(texts ...string) {
	p.t.Helper()
	body := p.text("body")
	for _, s := range texts {
		if !strings.Contains(body, s) {
			p.t.Fatalf("page does not show %q; it shows:\n%s", s, body)
		}
	}
}

func (p *person) has(css string) bool {
	p.t.Helper()
	return run(p, chromedp.Evaluate[bool](fmt.Sprintf("document.querySelector(%q) !== null", css)))
}

func (p *person) path() string {
	p.t.Helper()
	return strings.TrimPrefix(run(p, chromedp.Location()), p.site.url)
}

// login signs in through the login form, with the keyboard only.
func (p *person) login(username, password string) {
	p.t.Helper()
	p.open("/masuk")
	p.do(chromedp.SendKeys(chromedp.ID("f-username"), username))
	status := p.submit(chromedp.SendKeys(chromedp.ID("f-password"), password+"\r"))
	if status != 200 || !strings.HasPrefix(p.path(), "/staf") {
		p.t.Fatalf("login as %s: status %d at %s", username, status, p.path())
	}
}

// firstLogin signs in with the one-time password the admin gave, replaces
// it with own on the page the login leads to, and goes on to the queue.
func (p *person) firstLogin(username, own string) {
	p.t.Helper()
	p.login(username, oneTimePassword)
	if !strings.HasPrefix(p.path(), "/staf/ganti-sandi") {
		p.t.Fatalf("first login as %s landed on %s", username, p.path())
	}
	p.sees("hanya berlaku sekali")
	p.screenshot("13-ganti-sandi")
	p.fillAll(map[string]string{"f-current-password": oneTimePassword, "f-new-password": own, "f-new-password-again": own})
	if st := p.click(`form[action="/staf/ganti-sandi"] button[type=submit]`); st != 200 {
		p.t.Fatalf("change the one-time password of %s: status %d", username, st)
	}
	p.sees("Kata sandi Anda sudah diganti.")
	if !p.has(`main .card a.btn[href="/staf"]`) {
		p.t.Fatal("the page does not lead on to the queue")
	}
	p.open("/staf")
}

func (p *person) logout() {
	p.t.Helper()
	p.click(".logout button")
	p.sees("Anda sudah keluar.")
}

// screenshot saves the whole page as a PNG.
func (p *person) screenshot(name string) {
	p.t.Helper()
	png := run(p, chromedp.FullScreenshot(100))
	file := filepath.Join(p.site.shots, p.site.prefix+"-"+name+".png")
	if err := os.WriteFile(file, png, 0o644); err != nil {
		p.t.Fatal(err)
	}
}
