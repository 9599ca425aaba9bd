//! Splitting a CSV file into records exactly as the `csv` crate's reader
//! does (its default dialect: comma, `"` quotes doubled inside quoted
//! fields, `\r`, `\n` or `\r\n` ending a record, blank lines skipped, a
//! UTF-8 byte-order mark dropped at the start, strict field counts), with
//! the same fields, positions (byte, line, record) and errors, but faster
//! for the common row: a row with no `\r` before its `\n`, no NUL byte and
//! no quote but around a whole field holding no quote or line break is
//! split at its commas, eight bytes at a time; any other row, the header,
//! the first row after a seek and a last line without a line end go through
//! `csv-core`, the crate's own parser, fed as the crate feeds it. A property
//! test holds the two readers to the same output on random input.
//!
//! A record comes as a [`Row`]: a row split at its commas is its line
//! copied once, each field a span of it (no copy per field); a parsed row
//! holds csv-core's output. `csv::ByteRecord` reads (for the callers that
//! keep records) are a copy of that.
//!
//! What a row holds beyond that (UTF-8, NUL bytes, the field count of a
//! torn end) is checked by [`Table`](super::table::Table) above.

use std::io::{self, Read, Seek, SeekFrom};
use std::ops::Range;

use csv::{ByteRecord, Position};
use csv_core::ReadRecordResult;

/// What can go wrong reading records.
#[derive(Debug)]
pub(crate) enum RowError {
    Io(io::Error),
    /// A record whose field count differs from the first record's (the
    /// header's); as `csv::ErrorKind::UnequalLengths`.
    UnequalLengths {
        pos: Position,
        expected: u64,
        len: u64,
    },
}

impl From<io::Error> for RowError {
    fn from(err: io::Error) -> Self {
        RowError::Io(err)
    }
}

/// How a record was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum How {
    /// At its commas: it holds no `\r` and no NUL byte, and a quote only
    /// around a whole field.
    Split,
    /// Through csv-core (it may hold anything).
    Parsed,
}

/// One record as read: its bytes, and where each field lies in them.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    bytes: Vec<u8>,
    spans: Vec<(usize, usize)>,
    pos: Position,
    how: How,
    /// Blank lines passed over before its text (its position is before
    /// them, as the crate says; the line people look for is after).
    blank_lines: u64,
}

impl Default for Row {
    fn default() -> Self {
        Self {
            bytes: Vec::new(),
            spans: Vec::new(),
            pos: Position::new(),
            how: How::Parsed,
            blank_lines: 0,
        }
    }
}

/// A record's fields, whichever way it was kept: a [`Row`] or a
/// `csv::ByteRecord`.
pub(crate) trait Fields {
    /// The bytes the fields lie in (for a split row, with the commas
    /// between them).
    fn as_slice(&self) -> &[u8];
    /// Where field `i` lies in [`Fields::as_slice`].
    fn range(&self, i: usize) -> Option<Range<usize>>;
    fn len(&self) -> usize;
    fn position(&self) -> Option<&Position>;
    /// Whether every field starts and ends where a character may (true of
    /// a row split at its ASCII commas, once its bytes are UTF-8).
    fn split_at_commas(&self) -> bool;

    /// How many blank lines lie between its position and its text.
    fn blank_lines(&self) -> u64 {
        0
    }

    fn get(&self, i: usize) -> Option<&[u8]> {
        self.range(i).map(|r| &self.as_slice()[r])
    }
}

impl Fields for Row {
    #[inline]
    fn as_slice(&self) -> &[u8] {
        &self.bytes
    }

    #[inline]
    fn range(&self, i: usize) -> Option<Range<usize>> {
        self.spans.get(i).map(|&(start, end)| start..end)
    }

    #[inline]
    fn len(&self) -> usize {
        self.spans.len()
    }

    fn position(&self) -> Option<&Position> {
        Some(&self.pos)
    }

    #[inline]
    fn split_at_commas(&self) -> bool {
        self.how == How::Split
    }

    fn blank_lines(&self) -> u64 {
        self.blank_lines
    }
}

impl Fields for ByteRecord {
    fn as_slice(&self) -> &[u8] {
        ByteRecord::as_slice(self)
    }

    fn range(&self, i: usize) -> Option<Range<usize>> {
        ByteRecord::range(self, i)
    }

