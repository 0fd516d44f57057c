package printout

// column is one table column: its heading and its share of the content width.
type column struct {
	title string
	share float64
}

// cell is one cell's wrapped lines.
type cell []line

// table is a table wrapped and measured, ready to place.
type table struct {
	widths []float64
	head   []cell
	body   [][]cell
	headH  float64
}

// newTable wraps every cell to its column. boldFirst sets the first column in bold, for
// tables read by name.
func (s *sheet) newTable(cols []column, rows [][]string, boldFirst bool) *table {
	t := &table{widths: make([]float64, len(cols)), head: make([]cell, len(cols)), body: make([][]cell, len(rows))}
	pad := s.st.pad
	for i, c := range cols {
		t.widths[i] = c.share * s.width
		t.head[i] = s.wrapLines(c.title, true, s.st.body, t.widths[i]-2*pad, black)
	}
	for r, row := range rows {
		t.body[r] = make([]cell, len(cols))
		for i := range cols {
			text := ""
			if i < len(row) {
				text = row[i]
			}
			t.body[r][i] = s.wrapLines(text, boldFirst && i == 0, s.st.body, t.widths[i]-2*pad, black)
		}
	}
	t.headH = s.rowH(tallest(t.head))
	return t
}

func (s *sheet) rowH(lines int) float64 { return float64(lines)*s.st.lineH(s.st.body) + 2*s.st.pad }

// start is the height of the heading row and the first row (or as much of it as a page
// holds): what must fit before the table may begin on this page.
func (s *sheet) start(t *table) float64 {
	h := t.headH
	if len(t.body) > 0 {
		h += min(s.rowH(tallest(t.body[0])), s.capacity()-t.headH)
	}
	return h
}

// place puts the table on the page. A row that does not fit moves to the next page and the
// heading row is repeated there, so every page of a table can be read alone. A single row
// taller than a whole page (a very long action) is split between lines.
func (s *sheet) place(t *table) {
	pad, lh := s.st.pad, s.st.lineH(s.st.body)
	s.ensure(s.start(t))
	s.tableRow(t, t.head, 0, tallest(t.head), true)
	for _, row := range t.body {
		n := tallest(row)
		if rowH := s.rowH(n); rowH > s.room() && rowH <= s.capacity()-t.headH {
			s.newPage()
			s.tableRow(t, t.head, 0, tallest(t.head), true)
		}
		fresh := false // just broke the page: place at least a line whatever the room
		for from := 0; from < n; {
			fit := int((s.room() - 2*pad + 1e-6) / lh)
			if fit <= 0 && !fresh {
				s.newPage()
				s.tableRow(t, t.head, 0, tallest(t.head), true)
				fresh = true
				continue
			}
			to := min(n, from+max(fit, 1))
			s.tableRow(t, row, from, to, false)
			from, fresh = to, false
		}
	}
	s.y += s.st.gap / 2
}

// tableRow places lines from..to of each cell of one row, and the rules around them.
func (s *sheet) tableRow(t *table, cells []cell, from, to int, heading bool) {
	pad := s.st.pad
	lh := s.st.lineH(s.st.body)
	h := s.rowH(to - from)
	if heading {
		s.rect(s.left, s.y, s.width, h, lightGrey, true, black, 0)
	}
	x := s.left
	for i, c := range cells {
		for j := from; j < to && j < len(c); j++ {
			s.text(x+pad, s.y+pad+float64(j-from)*lh, c[j])
		}
		x += t.widths[i]
	}
	lw, colour := 0.2, ruleGrey
	if heading {
		lw, colour = 0.4, black
	}
	s.rule(s.left, s.y+h, s.left+s.width, s.y+h, colour, lw)
	s.y += h
}

func tallest(cells []cell) int {
	n := 1
	for _, c := range cells {
		n = max(n, len(c))
	}
	return n
}
