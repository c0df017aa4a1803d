// Package applications is the heir's side of filing: a phone check (a
// one-time code sent through the notification channel proves the heir
// holds the phone), an online application (the claim filed by the public
// applicant into applied, with its documents, in one transaction), and the
// online correction of a returned claim (documents and data, then
// resubmit, with the heir as actor). The clerk's intake queue reads the
// applied claims through the engine's list.
package applications
