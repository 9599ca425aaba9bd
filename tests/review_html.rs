//! `couple review --format html`: a year (or a month) as one
//! self-contained web page.

use std::fmt::Write as _;

use scraper::{Html, Selector};

use crate::harness::Env;

const HEADER: &str = "id,date,partner,kind,minutes,mood,prompt,note,logged_at\n";

/// A year of talks and check-ins, answers (one holding markup, one blind
/// for alex, one holding a terminal escape), and a goal done.
fn a_year() -> Env {
    let env = Env::new();
    let mut log = String::from(HEADER);
    let days = [
        "2026-01-05",
        "2026-01-06",
        "2026-01-07",
        "2026-01-13",
        "2026-03-03",
        "2026-07-14",
        "2026-11-02",
        "2026-11-03",
        "2026-11-24",
    ];
    for (i, day) in days.iter().enumerate() {
        let _ = writeln!(log, "t{i},{day},alex,talk,{},,,,", 10 + i * 5);
        let _ = writeln!(log, "c{i},{day},sam,checkin,,{},,,", 1 + i % 5);
    }
    log.push_str(
        "a1,2026-03-03,sam,answer,,,play-001,<script>alert(1)</script> the band,\n\
         a2,2026-03-03,alex,answer,,,play-001,schön 😀 & more,\n\
         a3,2026-05-20,sam,answer,,,play-002,a secret until alex answers,\n\
         a4,2026-07-14,alex,answer,,,play-003,\"bell\x07 and \x1b[2Jclear\",\n",
    );
    env.write("log.csv", log);
    env.write(
        "goals.csv",
        "id,title,horizon,status,owner,due,created,closed,note,updated_at\n\
         k3m9x2ab,Learn to <b>tango</b>,year,done,us,,2026-01-02,2026-06-01,,\n\
         k3p7q8cd,Book the Lisbon trip,year,open,us,,2026-01-02,,,\n",
    );
    env
}

fn select<'a>(page: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    page.select(&Selector::parse(css).unwrap()).collect()
}

/// The page as parsed by an HTML5 parser, which must report no error.
#[track_caller]
fn parse(html: &str) -> Html {
    assert!(
        html.starts_with("<!DOCTYPE html>\n"),
        "{}",
        &html[..80.min(html.len())]
    );
    let page = Html::parse_document(html);
    assert!(page.errors.is_empty(), "parse errors: {:?}", page.errors);
    page
}

/// Self-contained: nothing to run, nothing to fetch.
#[track_caller]
fn self_contained(html: &str, page: &Html) {
    assert!(select(page, "script").is_empty());
    assert!(
        !html.to_lowercase().contains("<script"),
        "no script element"
    );
    assert!(
        !html.to_lowercase().contains("http"),
        "no network reference"
    );
    for css in ["link", "img", "iframe", "object", "embed", "image", "use"] {
        assert!(select(page, css).is_empty(), "no <{css}>");
    }
    assert!(!html.contains("@import") && !html.contains("url("));
    assert!(html.contains("@media print"), "a print stylesheet");
}

#[test]
fn a_year_is_one_self_contained_html5_page_with_a_picture_per_chart() {
    let env = a_year();
    let stdout = env.ok(&["review", "--year", "--format", "html", "-o", "2026.html"]);
    assert_eq!(stdout, "");
    let path = env.home().join("2026.html");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let html = std::fs::read_to_string(&path).unwrap();
    let page = parse(&html);
    self_contained(&html, &page);

    // One SVG per chart: rituals week by week, the talks' heatmap, mood.
    assert_eq!(select(&page, "svg").len(), 3);
    for section in ["rituals", "talks", "mood"] {
        assert_eq!(
            select(&page, &format!("section#{section} svg")).len(),
            1,
            "{section}"
        );
    }
    // The talks' heatmap has a cell per day of the year; the trend a
    // column per week for each daily or weekly ritual.
    assert_eq!(select(&page, "section#talks rect").len(), 365);
    let weeks = select(&page, "section#rituals rect").len();
    assert_eq!(weeks % 53, 0, "{weeks} cells: 53 weeks a row");
    assert!(weeks >= 2 * 53, "talk and us-time, week by week");
    // The mood as a line, where weeks follow each other.
    assert!(!select(&page, "section#mood polyline").is_empty());

    // The goals done.
    let done: Vec<String> = select(&page, "section#goals li")
        .iter()
        .map(|li| li.text().collect())
        .collect();
    assert_eq!(done.len(), 1, "{done:?}");
    assert!(done[0].contains("Learn to <b>tango</b>"), "{done:?}");
    assert!(html.contains("Learn to &lt;b&gt;tango&lt;/b&gt;"));
}

/// The answers side by side, escaped, blind where alex has not answered.
#[test]
fn the_answers_stand_side_by_side_escaped_and_blind_until_you_answer() {
    let env = a_year();
    let html = env.ok(&["review", "--year", "--format", "html"]);
    let page = parse(&html);
    let heads: Vec<String> = select(&page, "section#answers th")
        .iter()
        .map(|th| th.text().collect())
        .collect();
    assert_eq!(heads, ["day", "question", "alex", "sam"]);
    let rows: Vec<Vec<String>> = select(&page, "section#answers tbody tr")
        .iter()
        .map(|tr| {
            tr.select(&Selector::parse("td").unwrap())
                .map(|td| td.text().collect())
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), 3, "{rows:?}");
    // The note holding <script> is text: escaped in the source.
    assert_eq!(rows[0][2], "schön 😀 & more");
    assert_eq!(rows[0][3], "<script>alert(1)</script> the band");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; the band"));
    // Alex never answered play-002: sam's answer stays hidden.
    assert_eq!(rows[1][2], "—");
    assert_eq!(rows[1][3], "answered — answer it to see theirs");
    assert!(!html.contains("a secret"));
    // Control characters are shown, never sent.
    assert_eq!(rows[2][2], "bell\\x07 and \\x1b[2Jclear");
    assert!(!html.contains('\x1b') && !html.contains('\x07'));

    // Sam, who answered both, sees both; alex's column is the other one.
    let sam = env
        .as_partner("sam")
        .ok(&["review", "--year", "--format", "html"]);
    assert!(sam.contains("a secret until alex answers"));
    assert!(!sam.contains("bell"), "alex's play-003 is blind to sam");
}

#[test]
fn a_month_is_a_page_too() {
    let env = a_year();
    env.ok(&[
        "review",
        "--month",
        "--date",
        "2026-11-25",
        "--format",
        "html",
        "-o",
        "nov.html",
    ]);
    let html = std::fs::read_to_string(env.home().join("nov.html")).unwrap();
    let page = parse(&html);
    self_contained(&html, &page);
    assert_eq!(select(&page, "svg").len(), 3);
    assert_eq!(select(&page, "section#talks rect").len(), 30);
    assert!(html.contains("<title>November 2026 in pictures</title>"));
}

#[test]
fn output_is_for_the_page_and_follows_the_export_rules() {
    let env = a_year();
    let err = env.fails(&["review", "--year", "-o", "x.txt"], 2);
    assert!(
        err.starts_with("couple: -o writes the web page of --format html"),
        "{err}"
    );
    let before = env.file("log.csv");
    let log = env.path("log.csv");
    let err = env.fails(
        &["review", "--format", "html", "-o", log.to_str().unwrap()],
        2,
    );
    assert!(err.contains("refusing to overwrite"), "{err}");
    assert_eq!(env.file("log.csv"), before);
}
