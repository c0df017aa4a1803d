package web

// Step 3 of the online application: the tracking code, large, at once
// (the message with it is the apply event's, sent by the outbox), and the
// receipt: POST /lacak/tanda-terima with the code and the heir's NIK.

type applyDonePage struct {
	Code    string
	Receipt formView
	Offices officesView
}

func receiptForm(code string) formView {
	nik := textField("heir_nik", "", true)
	nik.InputMode, nik.Autocomplete = "numeric", "off"
	return formView{Action: heirReceiptPath, Hidden: []hiddenField{{Name: "code", Value: code}},
		Sections: []formSection{{Fields: []formField{nik}}}, Submit: text("apply.receipt")}
}
