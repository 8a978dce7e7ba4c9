//! Dates in stored records and backups as `YYYY-MM-DD`, read and written without chrono's
//! general format machinery: exactly chrono's own serde text and errors, at a fraction of the
//! cost (parsing the dates was a tenth of the time to load ten years of records on a tablet).
//! Use on `NaiveDate` fields: `#[serde(with = "crate::domain::date_format")]`; [`option`] and
//! [`date_time`] read `Option<NaiveDate>` and `NaiveDateTime` fields the same way.

use std::fmt;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use serde::{de, Deserializer, Serialize, Serializer};

/// `YYYY-MM-DD` for the years 0..=9999, as chrono writes them; other years go to chrono.
pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    let (y, m, d) = (date.year(), date.month(), date.day());
    if !(0..=9999).contains(&y) {
        return date.serialize(s);
    }
    let y = y as u32;
    let digit = |v: u32| b'0' + v as u8;
    let buf = [
        digit(y / 1000),
        digit(y / 100 % 10),
        digit(y / 10 % 10),
        digit(y % 10),
        b'-',
        digit(m / 10),
        digit(m % 10),
        b'-',
        digit(d / 10),
        digit(d % 10),
    ];
    s.serialize_str(std::str::from_utf8(&buf).unwrap_or_default())
}

/// Read a date: the plain `YYYY-MM-DD` directly, anything else through chrono's parser (so
/// every other accepted form and every error message stay chrono's).
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    read_text(d, "a formatted date string", parse_plain)
}

/// Read a string through `plain` (the form the app writes), anything else through chrono's
/// `FromStr` (its other accepted forms and its errors), expecting what `expecting` says.
fn read_text<'de, D, T>(d: D, expecting: &'static str, plain: fn(&str) -> Option<T>) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: std::str::FromStr,
    T::Err: fmt::Display,
{
    struct Visitor<T> {
        expecting: &'static str,
        plain: fn(&str) -> Option<T>,
    }
    impl<T: std::str::FromStr> de::Visitor<'_> for Visitor<T>
    where
        T::Err: fmt::Display,
    {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(self.expecting)
        }
        fn visit_str<E: de::Error>(self, s: &str) -> Result<T, E> {
            match (self.plain)(s) {
                Some(v) => Ok(v),
                None => s.parse().map_err(E::custom),
            }
        }
    }
    d.deserialize_str(Visitor { expecting, plain })
}

/// The number an ASCII digit run spells; `None` when a byte is no digit.
fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |acc, &c| c.is_ascii_digit().then(|| acc * 10 + (c - b'0') as u32))
}

/// `YYYY-MM-DD` with ASCII digits naming a real date; `None` for anything else.
fn parse_plain(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(digits(&b[0..4])? as i32, digits(&b[5..7])?, digits(&b[8..10])?)
}

/// Read an optional date (`null` or a date, as [`deserialize`] reads it). Missing is `None`
/// only with `#[serde(default)]`, which a field using this needs:
/// `#[serde(default, deserialize_with = "crate::domain::date_format::option")]`.
pub fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    struct Visitor;
    impl<'de> de::Visitor<'de> for Visitor {
        type Value = Option<NaiveDate>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("option")
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            deserialize(d).map(Some)
        }
    }
    d.deserialize_option(Visitor)
}

/// Read a date and time as chrono writes it (`YYYY-MM-DDTHH:MM:SS`) directly, anything else
/// (fractions of a second, other accepted forms, every error) through chrono's parser. For
/// `NaiveDateTime` fields: `#[serde(deserialize_with = "crate::domain::date_format::date_time")]`
/// (they are written by chrono).
pub fn date_time<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
    read_text(d, "a formatted date and time string", parse_plain_time)
}

/// `YYYY-MM-DDTHH:MM:SS` with ASCII digits naming a real date and time; `None` for anything
/// else.
fn parse_plain_time(s: &str) -> Option<NaiveDateTime> {
    let b = s.as_bytes();
    if b.len() != 19 || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    parse_plain(s.get(..10)?)?.and_hms_opt(digits(&b[11..13])?, digits(&b[14..16])?, digits(&b[17..19])?)
}

/// A date as `YYYY-MM-DD` from a form field or a link: the plain form directly, anything else
/// through chrono's date parser. Not `NaiveDate::parse_from_str`: its pattern interpreter
/// would be compiled into the wasm for this one pattern.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    parse_plain(s).or_else(|| s.parse().ok())
}

/// The digits of a date and time as chrono's `strftime` writes them, joined by the given
/// separators: `stamp(at, "", "-", "", false)` is `%Y%m%d-%H%M`, `stamp(at, "-", "T", ":",
/// true)` is `%Y-%m-%dT%H:%M:%S`. Written with plain integer formatting: chrono's pattern
/// interpreter would otherwise be compiled into the wasm for a handful of fixed patterns. The
/// year has four digits, as `%Y` writes the years 0..=9999 (a clock's).
pub fn stamp(at: NaiveDateTime, date_sep: &str, mid: &str, time_sep: &str, seconds: bool) -> String {
    let mut s = format!("{}{mid}{:02}{time_sep}{:02}", ymd(at.date(), date_sep), at.hour(), at.minute());
    if seconds {
        s.push_str(&format!("{time_sep}{:02}", at.second()));
    }
    s
}

