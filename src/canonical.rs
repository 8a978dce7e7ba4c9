//! The canonical compact JSON of a value, written directly (no `serde_json::Value` tree).
//!
//! Backups checksum `data` as `serde_json::to_string(&serde_json::to_value(x))`: compact, and
//! every object's keys in byte order (serde_json's `Map` is a `BTreeMap` without the
//! `preserve_order` feature). Building that `Value` for ten years of records costs thousands of
//! small allocations per meeting; [`to_vec`] writes the identical text straight into one
//! buffer. Numbers are formatted by serde_json itself; strings are escaped exactly as
//! serde_json escapes them, eight bytes at a time (tests compare the two). An object's members
//! are written where they stand; only an object whose members came out of key order is
//! rewritten once it is complete. The record structs declare their fields in name
//! order, so ten years of records are written without being copied.
//!
//! The storage layer writes its partitions with it too, and a record's revision digests its
//! canonical text (`domain::revision`): one set of serialisers for the records
//! instead of two (wasm size), and a save, an import's above all, escapes its strings eight
//! bytes at a time. Stored records are read by field name, so the order changes nothing there.
//!
//! Mirrors `serde_json::value::Serializer`: structs and maps become objects (a repeated key
//! keeps the last value), map keys are strings (numbers and booleans as their text), enums are
//! externally tagged, units and `None` are `null`, non-finite floats are `null`.

use std::borrow::Cow;

use serde::ser::{self, Serialize};
use serde_json::Error;

/// Canonical compact JSON bytes of `value` (see the module doc).
pub fn to_vec<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, Error> {
    let mut out = Vec::with_capacity(4096);
    write(&mut out, value)?;
    Ok(out)
}

/// Appends the canonical compact JSON of `value` to `out` (see the module doc): a file can
/// write its head and its data into one buffer.
pub fn write<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result<(), Error> {
    value.serialize(Canon { out })
}

/// Canonical compact JSON text of `value`.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    // Valid UTF-8 only: strings are copied from `&str` around ASCII escapes, and numbers are
    // serde_json's.
    to_vec(value).map(|v| String::from_utf8(v).expect("the writer writes UTF-8"))
}

fn json<T: Serialize + ?Sized>(out: &mut Vec<u8>, v: &T) -> Result<(), Error> {
    v.serialize(&mut serde_json::Serializer::new(out))
}

/// Writes `s` as a JSON string, escaped exactly as serde_json escapes it: `\"`, `\\`, the
/// short escapes `\b \t \n \f \r`, and `\u00xx` (lower-case hex) for the other control
/// characters; everything else as it is, DEL and non-ASCII included.
///
/// serde_json looks at one byte at a time; this looks at eight, so the long Chinese texts of
/// ten years of minutes are copied in runs.
fn write_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut run = 0;
    while let Some(at) = next_escape(bytes, run) {
        out.extend_from_slice(&bytes[run..at]);
        let b = bytes[at];
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            0x0c => out.extend_from_slice(b"\\f"),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]]);
            }
        }
        run = at + 1;
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

