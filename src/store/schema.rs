//! Each data file's columns, declared once. A record type (`Entry`, `Goal`,
//! `Prompt`, …) implements [`Record`]: a static table of [`Column`]s, each
//! with its name, whether a file must have it, how a cell decodes into the
//! record (from a borrowed `&[u8]`) and how the record's cell is written
//! through the one CSV writer. Everything else loops over that table:
//! header matching ([`Table`](super::table::Table)), streaming reads
//! ([`Reader`]), appends and rewrites in a file's own column order
//! ([`Layout`]), and the CSV users receive ([`write_header`],
//! [`write_row`]). JSON comes from serde on the same record.
//!
//! A new column is a field on the record and a line in its table; a new
//! file is a record type and its table.

use chrono::NaiveDate;

use crate::dates;
use crate::error::{Error, Result};
use crate::render::Cells;
use crate::render::csv::Csv;

mod document;
mod reader;
mod write;

pub(crate) use document::{BOM, Document, Stored, plain_records};
pub(crate) use reader::Reader;
pub(crate) use write::{Layout, write_all, write_cells, write_header, write_row};

/// How a column's cell decodes into a record.
pub(crate) type Decode<R> = fn(&mut R, Cell<'_>) -> Result<(), Problem>;
/// How a record's field is written as one cell.
pub(crate) type Encode<R> = fn(&R, &mut dyn Cells) -> Result<()>;

/// One column of a data file.
pub(crate) struct Column<R> {
    /// The header name (matched in any case, in any order).
    pub(crate) name: &'static str,
    /// Whether a file must have this column to be read at all.
    pub(crate) required: bool,
    /// Decoded only for the rows a streaming reader asks the text of (see
    /// [`Reader::next`]); the other rows read it as an empty cell.
    pub(crate) lazy: bool,
    /// Sets the record's field from the cell, and nothing else; the reader
    /// names the file, line and column of a [`Problem`].
    pub(crate) decode: Decode<R>,
    /// Writes the record's field as one cell.
    pub(crate) encode: Encode<R>,
}

impl<R> Column<R> {
    /// A column a file must have.
    pub(crate) const fn required(name: &'static str, decode: Decode<R>, encode: Encode<R>) -> Self {
        Self {
            name,
            required: true,
            lazy: false,
            decode,
            encode,
        }
    }

    /// A column a file may lack (its cells then read as empty, and a
    /// rewrite adds it).
    pub(crate) const fn optional(name: &'static str, decode: Decode<R>, encode: Encode<R>) -> Self {
        Self {
            required: false,
            ..Self::required(name, decode, encode)
        }
    }

    /// An optional column decoded only for the rows a streaming reader
    /// asks the text of; its decode must accept an empty cell.
    pub(crate) const fn lazy(name: &'static str, decode: Decode<R>, encode: Encode<R>) -> Self {
        Self {
            lazy: true,
            ..Self::optional(name, decode, encode)
        }
    }
}

/// A record one row of a data file decodes into. `Default` is the blank a
/// reader decodes into (and reuses, row after row).
///
/// The table is `COLUMNS`; the two loops over it have defaults that call
/// each column's decode and encode through its pointer. [`table!`] writes
/// the same table and those loops out straight, every decode and encode
/// inlined: use it for a file read in bulk (log.csv).
pub(crate) trait Record: Default + 'static {
    /// The columns, in the order a new file gets them.
    const COLUMNS: &'static [Column<Self>];

    /// Hands `each` every column's index and decode, in table order.
    #[inline]
    fn decode_columns(each: &mut impl DecodeEach<Self>) -> Result<()> {
        for (index, column) in Self::COLUMNS.iter().enumerate() {
            each.column(index, column.decode)?;
        }
        Ok(())
    }

    /// Writes every column's cell, in table order.
    #[inline]
    fn encode_columns(&self, csv: &mut Csv<'_>) -> Result<()> {
        for column in Self::COLUMNS {
            (column.encode)(self, csv)?;
        }
        Ok(())
    }
}

