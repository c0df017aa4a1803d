// Package notify sends the heir a short message at each step of the claim,
// and one-time codes to a phone being checked. Delivery is transactional: the
// message's row (notifications, the record) and a river job that delivers
// it are written in the transaction of the event that causes it (Hook, or
// EnqueueCode in the caller's transaction), so a message exists exactly when
// its event does. The worker (river's client, Start/Stop) sends it afterwards
// through a Channel with retries and exponential backoff, then marks the row
// sent, or failed with the gateway's answer after the last attempt. Every
// attempt carries the row's id as idempotency key, so a retry after a crash
// mid-delivery is the same message to the gateway. River claims jobs with
// FOR UPDATE SKIP LOCKED on PostgreSQL, so several servers on one database
// never send one message twice; on SQLite it shares the one writer connection.
package notify
