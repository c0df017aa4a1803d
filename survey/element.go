package survey

// Element is one of the nine elements (unsur) of the SKM, Permenpan RB
// 14/2017; its value is its form field, JSON key and column.
type Element string

const (
	Requirements      Element = "requirements"       // U1 persyaratan
	Procedure         Element = "procedure"          // U2 sistem, mekanisme dan prosedur
	ServiceTime       Element = "service_time"       // U3 waktu penyelesaian
	Cost              Element = "cost"               // U4 biaya/tarif
	Product           Element = "product"            // U5 produk spesifikasi jenis pelayanan
	Competence        Element = "competence"         // U6 kompetensi pelaksana
	Behaviour         Element = "behaviour"          // U7 perilaku pelaksana
	ComplaintHandling Element = "complaint_handling" // U8 penanganan pengaduan, saran dan masukan
	Facilities        Element = "facilities"         // U9 sarana dan prasarana
)

// Elements are the nine, in the regulation's order (U1-U9).
var Elements = [9]Element{Requirements, Procedure, ServiceTime, Cost, Product, Competence, Behaviour,
	ComplaintHandling, Facilities}

// MinScore and MaxScore bound an element's score: 1 (tidak baik) to 4
// (sangat baik).
const (
	MinScore = 1
	MaxScore = 4
)

// MaxComment bounds the comment, in characters.
const MaxComment = 1000
