package paging

import "testing"

func TestRoundTrip(t *testing.T) {
	for _, id := range []int64{0, 1, 42, 1 << 40} {
		got, ok := Decode("id", Encode("id", id), 0)
		if !ok || got != id {
			t.Errorf("cursor for %d decodes to %d, %v", id, got, ok)
		}
	}
}

func TestRefusesForeignAndBadCursors(t *testing.T) {
	cases := []struct {
		name, cursor string
		min          int64
	}{
		{"not base64", "%%%", 0},
		{"no name", "MTI", 0},
		{"other name", Encode("before", 5), 0},
		{"negative", Encode("id", -1), 0},
		{"below min", Encode("id", 0), 1},
		{"not a number", "aWQ6eA", 0},
	}
	for _, c := range cases {
		if _, ok := Decode("id", c.cursor, c.min); ok {
			t.Errorf("%s: Decode(%q) accepted", c.name, c.cursor)
		}
	}
	if id, ok := Decode("id", "", 1); !ok || id != 0 {
		t.Errorf("empty cursor: %d %v, want the first page", id, ok)
	}
}

func FuzzDecode(f *testing.F) {
	f.Add("")
	f.Add(Encode("id", 12345))
	f.Add("aWQ6LTE")
	f.Fuzz(func(t *testing.T, s string) {
		id, ok := Decode("id", s, 0)
		if ok && s != "" {
			if id < 0 {
				t.Fatalf("Decode(%q) = %d", s, id)
			}
			if again, ok := Decode("id", Encode("id", id), 0); !ok || again != id {
				t.Fatalf("re-encoding %d does not round-trip", id)
			}
		}
	})
}
