//! The "bare csv-crate pass" that `couple review` and `couple export` are
//! measured against: read every record of a log.csv into one reused
//! `ByteRecord` and count records per `kind`.
//!
//! Usage: floor FILE

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: floor FILE");
        return ExitCode::from(2);
    };
    match count_kinds(&path) {
        Ok(counts) => {
            for (kind, n) in counts {
                println!("{kind}\t{n}");
            }
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("floor: {err}");
            ExitCode::FAILURE
        }
    }
}

fn count_kinds(path: &std::ffi::OsStr) -> Result<Vec<(String, u64)>, csv::Error> {
    let mut reader = csv::Reader::from_path(path)?;
    let kind_col = reader
        .byte_headers()?
        .iter()
        .position(|h| h == b"kind")
        .unwrap_or(3);
    // A handful of distinct kinds: a linear scan of a small Vec beats hashing.
    let mut counts: Vec<(Vec<u8>, u64)> = Vec::with_capacity(16);
    let mut record = csv::ByteRecord::new();
    while reader.read_byte_record(&mut record)? {
        let kind = record.get(kind_col).unwrap_or_default();
        match counts.iter_mut().find(|(k, _)| k == kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((kind.to_vec(), 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(counts
        .into_iter()
        .map(|(k, n)| (String::from_utf8_lossy(&k).into_owned(), n))
        .collect())
}
