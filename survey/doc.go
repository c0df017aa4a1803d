// Package survey is the satisfaction survey (Survei Kepuasan Masyarakat,
// SKM, Permenpan RB 14/2017) offered to the heir of each paid claim.
//
// A claim's payment (confirm_payment) makes its invite in the event's
// transaction (Hook; LinkFor gives the paid message its link,
// PUBLIC_URL/survei/<token>). The tracking page of a paid claim offers the
// survey with a short-lived token of its own (Offer), carried in the page's
// form, never in a URL. An invite is answered once (Answer): the answer is
// stored without the claim, the invite or the time, only the month
// answered, and the invite is marked used in the same transaction.
//
// Index and Monthly compute the SKM index of a period: the mean of each
// element's scores (1-4), the mean of the nine element means times 25,
// rounded to two decimals, and its quality band (A-D). CanRead (policy.go)
// says who may read them.
package survey