/// What a reader does with one column: see [`Record::decode_columns`].
pub(crate) trait DecodeEach<R> {
    fn column(
        &mut self,
        index: usize,
        decode: impl Fn(&mut R, Cell<'_>) -> Result<(), Problem>,
    ) -> Result<()>;
}

/// Declares a record's table, `impl Record for T`: one line per column,
/// `required`, `optional` or `lazy` (see [`Column`]), its header name, its
/// decode and its encode; the reader's and the writer's loops over it
/// compile to straight-line code.
///
/// ```ignore
/// table! {
///     Setting {
///         required "key": |s, cell| cell.text_into(&mut s.key), |s, csv| csv.text(&s.key);
///         optional "value": |s, cell| cell.text_into(&mut s.value), |s, csv| csv.text(&s.value);
///     }
/// }
/// ```
macro_rules! table {
    (
        $T:ty {
            $( $how:ident $name:literal : $decode:expr , $encode:expr ; )*
        }
    ) => {
        impl $crate::store::schema::Record for $T {
            const COLUMNS: &'static [$crate::store::schema::Column<Self>] = &[
                $( $crate::store::schema::Column::$how($name, $decode, $encode), )*
            ];

            #[inline(always)]
            fn decode_columns(
                each: &mut impl $crate::store::schema::DecodeEach<Self>,
            ) -> $crate::error::Result<()> {
                let mut index = 0;
                $(
                    each.column(index, $decode)?;
                    index += 1;
                )*
                let _ = index;
                Ok(())
            }

            #[inline(always)]
            fn encode_columns(
                &self,
                csv: &mut $crate::render::csv::Csv<'_>,
            ) -> $crate::error::Result<()> {
                $( $crate::store::schema::encode_with(self, csv, $encode)?; )*
                Ok(())
            }
        }
    };
}

pub(crate) use table;

/// Calls `encode`: gives a column's encode closure its argument types.
// Inlined into every row's loop; measured in benches/run (export).
#[allow(clippy::inline_always)]
#[inline(always)]
pub(crate) fn encode_with<R>(
    record: &R,
    csv: &mut Csv<'_>,
    encode: impl Fn(&R, &mut Csv<'_>) -> Result<()>,
) -> Result<()> {
    encode(record, csv)
}

/// The column names of `R`, in table order.
pub(crate) fn names<R: Record>() -> Vec<&'static str> {
    R::COLUMNS.iter().map(|c| c.name).collect()
}

/// What is wrong with one cell; the reader adds file, line and column.
#[derive(Debug)]
pub(crate) struct Problem {
    message: String,
    hint: Option<String>,
}

impl Problem {
    #[cold]
    pub(crate) fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            hint: None,
        }
    }

    #[cold]
    pub(crate) fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The error for this problem in column `column` of the row at `line`.
    pub(crate) fn at(self, file: &str, line: u64, column: &str) -> Error {
        let err = Error::data(
            file,
            line,
            format_args!("column {column}: {}", self.message),
        );
        match self.hint {
            Some(hint) => err.with_hint(hint),
            None => err,
        }
    }
}

/// One cell as read: its bytes, and its text when the whole row was
/// already checked to be UTF-8.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cell<'r> {
    bytes: &'r [u8],
    text: Option<&'r str>,
}

