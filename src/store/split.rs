//! Splitting a CSV file's rows into records as the csv crate does, fast:
//! for the reads that go over a whole log twice (`store::log::newest_first`).
//!
//! A line without a quote or a carriage return (nearly every row couple
//! writes) is split at its commas eight bytes at a time; a quoted field
//! without `""` in it is taken whole from quote to quote (memchr); any
//! other record is handed to csv-core, the csv crate's own parser, which
//! costs about fourteen instructions a byte. Blank lines are no
//! records, as for the csv crate.
//!
//! A splitter starts at a record boundary after the header (the csv crate
//! reads the header, byte-order mark and all). What it cannot be sure of,
//! it says ([`Split::Unsure`]) rather than guess: a record that only the
//! end of the file ends (an open quote, say) or that starts with a
//! byte-order mark; the caller then reads the file the csv crate's way,
//! with its errors. A property test holds it to the csv crate.

use csv_core::{ReadRecordResult, Reader as Core};
use memchr::memchr;

/// What [`Splitter::next`] found at the start of the bytes it was given.
#[derive(Debug)]
pub(crate) enum Split<'a> {
    /// A record, and how many bytes it took: the blank lines before it,
    /// the record and its line end.
    Record(usize, Fields<'a>),
    /// No whole record yet: give the same bytes again with more after them.
    More,
    /// Nothing but blank lines to the end of the data.
    End,
    /// A record only the csv crate can read as it reads it.
    Unsure,
}

/// The fields of one record.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields<'a> {
    data: &'a [u8],
    bounds: &'a [(usize, usize)],
}

impl<'a> Fields<'a> {
    pub(crate) fn len(&self) -> usize {
        self.bounds.len()
    }

    /// Field `at` (empty past the last one).
    pub(crate) fn get(&self, at: usize) -> &'a [u8] {
        self.bounds
            .get(at)
            .map_or(&[][..], |&(start, end)| &self.data[start..end])
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &'a [u8]> + use<'a> {
        let data = self.data;
        self.bounds
            .iter()
            .map(move |&(start, end)| &data[start..end])
    }
}

