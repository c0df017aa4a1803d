package complaints

import "santunan/domain"

func complaintStatus(s string) domain.ComplaintStatus { return domain.ComplaintStatus(s) }
func unit(s string) domain.Unit                       { return domain.Unit(s) }
func role(s string) domain.Role                       { return domain.Role(s) }
func action(s string) domain.ComplaintAction          { return domain.ComplaintAction(s) }