impl<'r> Cell<'r> {
    pub(crate) const EMPTY: Cell<'static> = Cell {
        bytes: b"",
        text: Some(""),
    };

    pub(crate) fn bytes(self) -> &'r [u8] {
        self.bytes
    }

    /// The cell as text.
    pub(crate) fn text(self) -> Result<&'r str, Problem> {
        match self.text {
            Some(text) => Ok(text),
            None => std::str::from_utf8(self.bytes).map_err(|_| not_utf8()),
        }
    }

    /// The cell's text into `field`, reusing its buffer.
    pub(crate) fn text_into(self, field: &mut String) -> Result<(), Problem> {
        let text = self.text()?;
        field.clear();
        field.push_str(text);
        Ok(())
    }

    /// A `YYYY-MM-DD` date.
    pub(crate) fn date(self) -> Result<NaiveDate, Problem> {
        dates::parse_file_date(self.bytes).map_err(|problem| {
            Problem::new(problem)
                .hint("if a spreadsheet changed the dates, format that column as text YYYY-MM-DD")
        })
    }

    /// A `YYYY-MM-DD` date, or `None` for a blank cell.
    pub(crate) fn optional_date(self) -> Result<Option<NaiveDate>, Problem> {
        if self.bytes.trim_ascii().is_empty() {
            Ok(None)
        } else {
            self.date().map(Some)
        }
    }

    /// Like [`Cell::number`], blanks around it allowed (people type them
    /// in the files they edit).
    pub(crate) fn trimmed_number(self, min: u16, max: u16) -> Result<Option<u16>, Problem> {
        number(self.bytes.trim_ascii(), min, max).map_err(|()| not_a_number(min, max))
    }

    /// An optional whole number in `min..=max`: empty is `None`.
    pub(crate) fn number(self, min: u16, max: u16) -> Result<Option<u16>, Problem> {
        number(self.bytes, min, max).map_err(|()| not_a_number(min, max))
    }
}

#[cold]
fn not_a_number(min: u16, max: u16) -> Problem {
    Problem::new(format!("must be a whole number from {min} to {max}"))
        .hint("write the number in digits alone, or leave the cell empty, in a text editor")
}

#[cold]
fn not_utf8() -> Problem {
    Problem::new("is not valid UTF-8").hint("save the file as UTF-8 (in a spreadsheet: CSV, UTF-8)")
}

/// An optional whole number in `min..=max`: empty is `None`.
fn number(bytes: &[u8], min: u16, max: u16) -> std::result::Result<Option<u16>, ()> {
    if bytes.is_empty() {
        return Ok(None);
    }
    if bytes.len() > 5 || !bytes.iter().all(u8::is_ascii_digit) {
        return Err(());
    }
    let value = bytes.iter().fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
    if (u32::from(min)..=u32::from(max)).contains(&value) {
        Ok(Some(value as u16))
    } else {
        Err(())
    }
}

#[cfg(test)]
mod tests {
    use super::reader::same;
    use super::*;
    use crate::model::{Entry, Goal, Prompt};