    fn len(&self) -> usize {
        ByteRecord::len(self)
    }

    fn position(&self) -> Option<&Position> {
        ByteRecord::position(self)
    }

    fn split_at_commas(&self) -> bool {
        false
    }
}

impl Row {
    /// Field `i`, if the row has it.
    #[inline]
    pub(crate) fn get(&self, i: usize) -> Option<&[u8]> {
        Fields::get(self, i)
    }

    /// Where the record starts, as the csv crate says (an `Option`, as
    /// `csv::ByteRecord::position` gives it).
    #[allow(clippy::unnecessary_wraps)]
    pub(crate) fn position(&self) -> Option<&Position> {
        Some(&self.pos)
    }

    /// The fields, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &[u8]> {
        self.spans
            .iter()
            .map(|&(start, end)| &self.bytes[start..end])
    }

    /// How the row was read.
    #[cfg(test)]
    pub(crate) fn how(&self) -> How {
        self.how
    }

    /// The row as a `csv::ByteRecord`.
    pub(crate) fn copy_into(&self, record: &mut ByteRecord) {
        record.clear();
        for field in self.iter() {
            record.push_field(field);
        }
        record.set_position(Some(self.pos.clone()));
    }
}

/// What [`split_line`] found.
#[derive(Debug, PartialEq, Eq)]
enum Line {
    /// The record ends after this many bytes, at a `\n` (true) or a `\r`.
    Ends(usize, bool),
    /// A quote or a NUL byte comes before the line ends: for csv-core.
    Careful,
    /// No line end in the bytes.
    Open,
}

/// Splits the record at the start of `bytes` at its commas, up to the
/// first `\r` or `\n` outside quotes, into `spans`. Eight bytes at a time:
/// every comma, quote and byte below 0x0e (NUL, `\r`, `\n`) is flagged
/// (the trick may also flag a byte right after one, never miss one) and
/// only the flagged bytes are looked at. A field in quotes with
/// no quote, line break or NUL inside, closed right before a comma or the
/// line end (a note with a comma in it, as couple writes it), is its bytes
/// between the quotes; any other quote is csv-core's to read.
#[inline]
fn split_line(bytes: &[u8], spans: &mut Vec<(usize, usize)>) -> Line {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    const COMMAS: u64 = ONES * b',' as u64;
    const QUOTES: u64 = ONES * b'"' as u64;
    // NUL, `\n` and `\r` are below it (so are tabs, looked at for nothing).
    const CONTROLS: u64 = ONES * 0x0e;
    // The high bit of each byte below `limit`'s (of each zero byte), and
    // maybe of a byte above one: a borrow may carry, but never hides one.
    let below = |word: u64, limit: u64| word.wrapping_sub(limit) & !word & HIGHS;
    let zero = |word: u64| below(word, ONES);
    spans.clear();
    let mut field = 0;
    let mut at = 0;
    'words: loop {
        // Looks at byte `i`: on to the next field, the line's end, or over
        // a quoted field (the words then go on after it).
        macro_rules! look {
            ($i:expr) => {{
                let i = $i;
                match bytes[i] {
                    b',' => {
                        spans.push((field, i));
                        field = i + 1;
                    }
                    b'\n' => {
                        spans.push((field, i));
                        return Line::Ends(i, true);
                    }
                    b'\r' => {
                        spans.push((field, i));
                        return Line::Ends(i, false);
                    }
                    b'"' if i == field => {
                        let Some(close) = bytes[i + 1..]
                            .iter()
                            .position(|&b| matches!(b, b'"' | b'\n' | b'\r' | 0))
                            .map(|n| i + 1 + n)
                        else {
                            return Line::Open;
                        };
                        if bytes[close] != b'"' {
                            return Line::Careful;
                        }
                        match bytes.get(close + 1) {
                            Some(b',') => {
                                spans.push((i + 1, close));
                                field = close + 2;
                                at = close + 2;
                                continue 'words;
                            }
                            Some(b'\n') => {
                                spans.push((i + 1, close));
                                return Line::Ends(close + 1, true);
                            }
                            Some(b'\r') => {
                                spans.push((i + 1, close));
                                return Line::Ends(close + 1, false);
                            }
                            Some(_) => return Line::Careful,
                            None => return Line::Open,
                        }
                    }
                    b'"' | 0 => return Line::Careful,
                    _ => {}
                }
            }};
        }
        while let Some(chunk) = bytes.get(at..at + 8) {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(chunk);
            let word = u64::from_le_bytes(eight);
            let mut flagged = zero(word ^ COMMAS) | zero(word ^ QUOTES) | below(word, CONTROLS);
            while flagged != 0 {
                look!(at + (flagged.trailing_zeros() / 8) as usize);
                flagged &= flagged - 1;
            }
            at += 8;
        }
        // The last bytes, one at a time (a quoted field starts the words
        // again after it).
        let tail = at;
        for i in tail..bytes.len() {
            look!(i);
        }
        return Line::Open;
    }
}

