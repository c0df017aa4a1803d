// Package together runs contenders at the same moment, for the tests that
// race real goroutines against one claim, batch or user.
package together

import "sync"

// Run calls fn(0) .. fn(n-1), each in its own goroutine, released together
// once all are started, and returns their errors in order.
func Run(n int, fn func(i int) error) []error {
	errs := make([]error, n)
	var wg sync.WaitGroup
	gate := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-gate
			errs[i] = fn(i)
		}()
	}
	close(gate)
	wg.Wait()
	return errs
}
