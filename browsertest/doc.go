// Package browsertest drives Santunan's pages in a real browser, Debian's
// Chromium through github.com/chromedp/chromedp: staff file, verify,
// approve and pay a claim, and an heir tracks it on a phone-sized screen.
// It has only tests; see browser_test.go for how Chromium is found and why
// a missing one skips the tests outside CI and fails them under CI=true.
package browsertest