/// Records read from `inner`, one reused buffer.
pub(crate) struct Rows<R> {
    inner: R,
    buf: Vec<u8>,
    /// The bytes not consumed yet: `buf[at..end]`.
    at: usize,
    end: usize,
    core: csv_core::Reader,
    /// Whether csv-core has read since it was made or reset (until then
    /// it may take a byte-order mark off; the fast path would not).
    core_used: bool,
    /// Where the next record starts, as the crate counts.
    pos: Position,
    /// csv-core said the input ended.
    done: bool,
    first_field_count: Option<u64>,
    /// csv-core's output: the fields back to back, and where each ends.
    fields: Vec<u8>,
    ends: Vec<usize>,
    /// The record read last ended with a `\r`: the `\n` that may follow
    /// is its line end, not a blank line.
    ended_cr: bool,
}

impl<R: Read> Rows<R> {
    /// Reads `inner` in pieces of `capacity` bytes.
    pub(crate) fn new(inner: R, capacity: usize) -> Self {
        Self {
            inner,
            buf: vec![0; capacity.max(1)],
            at: 0,
            end: 0,
            core: csv_core::Reader::new(),
            core_used: false,
            pos: Position::new(),
            done: false,
            first_field_count: None,
            fields: vec![0; 1024],
            ends: vec![0; 32],
            ended_cr: false,
        }
    }

    pub(crate) fn get_ref(&self) -> &R {
        &self.inner
    }

    /// Where the next record starts (as `csv::Reader::position`).
    pub(crate) fn position(&self) -> &Position {
        &self.pos
    }

    /// Moves what is left to the front and reads more after it, once, as
    /// a buffered reader reads (a short read is fine). Nothing is read
    /// when the buffer is full.
    fn fill(&mut self) -> io::Result<()> {
        if self.at > 0 {
            self.buf.copy_within(self.at..self.end, 0);
            self.end -= self.at;
            self.at = 0;
        }
        if self.end == self.buf.len() {
            return Ok(());
        }
        loop {
            match self.inner.read(&mut self.buf[self.end..]) {
                Ok(n) => {
                    self.end += n;
                    return Ok(());
                }
                Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
                Err(err) => return Err(err),
            }
        }
    }

    fn consume(&mut self, n: usize) {
        self.at += n;
        self.pos.set_byte(self.pos.byte() + n as u64);
    }

    /// Reads the next record into `row`, with its position (where the
    /// reading started, blank lines before it included, as the crate
    /// says); `None` at the end.
    pub(crate) fn next(&mut self, row: &mut Row) -> Result<Option<How>, RowError> {
        row.bytes.clear();
        row.spans.clear();
        row.pos = self.pos.clone();
        row.how = How::Parsed;
        row.blank_lines = 0;
        if self.done {
            return Ok(None);
        }
        if !self.core_used {
            return self.parse(row);
        }
        // Blank lines: skipped, as csv-core does at a record's start, and
        // counted (a `\n` right after the record before's `\r` ends it).
        let mut first = true;
        loop {
            if self.at == self.end {
                self.fill()?;
                if self.at == self.end {
                    return self.parse(row);
                }
            }
            match self.buf[self.at] {
                b'\n' => {
                    self.consume(1);
                    self.pos.set_line(self.pos.line() + 1);
                    if !(first && self.ended_cr) {
                        row.blank_lines += 1;
                    }
                }
                b'\r' => self.consume(1),
                _ => break,
            }
            first = false;
        }
        let (len, ends_line) = match split_line(&self.buf[self.at..self.end], &mut row.spans) {
            Line::Ends(len, ends_line) => (len, ends_line),
            Line::Careful => return self.parse(row),
            Line::Open => {
                self.fill()?;
                match split_line(&self.buf[self.at..self.end], &mut row.spans) {
                    Line::Ends(len, ends_line) => (len, ends_line),
                    // The last line, one longer than the buffer, or one
                    // for csv-core.
                    Line::Open | Line::Careful => return self.parse(row),
                }
            }
        };
        row.bytes
            .extend_from_slice(&self.buf[self.at..self.at + len]);
        row.how = How::Split;
        // A `\r` is consumed, the `\n` after it left for the next record
        // (as blank), as csv-core leaves it.
        self.consume(len + 1);
        if ends_line {
            self.pos.set_line(self.pos.line() + 1);
        }
        self.ended_cr = !ends_line;
        self.add_record(row)?;
        Ok(Some(How::Split))
    }