/// What a byte of a line does.
enum Look {
    /// On to the next byte (after a comma: the next field).
    Go,
    /// The line ends: the record takes this many bytes.
    Ends(usize),
    /// A quote, here.
    Quote(usize),
    /// Not a line split here.
    Careful,
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of the bytes of `word` that may be `,`, `"`, `\n` or
/// `\r`: of each byte below 14 (line ends; a tab too), and each comma and
/// quote. The lowest is one of those; a bit above it may be wrong (a
/// borrow), so the byte is looked at before it is taken for one.
#[allow(clippy::inline_always)]
#[inline(always)]
fn maybe_special(word: u64) -> u64 {
    let zero = |x: u64| x.wrapping_sub(ONES) & !x;
    let comma = zero(word ^ (ONES * u64::from(b',')));
    let quote = zero(word ^ (ONES * u64::from(b'"')));
    let below_14 = word.wrapping_sub(ONES * 14) & !word;
    (comma | quote | below_14) & HIGH
}

/// Splits records one at a time, its buffers reused.
pub(crate) struct Splitter {
    core: Core,
    /// Each field's start and end: in the line, or in `out`.
    bounds: Vec<(usize, usize)>,
    /// csv-core's fields, unquoted, back to back.
    out: Vec<u8>,
    /// Where each of csv-core's fields ends in `out`.
    ends: Vec<usize>,
}

impl Default for Splitter {
    fn default() -> Self {
        Self {
            // The csv crate's defaults: comma, double quote, `""` inside
            // quotes, CR, LF or CRLF ending a record, no comments.
            core: Core::new(),
            bounds: Vec::with_capacity(16),
            out: Vec::new(),
            ends: vec![0; 16],
        }
    }
}

impl Splitter {
    /// The first record of `bytes`, which start at a record boundary;
    /// `eof` says nothing comes after them.
    pub(crate) fn next<'a>(&'a mut self, bytes: &'a [u8], eof: bool) -> Split<'a> {
        let start = bytes
            .iter()
            .position(|&b| b != b'\n' && b != b'\r')
            .unwrap_or(bytes.len());
        if start == bytes.len() {
            return if eof { Split::End } else { Split::More };
        }
        let rest = &bytes[start..];
        self.bounds.clear();
        // Where the field being read starts, and where to read on.
        let (mut from, mut at) = (0, 0);
        loop {
            match self.scan(rest, at, &mut from) {
                Look::Go => break,
                Look::Ends(taken) => return self.record(rest, start + taken),
                Look::Careful => return self.careful(bytes, start, eof),
                Look::Quote(quote) => {
                    // A quoted field without `""`, taken whole.
                    let close = memchr(b'"', &rest[quote + 1..]).map(|q| quote + 1 + q);
                    let Some(close) = close.filter(|_| quote == from) else {
                        return self.careful(bytes, start, eof);
                    };
                    let field = (quote + 1, close);
                    match rest.get(close + 1) {
                        Some(b',') => {
                            self.bounds.push(field);
                            from = close + 2;
                            at = close + 2;
                        }
                        Some(b'\n') => {
                            self.bounds.push(field);
                            return self.record(rest, start + close + 2);
                        }
                        Some(b'\r') if rest.get(close + 2) == Some(&b'\n') => {
                            self.bounds.push(field);
                            return self.record(rest, start + close + 3);
                        }
                        // `""` inside, text after the quote, a lone CR, the end.
                        _ => return self.careful(bytes, start, eof),
                    }
                }
            }
        }
        if !eof {
            // No line end yet: csv-core says whether more is needed.
            return self.careful(bytes, start, eof);
        }
        self.bounds.push((from, rest.len()));
        self.record(rest, bytes.len())
    }

    /// Reads `line` from `at` up to its end, a quote or what is not a
    /// plain line; [`Look::Go`]: no line end in it.
    // The loop over every byte of a log; measured with callgrind.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn scan(&mut self, line: &[u8], at: usize, from: &mut usize) -> Look {
        // Eight bytes at a time, then one at a time.
        let mut word_at = at;
        while let Some(word) = line.get(word_at..word_at + 8) {
            let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
            let mut maybe = maybe_special(word);
            while maybe != 0 {
                let at = word_at + (maybe.trailing_zeros() / 8) as usize;
                match self.look(line, at, from) {
                    Look::Go => {}
                    other => return other,
                }
                maybe &= maybe - 1;
            }
            word_at += 8;
        }
        for at in word_at..line.len() {
            match self.look(line, at, from) {
                Look::Go => {}
                other => return other,
            }
        }
        Look::Go
    }