/// The index of the first byte at or after `from` that JSON needs escaped: a control character
/// (below 0x20), `"` or `\`.
fn next_escape(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    /// High bit of each byte that is zero, exact for the lowest such byte (a false mark can only
    /// follow a true one, through the borrow).
    fn zero_bytes(x: u64) -> u64 {
        x.wrapping_sub(ONES) & !x & HIGH
    }
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]]);
        // Below 0x20: subtracting 0x20 borrows into the byte's high bit while the byte's own is clear.
        let marks = (x.wrapping_sub(ONES * 0x20) & !x & HIGH)
            | zero_bytes(x ^ (ONES * u64::from(b'"')))
            | zero_bytes(x ^ (ONES * u64::from(b'\\')));
        if marks != 0 {
            // Little-endian: the lowest marked byte is the first in the text.
            return Some(i + (marks.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    bytes.get(i..)?.iter().position(|&b| b < 0x20 || b == b'"' || b == b'\\').map(|p| i + p)
}

struct Canon<'a> {
    out: &'a mut Vec<u8>,
}

impl<'a> ser::Serializer for Canon<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Seq<'a>;
    type SerializeTuple = Seq<'a>;
    type SerializeTupleStruct = Seq<'a>;
    type SerializeTupleVariant = Seq<'a>;
    type SerializeMap = Obj<'a>;
    type SerializeStruct = Obj<'a>;
    type SerializeStructVariant = Obj<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        json(self.out, &v)
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        json(self.out, &v)
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        json(self.out, &v)
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        json(self.out, &v)
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        json(self.out, &v)
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        // Through Value, as the reference does (it refuses what a JSON number cannot hold).
        json(self.out, &serde_json::to_value(v)?)
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        json(self.out, &v)
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        json(self.out, &v)
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        json(self.out, &v)
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        json(self.out, &v)
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        json(self.out, &serde_json::to_value(v)?)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        json(self.out, &serde_json::to_value(v)?)
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        json(self.out, &serde_json::to_value(v)?)
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        json(self.out, &v)
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        write_str(self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        json(self.out, v)
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), Error> {
        write_str(self.out, variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.out.push(b'{');
        write_str(self.out, variant);
        self.out.push(b':');
        value.serialize(Canon { out: &mut *self.out })?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Seq<'a>, Error> {
        self.out.push(b'[');
        Ok(Seq { out: self.out, first: true, close: b"]" })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Seq<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Seq<'a>, Error> {
        self.out.push(b'{');
        write_str(self.out, variant);
        self.out.extend_from_slice(b":[");
        Ok(Seq { out: self.out, first: true, close: b"]}" })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Obj<'a>, Error> {
        Ok(Obj::new(self.out, false))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Obj<'a>, Error> {
        Ok(Obj::new(self.out, false))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Obj<'a>, Error> {
        self.out.push(b'{');
        write_str(self.out, variant);
        self.out.push(b':');
        Ok(Obj::new(self.out, true))
    }
}

struct Seq<'a> {
    out: &'a mut Vec<u8>,
    first: bool,
    close: &'static [u8],
}

impl Seq<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
        value.serialize(Canon { out: &mut *self.out })
    }
    fn finish(self) -> Result<(), Error> {
        self.out.extend_from_slice(self.close);
        Ok(())
    }
}