    /// Reads the next record into a `csv::ByteRecord`, as
    /// `csv::Reader::read_byte_record` does.
    #[cfg(test)]
    pub(crate) fn next_record(&mut self, record: &mut ByteRecord) -> Result<Option<How>, RowError> {
        let mut row = Row::default();
        let how = self.next(&mut row);
        row.copy_into(record);
        how
    }

    /// Reads the next record through csv-core, as `csv::Reader` does.
    fn parse(&mut self, row: &mut Row) -> Result<Option<How>, RowError> {
        // What a split began is dropped.
        row.bytes.clear();
        row.spans.clear();
        self.core.set_line(self.pos.line());
        let (mut out, mut ends) = (0, 0);
        loop {
            if self.at == self.end {
                self.fill()?;
            }
            let (result, read, wrote, ended) = self.core.read_record(
                &self.buf[self.at..self.end],
                &mut self.fields[out..],
                &mut self.ends[ends..],
            );
            self.core_used = true;
            self.consume(read);
            self.pos.set_line(self.core.line());
            out += wrote;
            ends += ended;
            match result {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => {
                    let len = self.fields.len() * 2;
                    self.fields.resize(len.max(4), 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let len = self.ends.len() * 2;
                    self.ends.resize(len.max(4), 0);
                }
                ReadRecordResult::Record => {
                    row.bytes.extend_from_slice(&self.fields[..out]);
                    let mut start = 0;
                    for &end in &self.ends[..ends] {
                        row.spans.push((start, end));
                        start = end;
                    }
                    self.ended_cr = self.at > 0 && self.buf[self.at - 1] == b'\r';
                    self.add_record(row)?;
                    return Ok(Some(How::Parsed));
                }
                ReadRecordResult::End => {
                    self.done = true;
                    return Ok(None);
                }
            }
        }
    }

    /// Counts the record, and holds it to the first record's field count.
    fn add_record(&mut self, row: &Row) -> Result<(), RowError> {
        self.pos.set_record(self.pos.record() + 1);
        let len = row.spans.len() as u64;
        match self.first_field_count {
            None => self.first_field_count = Some(len),
            Some(expected) if expected != len => {
                return Err(RowError::UnequalLengths {
                    pos: row.pos.clone(),
                    expected,
                    len,
                });
            }
            Some(_) => {}
        }
        Ok(())
    }
}

impl<R: Read + Seek> Rows<R> {
    /// Goes to a record's start, as a read found it earlier (as
    /// `csv::Reader::seek`: no move when already there).
    pub(crate) fn seek(&mut self, pos: &Position) -> io::Result<()> {
        if pos.byte() == self.pos.byte() {
            return Ok(());
        }
        self.inner.seek(SeekFrom::Start(pos.byte()))?;
        self.at = 0;
        self.end = 0;
        self.core.reset();
        self.core_used = false;
        self.ended_cr = false;
        self.pos = pos.clone();
        self.done = false;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// One read, as both readers report it.
    #[derive(Debug, PartialEq, Eq)]
    enum Got {
        Row(Vec<Vec<u8>>, (u64, u64, u64)),
        End((u64, u64, u64)),
        Unequal((u64, u64, u64), u64, u64),
    }

    fn at(pos: Option<&Position>) -> (u64, u64, u64) {
        pos.map_or((0, 0, 0), |p| (p.byte(), p.line(), p.record()))
    }

    fn fields(record: &ByteRecord) -> Vec<Vec<u8>> {
        record.iter().map(<[u8]>::to_vec).collect()
    }

    /// Every read of `bytes` by the csv crate, until the end or an error
    /// past `errors` errors; seeking back to `seek_to` (a record's index)
    /// once at the end, then reading on.
    fn by_csv(bytes: &[u8], capacity: usize, seek_to: Option<usize>) -> Vec<Got> {
        let mut reader = csv::ReaderBuilder::new()
            .buffer_capacity(capacity)
            .has_headers(false)
            .flexible(false)
            .from_reader(io::Cursor::new(bytes));
        let mut got = Vec::new();
        let mut starts = Vec::new();
        let mut record = ByteRecord::new();
        let mut sought = false;
        for _ in 0..400 {
            match reader.read_byte_record(&mut record) {
                Ok(true) => {
                    starts.push(record.position().unwrap().clone());
                    got.push(Got::Row(fields(&record), at(record.position())));
                }
                Ok(false) => {
                    got.push(Got::End(at(record.position())));
                    match seek_to.and_then(|i| starts.get(i)) {
                        Some(pos) if !sought => {
                            sought = true;
                            reader.seek(pos.clone()).unwrap();
                        }
                        _ => break,
                    }
                }
                Err(err) => match err.kind() {
                    csv::ErrorKind::UnequalLengths {
                        pos,
                        expected_len,
                        len,
                    } => got.push(Got::Unequal(at(pos.as_ref()), *expected_len, *len)),
                    other => panic!("{other:?}"),
                },
            }
        }
        got
    }

    fn by_rows(bytes: &[u8], capacity: usize, seek_to: Option<usize>) -> Vec<Got> {
        let mut rows = Rows::new(io::Cursor::new(bytes), capacity);
        let mut got = Vec::new();
        let mut starts = Vec::new();
        let mut record = ByteRecord::new();
        let mut sought = false;
        for _ in 0..400 {
            match rows.next_record(&mut record) {
                Ok(Some(how)) => {
                    if how == How::Split {
                        assert!(!record.as_slice().contains(&b'"'));
                        assert!(!record.as_slice().contains(&0));
                    }
                    starts.push(record.position().unwrap().clone());
                    got.push(Got::Row(fields(&record), at(record.position())));
                }
                Ok(None) => {
                    got.push(Got::End(at(record.position())));
                    match seek_to.and_then(|i| starts.get(i)) {
                        Some(pos) if !sought => {
                            sought = true;
                            rows.seek(pos).unwrap();
                        }
                        _ => break,
                    }
                }
                Err(RowError::UnequalLengths { pos, expected, len }) => {
                    got.push(Got::Unequal(at(Some(&pos)), expected, len));
                }
                Err(RowError::Io(err)) => panic!("{err}"),
            }
        }
        got
    }

    /// Bytes that matter to a CSV reader, and some that do not.
    fn csv_bytes() -> impl Strategy<Value = Vec<u8>> {
        let piece = prop_oneof![
            4 => Just(&b"a"[..]),
            2 => Just(&b"bc"[..]),
            4 => Just(&b","[..]),
            3 => Just(&b"\n"[..]),
            2 => Just(&b"\""[..]),
            1 => Just(&b"\r"[..]),
            1 => Just(&b"\r\n"[..]),
            1 => Just(&b"\0"[..]),
            1 => Just(&b"\xEF\xBB\xBF"[..]),
            1 => Just("é".as_bytes()),
            1 => Just(&b" "[..]),
        ];
        proptest::collection::vec(piece, 0..80).prop_map(|pieces| pieces.concat())
    }

    /// Rows of three fields, most of them whole, as a log looks.
    fn csv_rows() -> impl Strategy<Value = Vec<u8>> {
        let field = prop_oneof![
            6 => "[a-z0-9 -]{0,6}".prop_map(String::into_bytes),
            1 => Just(b"\"x, \"\"y\"\"\nz\"".to_vec()),
            2 => Just(b"\"x, y\"".to_vec()),
            1 => Just(b"\"\"".to_vec()),
            1 => Just(b"\"x\"y".to_vec()),
            1 => Just("\"caf\u{e9}, \u{2764}\"".as_bytes().to_vec()),
            1 => Just(b"\"open".to_vec()),
            1 => Just(b"a\"b".to_vec()),
            1 => Just(b"\0".to_vec()),
        ];
        let end = prop_oneof![
            6 => Just(&b"\n"[..]),
            2 => Just(&b"\r\n"[..]),
            1 => Just(&b"\r"[..]),
            1 => Just(&b"\n\n"[..]),
            1 => Just(&b"\r\n\r\n"[..]),
        ];
        let row = (proptest::collection::vec(field, 2..5), end).prop_map(|(cells, end)| {
            let mut row = cells.join(&b","[..]);
            row.extend_from_slice(end);
            row
        });
        (
            any::<bool>(),
            proptest::collection::vec(row, 0..12),
            any::<bool>(),
        )
            .prop_map(|(bom, rows, cut)| {
                let mut bytes = if bom {
                    b"\xEF\xBB\xBF".to_vec()
                } else {
                    Vec::new()
                };
                bytes.extend_from_slice(b"x,y,z\n");
                bytes.extend(rows.concat());
                if cut && bytes.ends_with(b"\n") {
                    bytes.pop();
                }
                bytes
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn rows_are_read_as_the_csv_crate_reads_them(
            bytes in prop_oneof![csv_bytes(), csv_rows()],
            capacity in prop_oneof![1usize..40, Just(256 * 1024)],
            seek_to in proptest::option::of(0usize..6),
        ) {
            prop_assert_eq!(
                by_rows(&bytes, capacity, seek_to),
                by_csv(&bytes, capacity, seek_to)
            );
        }
    }

    proptest! {
        #[test]
        fn a_line_is_split_where_a_byte_loop_splits_it(line in proptest::collection::vec(
            prop_oneof![Just(b','), Just(b'-'), Just(b' '), Just(b'\n'), Just(b'\r'), Just(b'"'),
                Just(0u8), Just(b'a'), any::<u8>()], 0..70)) {
            let mut spans = Vec::new();
            let got = split_line(&line, &mut spans);
            let (want, want_spans) = by_bytes(&line);
            if want != Line::Careful && want != Line::Open {
                prop_assert_eq!(&spans, &want_spans);
            }
            prop_assert_eq!(got, want);
        }
    }

    /// [`split_line`], a byte at a time.
    fn by_bytes(line: &[u8]) -> (Line, Vec<(usize, usize)>) {
        let mut spans = Vec::new();
        let mut field = 0;
        let mut i = 0;
        while i < line.len() {
            match line[i] {
                b',' => {
                    spans.push((field, i));
                    field = i + 1;
                }
                b'\n' | b'\r' => {
                    spans.push((field, i));
                    return (Line::Ends(i, line[i] == b'\n'), spans);
                }
                b'"' if i == field => {
                    let mut close = i + 1;
                    while close < line.len() && !matches!(line[close], b'"' | b'\n' | b'\r' | 0) {
                        close += 1;
                    }
                    if close == line.len() {
                        return (Line::Open, spans);
                    }
                    if line[close] != b'"' {
                        return (Line::Careful, spans);
                    }
                    match line.get(close + 1) {
                        None => return (Line::Open, spans),
                        Some(b',') => {
                            spans.push((i + 1, close));
                            field = close + 2;
                            i = close + 2;
                            continue;
                        }
                        Some(&end @ (b'\n' | b'\r')) => {
                            spans.push((i + 1, close));
                            return (Line::Ends(close + 1, end == b'\n'), spans);
                        }
                        Some(_) => return (Line::Careful, spans),
                    }
                }
                b'"' | 0 => return (Line::Careful, spans),
                _ => {}
            }
            i += 1;
        }
        (Line::Open, spans)
    }

    #[test]
    fn a_log_is_split_at_its_commas() {
        let bytes = b"id,date,note\na1,2026-11-20,first\r\na2,2026-11-21,\"x, y\"\n\na3,,\n";
        assert_eq!(by_rows(bytes, 7, Some(2)), by_csv(bytes, 7, Some(2)));
        let mut rows = Rows::new(&bytes[..], 64);
        let mut row = Row::default();
        let mut how = Vec::new();
        while let Some(read) = rows.next(&mut row).unwrap() {
            assert_eq!(row.how(), read);
            how.push(read);
        }
        // The header is csv-core's; a note quoted for its comma is split.
        assert_eq!(how, [How::Parsed, How::Split, How::Split, How::Split]);
    }
}