    /// A file of its own, as `settings.csv` would be: one table, one struct.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    struct Setting {
        key: String,
        value: String,
    }

    table! {
        Setting {
            required "key": |s, cell| {
                cell.text_into(&mut s.key)?;
                if s.key.is_empty() {
                    return Err(Problem::new("is empty").hint("name the setting"));
                }
                Ok(())
            }, |s, csv| csv.text(&s.key);
            optional "value": |s, cell| cell.text_into(&mut s.value), |s, csv| csv.text(&s.value);
        }
    }

    fn round_trip(input: &[u8], change: impl FnOnce(&mut Document<Setting>)) -> String {
        let mut doc = Document::<Setting>::parse("settings.csv", input, |_, _| Ok(())).unwrap();
        change(&mut doc);
        let mut out = Vec::new();
        doc.write(&mut out, "settings.csv").unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_new_file_is_a_table_and_a_struct() {
        let input = "\u{feff}Value,note,KEY\r\n1,\"mine, keep\",edition\r\n,,\r\n";
        let doc =
            Document::<Setting>::parse("settings.csv", input.as_bytes(), |_, _| Ok(())).unwrap();
        let records: Vec<&Setting> = doc.rows.iter().map(|s| &s.record).collect();
        assert_eq!(
            records,
            [&Setting {
                key: "edition".into(),
                value: "1".into()
            }]
        );
        // BOM, CRLF, the file's order and the users' own column are kept;
        // the blank spreadsheet row is not.
        let out = round_trip(input.as_bytes(), |doc| {
            doc.rows[0].record.value = "2".into();
            doc.rows.push(Stored::new(Setting {
                key: "deck".into(),
                value: "=x".into(),
            }));
        });
        assert_eq!(
            out,
            "\u{feff}Value,note,KEY\r\n2,\"mine, keep\",edition\r\n=x,,deck\r\n"
        );
        // An empty file gets our header, in table order, LF.
        assert_eq!(round_trip(b"", |_| {}), "key,value\n");
        // A file lacking an optional column gets it at the end.
        assert_eq!(round_trip(b"key\na\n", |_| {}), "key,value\na,\n");
    }

    #[test]
    fn problems_name_file_line_and_column() {
        let err =
            Document::<Setting>::parse("settings.csv", b"key,value\nx,1\n,2\n", |_, _| Ok(()))
                .unwrap_err();
        assert_eq!(err.message, "settings.csv line 3: column key: is empty");
        assert_eq!(err.hint.as_deref(), Some("name the setting"));
        let err =
            Document::<Setting>::parse("settings.csv", b"value\n1\n", |_, _| Ok(())).unwrap_err();
        assert_eq!(
            err.message,
            "settings.csv line 1: the header lacks the column(s) key"
        );
        assert_eq!(
            err.hint.as_deref(),
            Some("the first line must name the columns: key,value")
        );
        let err =
            Document::<Setting>::parse("settings.csv", b"key,value\nk,caf\xe9\n", |_, _| Ok(()))
                .unwrap_err();
        assert_eq!(
            err.message,
            "settings.csv line 2: column value: is not valid UTF-8"
        );
    }

    /// JSON (serde on the record) and CSV (the table) name the same
    /// columns in the same order.
    fn json_keys_follow_the_table<R: Record + serde::Serialize>() {
        let json = serde_json::to_string(&R::default()).unwrap();
        let object: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&json).unwrap();
        let names = names::<R>();
        assert_eq!(object.len(), names.len(), "{json}");
        let at: Vec<usize> = names
            .iter()
            .map(|n| {
                json.find(&format!("\"{n}\":"))
                    .unwrap_or_else(|| panic!("{n} not in {json}"))
            })
            .collect();
        assert!(at.is_sorted(), "{names:?} in {json}");
    }

    #[test]
    fn every_records_json_follows_its_table() {
        json_keys_follow_the_table::<Entry>();
        json_keys_follow_the_table::<Goal>();
        json_keys_follow_the_table::<Prompt>();
        json_keys_follow_the_table::<crate::model::Ritual>();
        json_keys_follow_the_table::<crate::model::Pause>();
    }

    proptest::proptest! {
        #[test]
        fn cells_are_the_same_when_their_bytes_are(
            a in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..20),
            b in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..20),
            copy in proptest::prelude::any::<bool>(),
        ) {
            let b = if copy { a.clone() } else { b };
            proptest::prop_assert_eq!(same(&a, &b), a == b);
            let mut c = a.clone();
            if let Some(last) = c.last_mut() {
                *last ^= 1;
            }
            proptest::prop_assert_eq!(same(&a, &c), a == c);
        }
    }

    #[test]
    fn numbers_are_whole_and_in_range() {
        assert_eq!(number(b"", 0, 1440), Ok(None));
        assert_eq!(number(b"15", 0, 1440), Ok(Some(15)));
        assert_eq!(number(b"1440", 0, 1440), Ok(Some(1440)));
        assert_eq!(number(b"1441", 0, 1440), Err(()));
        assert_eq!(number(b"-1", 0, 1440), Err(()));
        assert_eq!(number(b"1.5", 0, 1440), Err(()));
        assert_eq!(number(b"0", 1, 5), Err(()));
        assert_eq!(number(b"99999999999", 1, 5), Err(()));
    }
}