/// `Seq` is every kind of sequence: its elements, then `]`.
macro_rules! seq_impl {
    ($($trait:ident::$method:ident),*) => {$(
        impl ser::$trait for Seq<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.element(value)
            }
            fn end(self) -> Result<(), Error> {
                self.finish()
            }
        }
    )*};
}
seq_impl!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// One member of an object being written: its key and where its `"key":value` text lies in
/// the output.
type MemberSpan = (Cow<'static, str>, usize, usize);

thread_local! {
    /// The members of the objects being written, innermost last: an object's members sit above
    /// the ones of the objects around it (a member is pushed once its value, and so every
    /// object inside it, is written), so one stack serves every level without an allocation
    /// per object.
    static MEMBERS: std::cell::RefCell<Vec<MemberSpan>> = const { std::cell::RefCell::new(Vec::new()) };
    /// Where an object whose members came out of key order is reordered (kept between objects;
    /// dropped after one larger than [`SCRATCH_KEPT`]).
    static SCRATCH: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

#[cfg(test)]
thread_local! {
    /// Bytes of members rewritten in key order so far (tests check the records need none).
    static REORDERED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The largest reordering buffer kept for the next object.
const SCRATCH_KEPT: usize = 1 << 20;

/// An object being written straight into the output, `"key":value` after `"key":value`.
/// When its members come in strictly increasing key order (the record structs declare their
/// fields so: see `domain`), that text is already canonical and is never copied; otherwise
/// it is reordered at the end (a repeated key keeps the last value, as a map insert does).
struct Obj<'a> {
    out: &'a mut Vec<u8>,
    /// Where the object's `{` is.
    start: usize,
    /// Where its members begin in [`MEMBERS`].
    base: usize,
    /// Every member so far came in strictly increasing key order.
    ordered: bool,
    pending_key: Option<Cow<'static, str>>,
    /// A struct variant: close the `{"Variant":` wrapper too.
    variant: bool,
}

impl<'a> Obj<'a> {
    fn new(out: &'a mut Vec<u8>, variant: bool) -> Self {
        let start = out.len();
        out.push(b'{');
        let base = MEMBERS.with(|m| m.borrow().len());
        Obj { out, start, base, ordered: true, pending_key: None, variant }
    }
    fn member<T: Serialize + ?Sized>(&mut self, key: Cow<'static, str>, value: &T) -> Result<(), Error> {
        // Only the value's own writing is generic: the rest is one function for every type
        // of member (wasm size).
        let at = self.begin(&key);
        value.serialize(Canon { out: &mut *self.out })?;
        self.end(key, at);
        Ok(())
    }
    /// Writes `,"key":` (no comma for the first member); returns where the member starts.
    #[inline(never)]
    fn begin(&mut self, key: &str) -> usize {
        if self.out.len() != self.start + 1 {
            self.out.push(b',');
        }
        let at = self.out.len();
        write_str(self.out, key);
        self.out.push(b':');
        at
    }
    /// Records the member that started at `at`, now written.
    #[inline(never)]
    fn end(&mut self, key: Cow<'static, str>, at: usize) {
        let end = self.out.len();
        MEMBERS.with(|m| {
            let mut m = m.borrow_mut();
            if self.ordered && m.len() > self.base {
                self.ordered = m.last().is_some_and(|last| last.0 < key);
            }
            m.push((key, at, end));
        });
    }
    fn finish(self) -> Result<(), Error> {
        if !self.ordered {
            MEMBERS.with(|m| {
                let mut m = m.borrow_mut();
                reorder(self.out, self.start, &mut m[self.base..]);
            });
        }
        self.out.push(b'}');
        if self.variant {
            self.out.push(b'}');
        }
        Ok(())
    }
}

impl Drop for Obj<'_> {
    /// Its members leave the stack (also when writing stopped at an error).
    fn drop(&mut self) {
        MEMBERS.with(|m| m.borrow_mut().truncate(self.base));
    }
}

/// Rewrites the members of the object at `start` (written in the order they came, `{` and no
/// `}` yet) in key order, keeping the last of equal keys.
fn reorder(out: &mut Vec<u8>, start: usize, members: &mut [MemberSpan]) {
    // Stable, so that of equal keys the last written is the last here.
    crate::domain::sort::sort_by(members, |a, b| a.0.cmp(&b.0));
    SCRATCH.with(|kept| {
        let mut scratch = kept.take();
        scratch.clear();
        scratch.extend_from_slice(&out[start..]);
        out.truncate(start + 1);
        let mut wrote = false;
        for (i, (key, at, end)) in members.iter().enumerate() {
            if members.get(i + 1).is_some_and(|next| next.0 == *key) {
                continue;
            }
            if wrote {
                out.push(b',');
            }
            #[cfg(test)]
            REORDERED.with(|n| n.set(n.get() + (end - at)));
            wrote = true;
            out.extend_from_slice(&scratch[at - start..end - start]);
        }
        if scratch.capacity() <= SCRATCH_KEPT {
            *kept.borrow_mut() = scratch;
        }
    });
}

/// A map key as the `Value` serializer takes it: a string, or a number or boolean as text.
fn map_key<T: Serialize + ?Sized>(key: &T) -> Result<String, Error> {
    match serde_json::to_value(key)? {
        serde_json::Value::String(s) => Ok(s),
        serde_json::Value::Number(n) => Ok(n.to_string()),
        serde_json::Value::Bool(b) => Ok(b.to_string()),
        _ => Err(ser::Error::custom("key must be a string")),
    }
}

impl ser::SerializeMap for Obj<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.pending_key = Some(Cow::Owned(map_key(key)?));
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let key = self.pending_key.take().ok_or_else(|| <Error as ser::Error>::custom("value without a key"))?;
        self.member(key, value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}
/// A struct and a struct variant: named members, then `}` (and the variant's `}`).
macro_rules! struct_impl {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Obj<'_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
                self.member(Cow::Borrowed(key), value)
            }
            fn end(self) -> Result<(), Error> {
                self.finish()
            }
        }
    )*};
}
struct_impl!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use std::collections::{BTreeMap, HashMap};

    fn reference<T: Serialize>(v: &T) -> String {
        serde_json::to_string(&serde_json::to_value(v).unwrap()).unwrap()
    }

    #[derive(Serialize)]
    enum E {
        Unit,
        New(u32),
        Tup(i8, String),
        Rec { zeta: bool, alpha: Option<u8> },
    }

    #[derive(Serialize)]
    struct Inner(u16);

    #[derive(Serialize)]
    struct S {
        z: String,
        a: Vec<E>,
        m: Option<HashMap<u32, String>>,
        b: BTreeMap<String, Inner>,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
        f: f64,
        nan: f64,
        unit: (),
        t: (u8, &'static str),
        c: char,
        neg: i64,
        big: u64,
    }

    #[test]
    fn matches_serde_json_value_round_trip() {
        let s = S {
            z: "引号\"\\\n\u{1}𠮷😀 <script>".into(),
            a: vec![
                E::Unit,
                E::New(7),
                E::Tup(-3, "x".into()),
                E::Rec { zeta: true, alpha: None },
                E::Rec { zeta: false, alpha: Some(2) },
            ],
            m: Some((0..20).map(|i| (i * 7, format!("v{i}"))).collect()),
            b: [("b".to_string(), Inner(2)), ("a".into(), Inner(1)), ("é".into(), Inner(3)), ("Z".into(), Inner(0))]
                .into_iter()
                .collect(),
            skipped: None,
            f: 1.5e300,
            nan: f64::NAN,
            unit: (),
            t: (1, "two"),
            c: '中',
            neg: i64::MIN,
            big: u64::MAX,
        };
        assert_eq!(to_string(&s).unwrap(), reference(&s));
        assert_eq!(to_string(&Vec::<u8>::new()).unwrap(), "[]");
        assert_eq!(to_string(&BTreeMap::<String, u8>::new()).unwrap(), "{}");
    }

    /// Every byte serde_json escapes, and bytes it does not (DEL, `/`, non-ASCII), at every
    /// place in and around an eight-byte step.
    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let special: Vec<char> =
            (0u8..0x20).map(char::from).chain(['"', '\\', '\u{7f}', '/', ' ', '中', '𠮷', '\u{2028}']).collect();
        for len in 0..20 {
            for at in 0..len.max(1) {
                for &c in &special {
                    let s: String = (0..len)
                        .map(|i| {
                            if i == at {
                                c
                            } else if i % 3 == 0 {
                                '议'
                            } else {
                                'a'
                            }
                        })
                        .collect();
                    assert_eq!(to_string(&s).unwrap(), serde_json::to_string(&s).unwrap(), "{s:?}");
                }
            }
        }
        // Two escapes in one step, and one just after a step.
        for s in ["\"\"", "abcdefg\n\"", "abcdefgh\\", "\u{1f}abcdefgh\u{0}"] {
            assert_eq!(to_string(s).unwrap(), serde_json::to_string(s).unwrap());
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn any_string_is_escaped_as_serde_json_escapes_it(s in "(?s).{0,64}", t in proptest::collection::vec(0u8..0x80, 0..64)) {
            proptest::prop_assert_eq!(to_string(&s).unwrap(), serde_json::to_string(&s).unwrap());
            let ascii = String::from_utf8(t).unwrap();
            proptest::prop_assert_eq!(to_string(&ascii).unwrap(), serde_json::to_string(&ascii).unwrap());
            // As a map key too.
            let m: BTreeMap<&str, u8> = [(s.as_str(), 1), (ascii.as_str(), 2)].into_iter().collect();
            proptest::prop_assert_eq!(to_string(&m).unwrap(), reference(&m));
        }
    }

    #[test]
    fn a_whole_database_matches_the_value_round_trip() {
        let db = crate::sample::reference::reference_db(7);
        assert_eq!(to_string(&db).unwrap(), reference(&db));
    }

    /// Members in the order given (a hand-written `Serialize`, as serde's `flatten` or a
    /// custom impl can produce): repeated and out of order, with objects inside.
    struct Raw(Vec<(&'static str, Value)>);
    impl Serialize for Raw {
        fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use ser::SerializeMap;
            let mut m = s.serialize_map(Some(self.0.len()))?;
            for (k, v) in &self.0 {
                m.serialize_entry(k, v)?;
            }
            m.end()
        }
    }
    enum Value {
        Num(u32),
        Obj(Raw),
        /// Fails when written.
        Broken,
    }
    impl Serialize for Value {
        fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            match self {
                Value::Num(n) => s.serialize_u32(*n),
                Value::Obj(o) => o.serialize(s),
                Value::Broken => Err(ser::Error::custom("broken")),
            }
        }
    }

    #[test]
    fn members_out_of_order_or_repeated_are_written_as_a_map_keeps_them() {
        use Value::*;
        let inner = || Obj(Raw(vec![("z", Num(1)), ("a", Num(2)), ("z", Num(3))]));
        let v = Raw(vec![
            ("m", inner()),
            ("b", Num(1)),
            ("m", Obj(Raw(vec![("y", inner()), ("x", Num(0))]))),
            ("a", inner()),
            ("b", Num(2)),
        ]);
        let want = r#"{"a":{"a":2,"z":3},"b":2,"m":{"x":0,"y":{"a":2,"z":3}}}"#;
        assert_eq!(to_string(&v).unwrap(), want);
        // In order, nested or not: the same text as written.
        let ordered = Raw(vec![("a", Num(1)), ("b", Obj(Raw(vec![("c", Num(2)), ("d", Num(3))])))]);
        assert_eq!(to_string(&ordered).unwrap(), r#"{"a":1,"b":{"c":2,"d":3}}"#);
        // An empty object inside an out-of-order one.
        assert_eq!(to_string(&Raw(vec![("b", Obj(Raw(vec![]))), ("a", Num(1))])).unwrap(), r#"{"a":1,"b":{}}"#);
    }

    #[test]
    fn an_error_part_way_leaves_nothing_behind_for_the_next_value() {
        use Value::*;
        let broken = Raw(vec![("b", Num(1)), ("a", Obj(Raw(vec![("y", Num(1)), ("x", Broken)])))]);
        assert!(to_string(&broken).is_err());
        assert_eq!(MEMBERS.with(|m| m.borrow().len()), 0);
        let v = Raw(vec![("b", Num(1)), ("a", Num(2))]);
        assert_eq!(to_string(&v).unwrap(), r#"{"a":2,"b":1}"#);
    }

    #[test]
    fn ten_years_of_records_are_written_without_reordering() {
        // The records declare their fields in name order, so none of their text is copied
        // (what is left: a few small structs such as a member's term).
        let db = crate::sample::reference::reference_db(7);
        REORDERED.with(|n| n.set(0));
        let len = to_vec(&db).unwrap().len();
        let reordered = REORDERED.with(|n| n.get());
        assert!(
            reordered * 100 < len,
            "{reordered} of {len} bytes reordered: declare the record struct's fields in name order"
        );
    }
}