/// A date's digits as `strftime` writes them with `sep` between the fields: `ymd(d, "")` is
/// `%Y%m%d`, `ymd(d, "-")` is `%Y-%m-%d` (see [`stamp`]).
pub fn ymd(d: NaiveDate, sep: &str) -> String {
    format!("{:04}{sep}{:02}{sep}{:02}", d.year(), d.month(), d.day())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct Ours(#[serde(with = "super")] NaiveDate);
    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct Chrono(NaiveDate);

    #[test]
    fn writes_exactly_what_chrono_writes() {
        let dates = ["2026-11-28", "2024-02-29", "0000-01-01", "0999-12-31", "9999-12-31", "2017-01-09"];
        for s in dates {
            let d: NaiveDate = s.parse().unwrap();
            assert_eq!(serde_json::to_string(&Ours(d)).unwrap(), serde_json::to_string(&Chrono(d)).unwrap());
        }
        for d in [NaiveDate::from_ymd_opt(12345, 6, 7).unwrap(), NaiveDate::from_ymd_opt(-44, 3, 15).unwrap()] {
            assert_eq!(serde_json::to_string(&Ours(d)).unwrap(), serde_json::to_string(&Chrono(d)).unwrap());
        }
    }

    #[test]
    fn reads_what_chrono_reads_and_refuses_what_it_refuses() {
        for s in ["\"2026-11-28\"", "\"2024-02-29\"", "\"+12345-06-07\"", "\"-0044-03-15\"", "\"2026-1-5\""] {
            let ours = serde_json::from_str::<Ours>(s).map(|o| o.0).map_err(|e| e.to_string());
            let theirs = serde_json::from_str::<Chrono>(s).map(|c| c.0).map_err(|e| e.to_string());
            assert_eq!(ours, theirs, "{s}");
        }
        for s in [
            "\"2026-02-30\"",
            "\"2026-13-01\"",
            "\"2026-11-2x\"",
            "\"20261128\"",
            "\"\"",
            "\"２０２６-11-28\"",
            "17",
            "null",
        ] {
            let ours = serde_json::from_str::<Ours>(s).map_err(|e| e.to_string());
            let theirs = serde_json::from_str::<Chrono>(s).map_err(|e| e.to_string());
            assert!(ours.is_err(), "{s}");
            assert_eq!(ours.unwrap_err(), theirs.unwrap_err(), "{s}");
        }
    }

    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct OursOpt {
        #[serde(default, deserialize_with = "super::option")]
        d: Option<NaiveDate>,
    }
    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct ChronoOpt {
        d: Option<NaiveDate>,
    }
    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct OursAt(#[serde(deserialize_with = "super::date_time")] NaiveDateTime);
    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct ChronoAt(NaiveDateTime);

    #[test]
    fn optional_dates_read_as_chrono_reads_them() {
        for s in [
            r#"{}"#,
            r#"{"d":null}"#,
            r#"{"d":"2026-11-28"}"#,
            r#"{"d":"+12345-06-07"}"#,
            r#"{"d":"2026-02-30"}"#,
            r#"{"d":17}"#,
        ] {
            let ours = serde_json::from_str::<OursOpt>(s).map(|o| o.d).map_err(|e| e.to_string());
            let theirs = serde_json::from_str::<ChronoOpt>(s).map(|c| c.d).map_err(|e| e.to_string());
            assert_eq!(ours, theirs, "{s}");
        }
    }

    #[test]
    fn times_read_as_chrono_reads_them() {
        let at = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap().and_hms_opt(9, 5, 59).unwrap();
        assert_eq!(serde_json::to_string(&OursAt(at)).unwrap(), "\"2026-12-07T09:05:59\"");
        for s in [
            "\"2026-12-07T09:05:59\"",
            "\"2026-12-07T09:05:59.250\"",
            "\"2026-12-07T23:59:60\"",
            "\"2026-12-07 09:05:59\"",
            "\"2026-12-07T24:00:00\"",
            "\"2026-02-30T09:05:59\"",
            "\"2026-12-07T09:05\"",
            "\"2026-12-07T09:5:59\"",
            "\"\"",
            "null",
        ] {
            let ours = serde_json::from_str::<OursAt>(s).map(|o| o.0).map_err(|e| e.to_string());
            let theirs = serde_json::from_str::<ChronoAt>(s).map(|c| c.0).map_err(|e| e.to_string());
            assert_eq!(ours, theirs, "{s}");
        }
    }

    #[test]
    fn stamps_are_what_strftime_writes() {
        let days = ["2026-11-28", "2024-02-29", "0000-01-01", "0999-12-31", "9999-12-31", "2017-01-09"];
        for (i, s) in days.iter().enumerate() {
            let d: NaiveDate = s.parse().unwrap();
            let at = d.and_hms_opt(i as u32 * 4, i as u32 * 11, 59 - i as u32).unwrap();
            assert_eq!(ymd(d, ""), d.format("%Y%m%d").to_string());
            assert_eq!(ymd(d, "-"), d.format("%Y-%m-%d").to_string());
            assert_eq!(stamp(at, "", "-", "", false), at.format("%Y%m%d-%H%M").to_string());
            assert_eq!(stamp(at, "-", " ", ":", false), at.format("%Y-%m-%d %H:%M").to_string());
            assert_eq!(stamp(at, "-", "T", ":", true), at.format("%Y-%m-%dT%H:%M:%S").to_string());
            assert_eq!(stamp(at, "", "T", "", true), at.format("%Y%m%dT%H%M%S").to_string());
        }
    }

    #[test]
    fn form_dates_read_as_the_strftime_pattern_reads_them() {
        for s in
            ["2026-11-28", "2024-02-29", "2026-1-5", "+2026-01-05", " 2026-01-05", "2026-02-30", "2026-13-01", "", "x"]
        {
            assert_eq!(parse_date(s), NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(), "{s:?}");
        }
    }
}
