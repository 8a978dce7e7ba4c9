//! Where in a JSON text a parse error lies, as a field path (`meetings[3].date`).
//!
//! serde_json reports an error's line and column; an import refusal names the record and field
//! instead. Scanning the text up to the error's position gives that path without wrapping every
//! record type's deserializer a second time (`serde_path_to_error` did, ~140 KB of wasm).
//! Only the error path runs this.

/// One open container while scanning.
enum Frame {
    /// `key` is the member being read (the last key seen); `in_value` is false between a key
    /// and its `:` or after a `,`.
    Object { key: Option<String>, in_value: bool },
    /// `index` counts the `,`s seen; `started` says an element began at that index.
    Array { index: usize, started: bool },
}

/// The byte offset of serde_json's `line` (1-based) and `column` (bytes since the line's
/// start) in `text`; clamped to the text's length.
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let bytes = text.as_bytes();
    let mut start = 0;
    for _ in 1..line.max(1) {
        match bytes[start..].iter().position(|&b| b == b'\n') {
            Some(p) => start += p + 1,
            None => return bytes.len(),
        }
    }
    (start + column).min(bytes.len())
}

/// serde_json's message without its " at line L column C" suffix (the path says where).
pub fn message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    text.strip_suffix(&suffix).unwrap_or(&text).to_string()
}

/// The path of the value being read at byte `offset` of `text`, in the form
/// `meetings[3].date` (keys joined by `.`, array indexes in brackets; empty at the top level).
/// With `whole_object` the innermost object's own path is given rather than its last member's
/// (serde reports a missing field when it reaches the object's closing brace).
pub fn path_at(text: &str, offset: usize, whole_object: bool) -> String {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    // An element or member value begins: the innermost array now has an element at its index.
    fn value_begins(stack: &mut [Frame]) {
        match stack.last_mut() {
            Some(Frame::Array { started, .. }) => *started = true,
            Some(Frame::Object { .. }) | None => {}
        }
    }
    while i < end {
        match bytes[i] {
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                let raw = &text[start..(i + 1).min(bytes.len())];
                match stack.last_mut() {
                    Some(Frame::Object { key, in_value: false }) => {
                        *key = Some(
                            serde_json::from_str::<String>(raw).unwrap_or_else(|_| raw.trim_matches('"').to_string()),
                        );
                    }
                    _ => value_begins(&mut stack),
                }
            }
            b'{' => {
                value_begins(&mut stack);
                stack.push(Frame::Object { key: None, in_value: false });
            }
            b'[' => {
                value_begins(&mut stack);
                stack.push(Frame::Array { index: 0, started: false });
            }
            b'}' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Frame::Object { in_value, .. }) = stack.last_mut() {
                    *in_value = true;
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { in_value, .. }) => *in_value = false,
                Some(Frame::Array { index, started }) => {
                    *index += 1;
                    *started = false;
                }
                None => {}
            },
            b' ' | b'\t' | b'\n' | b'\r' => {}
            _ => value_begins(&mut stack),
        }
        i += 1;
    }
    if whole_object {
        if let Some(Frame::Object { key, .. }) = stack.last_mut() {
            *key = None;
        }
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Array { index, started } if *started || *index > 0 => {
                path.push_str(&format!("[{index}]"));
            }
            _ => {}
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Task {
        title: String,
        deadline: u32,
    }
    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Doc {
        tasks: Vec<Task>,
        tags: Vec<Vec<u32>>,
    }

    /// The path serde_json's own error position leads to, as the import computes it.
    fn path_of_error(text: &str) -> String {
        let e = serde_json::from_str::<Doc>(text).unwrap_err();
        let missing = message(&e).starts_with("missing field");
        path_at(text, offset_of(text, e.line(), e.column()), missing)
    }

    #[test]
    fn names_the_field_of_a_wrong_type_in_compact_and_indented_text() {
        let compact = r#"{"tasks":[{"title":"a","deadline":1},{"title":"b","deadline":"x"}],"tags":[]}"#;
        assert_eq!(path_of_error(compact), "tasks[1].deadline");
        let indented = "{\n  \"tags\": [[1, 2], [3, \"four\"]],\n  \"tasks\": []\n}";
        assert_eq!(path_of_error(indented), "tags[1][1]");
        let last = r#"{"tasks":[{"deadline":1,"title":7}],"tags":[]}"#;
        assert_eq!(path_of_error(last), "tasks[0].title");
    }

    #[test]
    fn a_missing_field_names_its_object() {
        let text = r#"{"tasks":[{"title":"a","deadline":1},{"title":"b"}],"tags":[]}"#;
        assert_eq!(path_of_error(text), "tasks[1]");
        assert_eq!(path_of_error(r#"{"tasks":[]}"#), "");
    }

    #[test]
    fn strings_with_brackets_quotes_and_escapes_do_not_confuse_the_scan() {
        let text =
            r#"{"tasks":[{"title":"a [b], {c} \"d\", e\\","deadline":1},{"title":"]}","deadline":-1}],"tags":[]}"#;
        assert_eq!(path_of_error(text), "tasks[1].deadline");
        let escaped_key = r#"{"a\"b":{"c":1},"tasks":[{"title":"x","deadline":true}],"tags":[]}"#;
        assert_eq!(path_of_error(escaped_key), "tasks[0].deadline");
        assert_eq!(path_at(r#"{"a\"b":{"c":"#, 13, false), "a\"b.c");
    }

    #[test]
    fn messages_lose_only_the_position_suffix() {
        let e = serde_json::from_str::<Doc>(r#"{"tasks":[{"title":"a at line 1 column 2"}],"tags":[]}"#).unwrap_err();
        assert_eq!(message(&e), "missing field `deadline`");
        let e = serde_json::from_str::<Task>(r#"{"title":"at line 9 column 9","deadline":"x"}"#).unwrap_err();
        assert_eq!(message(&e), "invalid type: string \"x\", expected u32");
    }

    #[test]
    fn offsets_follow_serde_json_lines_and_columns() {
        let text = "ab\ncd\nef";
        assert_eq!(offset_of(text, 1, 1), 1);
        assert_eq!(offset_of(text, 2, 0), 3);
        assert_eq!(offset_of(text, 3, 2), 8);
        assert_eq!(offset_of(text, 9, 0), text.len());
        assert_eq!(offset_of(text, 1, 99), text.len());
        assert_eq!(path_at("", 5, true), "");
    }
}
