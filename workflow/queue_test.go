package workflow_test

import (
	"testing"

	"santunan/domain"
	"santunan/workflow"
)

// A claim in a role's queue waits on that role: the table lets the role
// act on it there (the home page and the queue-age metric rely on it).
func TestEachQueuedStatusOffersItsRoleAnAction(t *testing.T) {
	table := workflow.DefaultTable()
	for _, role := range domain.AllRoles {
		for _, st := range role.Queue() {
			if len(table.Allowed(role, st)) == 0 {
				t.Errorf("%s's queue holds %s, where it may take no action", role, st)
			}
			if st.Final() {
				t.Errorf("%s's queue holds the final status %s", role, st)
			}
		}
	}
	if len(domain.RoleAuditor.Queue()) != 0 || len(domain.RoleAdmin.Queue()) != 0 {
		t.Error("the auditor and the admin work no queue")
	}
}