    /// Looks at `line[at]`, maybe a special byte.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn look(&mut self, line: &[u8], at: usize, from: &mut usize) -> Look {
        match line[at] {
            b',' => {
                self.bounds.push((*from, at));
                *from = at + 1;
                Look::Go
            }
            b'\n' => {
                self.bounds.push((*from, at));
                Look::Ends(at + 1)
            }
            b'\r' if line.get(at + 1) == Some(&b'\n') => {
                self.bounds.push((*from, at));
                Look::Ends(at + 2)
            }
            b'"' => Look::Quote(at),
            // A lone CR.
            b'\r' => Look::Careful,
            _ => Look::Go,
        }
    }

    fn record<'a>(&'a self, data: &'a [u8], taken: usize) -> Split<'a> {
        Split::Record(
            taken,
            Fields {
                data,
                bounds: &self.bounds,
            },
        )
    }

    /// The record at `bytes[start..]`, read by csv-core.
    fn careful<'a>(&'a mut self, bytes: &'a [u8], start: usize, eof: bool) -> Split<'a> {
        let input = &bytes[start..];
        // csv-core drops a byte-order mark first thing after a reset; the
        // csv crate, having read the header, keeps it.
        if input.starts_with(b"\xEF\xBB\xBF") {
            return Split::Unsure;
        }
        self.core.reset();
        // Fields are never longer than the bytes they come from.
        if self.out.len() < input.len() {
            self.out.resize(input.len(), 0);
        }
        let (mut nin, mut nout, mut nend) = (0, 0, 0);
        loop {
            let (result, i, o, e) =
                self.core
                    .read_record(&input[nin..], &mut self.out[nout..], &mut self.ends[nend..]);
            nin += i;
            nout += o;
            nend += e;
            match result {
                ReadRecordResult::InputEmpty if eof => return Split::Unsure,
                ReadRecordResult::InputEmpty => return Split::More,
                ReadRecordResult::OutputFull => {
                    let grown = self.out.len() * 2 + 64;
                    self.out.resize(grown, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let grown = self.ends.len() * 2;
                    self.ends.resize(grown, 0);
                }
                ReadRecordResult::Record => break,
                ReadRecordResult::End => return Split::Unsure,
            }
        }
        self.bounds.clear();
        let mut from = 0;
        for &end in &self.ends[..nend] {
            self.bounds.push((from, end));
            from = end;
        }
        Split::Record(
            start + nin,
            Fields {
                data: &self.out[..nout],
                bounds: &self.bounds,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use proptest::prelude::*;

    use super::*;

    /// The records after the first (the header), as the csv crate reads them.
    fn by_csv(bytes: &[u8]) -> (usize, Vec<Vec<Vec<u8>>>) {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        let mut record = csv::ByteRecord::new();
        if !reader.read_byte_record(&mut record).unwrap() {
            return (bytes.len(), Vec::new());
        }
        let start = reader.position().byte() as usize;
        let mut records = Vec::new();
        while reader.read_byte_record(&mut record).unwrap() {
            records.push(record.iter().map(<[u8]>::to_vec).collect());
        }
        (start, records)
    }

    /// The records of `bytes` from `start`, as a splitter reads them when
    /// the bytes come `step` at a time; `None` when it was unsure.
    fn by_splitter(bytes: &[u8], start: usize, step: usize) -> Option<Vec<Vec<Vec<u8>>>> {
        let mut splitter = Splitter::default();
        let mut records = Vec::new();
        let (mut at, mut have) = (start, (start + step).min(bytes.len()));
        loop {
            let eof = have == bytes.len();
            match splitter.next(&bytes[at..have], eof) {
                Split::Record(taken, fields) => {
                    assert!(taken > 0 && at + taken <= have);
                    records.push(fields.iter().map(<[u8]>::to_vec).collect());
                    assert_eq!(fields.len(), records.last().map_or(0, Vec::len));
                    at += taken;
                }
                Split::More => {
                    assert!(!eof, "more asked at the end");
                    have = (have + step).min(bytes.len());
                }
                Split::End => {
                    assert!(eof, "the end before it");
                    return Some(records);
                }
                Split::Unsure => return None,
            }
        }
    }

    fn agrees(bytes: &[u8], step: usize) -> std::result::Result<(), TestCaseError> {
        let (start, expected) = by_csv(bytes);
        if let Some(records) = by_splitter(bytes, start, step) {
            prop_assert_eq!(records, expected);
        } else {
            // Unsure only about a record the end of the file ends, or one
            // starting with a byte-order mark.
            let tail = &bytes[start..];
            let bom = tail.windows(3).any(|w| w == b"\xEF\xBB\xBF");
            prop_assert!(
                !tail.ends_with(b"\n") && !tail.ends_with(b"\r") || tail.contains(&b'"') || bom,
                "unsure about {:?}",
                String::from_utf8_lossy(tail)
            );
        }
        Ok(())
    }

    /// Bytes that are mostly CSV: its special bytes, a BOM, UTF-8, spaces.
    fn csvish() -> impl Strategy<Value = Vec<u8>> {
        let piece = prop_oneof![
            4 => Just(b"a".to_vec()),
            2 => Just(b"bc".to_vec()),
            4 => Just(b",".to_vec()),
            3 => Just(b"\"".to_vec()),
            1 => Just(b"\"\"".to_vec()),
            3 => Just(b"\n".to_vec()),
            1 => Just(b"\r\n".to_vec()),
            1 => Just(b"\r".to_vec()),
            1 => Just(b"\xEF\xBB\xBF".to_vec()),
            1 => Just("é".as_bytes().to_vec()),
            1 => Just(b" ".to_vec()),
            1 => Just(b"\0".to_vec()),
            1 => any::<u8>().prop_map(|b| vec![b]),
        ];
        proptest::collection::vec(piece, 0..80).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn the_splitter_reads_what_the_csv_crate_reads(bytes in csvish(), step in 1usize..40) {
            agrees(&bytes, step)?;
            agrees(&bytes, bytes.len().max(1))?;
        }

        #[test]
        fn log_like_rows_are_never_unsure(
            rows in proptest::collection::vec(("[a-z0-9 ]{0,6}", "[a-z ,\"\n]{0,12}", any::<bool>()), 0..20),
            crlf in any::<bool>(),
            final_newline in any::<bool>(),
        ) {
            let end = if crlf { "\r\n" } else { "\n" };
            let mut text = format!("\u{feff}id,note,n{end}");
            for (i, (id, note, quoted)) in rows.iter().enumerate() {
                let note = if *quoted || note.contains([',', '"', '\n']) {
                    format!("\"{}\"", note.replace('"', "\"\""))
                } else {
                    note.clone()
                };
                let _ = write!(text, "{id},{note},{i}");
                if final_newline || i + 1 < rows.len() {
                    text.push_str(end);
                }
                if i % 7 == 3 {
                    text.push_str(end);
                }
            }
            let bytes = text.as_bytes();
            let (start, expected) = by_csv(bytes);
            for step in [1, 7, bytes.len().max(1)] {
                let records = by_splitter(bytes, start, step);
                // Only a quoted last row without its line end needs the end of the file.
                let last_open = !final_newline && rows.last().is_some_and(|(_, note, quoted)| {
                    *quoted || note.contains([',', '"', '\n'])
                });
                if last_open {
                    prop_assert!(records.is_none() || records.as_ref() == Some(&expected));
                } else {
                    prop_assert_eq!(records.as_ref(), Some(&expected));
                }
            }
        }
    }

    #[test]
    fn cases_that_matter() {
        let cases: [&[u8]; 14] = [
            // Bytes a borrow may mark next to a special one.
            b"h\n2026-11-20,-1,\t\x0b\x0c#!,,-,\x0f\n\x0b\x01a,\x0e\n",
            b"h\n\x0d\x0e\x0f,\x01\x02\n\xff\xfe,\x80\n",
            b"h\na,b\n",
            b"h\na,b",
            b"h\r\na,b\r\n\r\nc,d\r\n",
            b"h\n\n\na,\"b,\nc\"\"\",d\n",
            b"h\na,\"open\n",
            b"h\na,\"open",
            b"h\na,b\rc,d\r",
            b"\xEF\xBB\xBFh\n\xEF\xBB\xBF\"x\",y\n",
            b"h\na\"b,c\n",
            b"h\n\"a\"b,c\n",
            b"h\n,\n",
            b"",
        ];
        for bytes in cases {
            for step in 1..=bytes.len().max(1) {
                agrees(bytes, step).unwrap();
            }
        }
        // Many commas.
        let many = format!("h\n{}\n{}\n", ",".repeat(100), "a,".repeat(64));
        for step in [1, 9, many.len()] {
            agrees(many.as_bytes(), step).unwrap();
        }
        let (start, _) = by_csv(b"h\na,b\n");
        assert!(by_splitter(b"h\na,\"open", start, 3).is_none());
    }
}
