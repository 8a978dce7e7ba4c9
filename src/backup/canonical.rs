//! The canonical compact JSON of a value, written directly (no `serde_json::Value` tree).
//!
//! Backups checksum `data` as `serde_json::to_string(&serde_json::to_value(x))`: compact, and
//! every object's keys in byte order (serde_json's `Map` is a `BTreeMap` without the
//! `preserve_order` feature). Building that `Value` for ten years of records costs thousands of
//! small allocations per meeting; [`to_vec`] writes the identical text straight into one
//! buffer: sequences and scalars are written in place (by serde_json itself, so escaping and
//! number formatting are serde_json's), and each object's members are written into a scratch
//! buffer and emitted in key order (copied as is when already in order).
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
    // serde_json writes valid UTF-8 only.
    to_vec(value).map(|v| String::from_utf8(v).expect("serde_json writes UTF-8"))
}

fn json<T: Serialize + ?Sized>(out: &mut Vec<u8>, v: &T) -> Result<(), Error> {
    v.serialize(&mut serde_json::Serializer::new(out))
}

fn key_str(out: &mut Vec<u8>, k: &str) -> Result<(), Error> {
    if k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        // A field name: nothing to escape.
        out.push(b'"');
        out.extend_from_slice(k.as_bytes());
        out.push(b'"');
        return Ok(());
    }
    ser::Serializer::serialize_str(&mut serde_json::Serializer::new(out), k)
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
        ser::Serializer::serialize_str(&mut serde_json::Serializer::new(self.out), v)
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
        key_str(self.out, variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(self, _: &'static str, _: u32, variant: &'static str, value: &T) -> Result<(), Error> {
        self.out.push(b'{');
        key_str(self.out, variant)?;
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
    fn serialize_tuple_variant(self, _: &'static str, _: u32, variant: &'static str, _: usize) -> Result<Seq<'a>, Error> {
        self.out.push(b'{');
        key_str(self.out, variant)?;
        self.out.extend_from_slice(b":[");
        Ok(Seq { out: self.out, first: true, close: b"]}" })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Obj<'a>, Error> {
        Ok(Obj::new(self.out, false))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Obj<'a>, Error> {
        Ok(Obj::new(self.out, false))
    }
    fn serialize_struct_variant(self, _: &'static str, _: u32, variant: &'static str, _: usize) -> Result<Obj<'a>, Error> {
        self.out.push(b'{');
        key_str(self.out, variant)?;
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

impl ser::SerializeSeq for Seq<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}
impl ser::SerializeTuple for Seq<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}
impl ser::SerializeTupleStruct for Seq<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}
impl ser::SerializeTupleVariant for Seq<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

/// An object being written: members go to `scratch` (key text, value range) and are emitted
/// in key order at the end.
struct Obj<'a> {
    out: &'a mut Vec<u8>,
    scratch: Vec<u8>,
    /// (key, start, end) of each member's value in `scratch`.
    members: Vec<(Cow<'static, str>, usize, usize)>,
    pending_key: Option<Cow<'static, str>>,
    /// A struct variant: close the `{"Variant":` wrapper too.
    variant: bool,
}

impl<'a> Obj<'a> {
    fn new(out: &'a mut Vec<u8>, variant: bool) -> Self {
        Obj { out, scratch: Vec::new(), members: Vec::new(), pending_key: None, variant }
    }
    fn member<T: Serialize + ?Sized>(&mut self, key: Cow<'static, str>, value: &T) -> Result<(), Error> {
        let start = self.scratch.len();
        value.serialize(Canon { out: &mut self.scratch })?;
        self.members.push((key, start, self.scratch.len()));
        Ok(())
    }
    fn finish(mut self) -> Result<(), Error> {
        // Stable sort, then keep the last of equal keys (a map insert overwrites).
        if !self.members.windows(2).all(|w| w[0].0 < w[1].0) {
            crate::domain::sort::sort_by(&mut self.members, |a, b| a.0.cmp(&b.0));
            let mut kept: Vec<(Cow<'static, str>, usize, usize)> = Vec::with_capacity(self.members.len());
            for m in self.members.drain(..) {
                match kept.last_mut() {
                    Some(last) if last.0 == m.0 => *last = m,
                    _ => kept.push(m),
                }
            }
            self.members = kept;
        }
        // One allocation for the whole object (the outermost one holds every record: growing
        // by doubling would copy megabytes more than once), with a few bytes to spare for what
        // a file puts after it (the backup's closing bracket).
        let keys: usize = self.members.iter().map(|(k, _, _)| k.len() + 4).sum();
        self.out.reserve(self.scratch.len() + keys + 16);
        self.out.push(b'{');
        for (i, (k, s, e)) in self.members.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            key_str(self.out, k)?;
            self.out.push(b':');
            self.out.extend_from_slice(&self.scratch[*s..*e]);
        }
        self.out.push(b'}');
        if self.variant {
            self.out.push(b'}');
        }
        Ok(())
    }
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
impl ser::SerializeStruct for Obj<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.member(Cow::Borrowed(key), value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}
impl ser::SerializeStructVariant for Obj<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.member(Cow::Borrowed(key), value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

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
            a: vec![E::Unit, E::New(7), E::Tup(-3, "x".into()), E::Rec { zeta: true, alpha: None }, E::Rec { zeta: false, alpha: Some(2) }],
            m: Some((0..20).map(|i| (i * 7, format!("v{i}"))).collect()),
            b: [("b".to_string(), Inner(2)), ("a".into(), Inner(1)), ("é".into(), Inner(3)), ("Z".into(), Inner(0))].into_iter().collect(),
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

    #[test]
    fn a_whole_database_matches_the_value_round_trip() {
        let db = crate::sample::reference::reference_db(7);
        assert_eq!(to_string(&db).unwrap(), reference(&db));
    }
}
