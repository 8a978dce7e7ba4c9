//! The data page (`#/data`, 数据): where the records live, the storage meter, backups
//! (export with an optional passphrase, import with validation → preview → merge/replace →
//! safety snapshot → one-step undo), the raw-data download for recovery, and the year archive.

use chrono::{NaiveDate, NaiveDateTime};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::{use_app, AppState, SaveState};
use crate::backup::{self, ImportMode, ImportPreview, MAX_BACKUP_BYTES};
use crate::domain::db::Db;
use crate::i18n::{Lang, Text};
use crate::storage::LoadOutcome;

/// Texts of the data page: one exhaustive table per language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dt {
    Title,
    WhereTitle,
    WhereText,
    MeterTitle,
    MeterWarn50,
    MeterWarn80,
    LastBackup,
    Never,
    DaysAgo,
    ExportTitle,
    Passphrase,
    PassphraseHint,
    Export,
    Exported,
    ImportTitle,
    ImportHint,
    ChooseFile,
    Preview,
    New,
    Changed,
    Conflicting,
    OnlyHere,
    Merge,
    Replace,
    MergeHint,
    ReplaceHint,
    Imported,
    Undo,
    Undone,
    SnapshotFailed,
    RecoveryTitle,
    RecoveryText,
    DownloadRaw,
    ContinueWithShown,
    ArchiveTitle,
    ArchiveYear,
    ArchiveHint,
    ArchiveExport,
    ArchiveRemove,
    ArchiveRemoved,
    ArchiveVerifyFailed,
    Cancel,
    Working,
}

impl Text for Dt {
    fn zh(self) -> &'static str {
        match self {
            Dt::Title => "数据",
            Dt::WhereTitle => "数据保存在哪里",
            Dt::WhereText => "全部记录只保存在本浏览器、本网址下（没有服务器，换浏览器、换电脑或清除浏览数据都会看不到）。请在每次会议后导出备份，并妥善保管备份文件。",
            Dt::MeterTitle => "存储空间",
            Dt::MeterWarn50 => "已用超过一半：请导出备份，并考虑归档旧年度。",
            Dt::MeterWarn80 => "存储空间即将用满：请立即导出备份，并归档旧年度以释放空间。",
            Dt::LastBackup => "上次备份：",
            Dt::Never => "从未备份",
            Dt::DaysAgo => "天前",
            Dt::ExportTitle => "导出备份",
            Dt::Passphrase => "加密口令（可选）",
            Dt::PassphraseHint => "设置口令后备份文件被加密（AES-256-GCM）；忘记口令将无法恢复。",
            Dt::Export => "导出备份文件",
            Dt::Exported => "已导出：",
            Dt::ImportTitle => "导入备份",
            Dt::ImportHint => "先检查文件并显示将发生的变化，确认后才导入；导入前自动保存安全快照，可一步撤销。",
            Dt::ChooseFile => "选择备份文件",
            Dt::Preview => "导入预览",
            Dt::New => "新增",
            Dt::Changed => "有变化（以文件为准）",
            Dt::Conflicting => "编号冲突（以新编号并存）",
            Dt::OnlyHere => "仅本浏览器有（合并时保留，替换时删除）",
            Dt::Merge => "合并导入",
            Dt::Replace => "替换全部数据",
            Dt::MergeHint => "合并：保留本浏览器的记录，加入文件中的记录。",
            Dt::ReplaceHint => "替换：本浏览器的数据被文件内容取代。",
            Dt::Imported => "已导入。导入前的数据已保存为快照。",
            Dt::Undo => "撤销上次导入或年度移出",
            Dt::Undone => "已撤销，数据恢复到该操作之前。",
            Dt::SnapshotFailed => "无法保存安全快照，未导入：",
            Dt::RecoveryTitle => "恢复模式",
            Dt::RecoveryText => "存储的数据无法完整读取，本页处于只读模式，原始数据未被改动。请先下载原始数据保存。",
            Dt::DownloadRaw => "下载原始数据",
            Dt::ContinueWithShown => "我已下载，继续使用当前显示的数据",
            Dt::ArchiveTitle => "年度归档",
            Dt::ArchiveYear => "归档年度",
            Dt::ArchiveHint => "把已结束年度的记录导出为备份文件；文件校验无误后，可从本浏览器移除以释放空间。归档文件可随时合并导入恢复。",
            Dt::ArchiveExport => "导出该年度归档",
            Dt::ArchiveRemove => "已核对归档文件，从浏览器移除该年度",
            Dt::ArchiveRemoved => "已移除该年度记录（已保存快照，可撤销）。",
            Dt::ArchiveVerifyFailed => "归档文件校验失败，未移除：",
            Dt::Cancel => "取消",
            Dt::Working => "处理中…",
        }
    }
    fn en(self) -> &'static str {
        match self {
            Dt::Title => "Data",
            Dt::WhereTitle => "Where the data lives",
            Dt::WhereText => "All records live only in this browser at this address (there is no server: another browser, another computer or clearing browsing data will not show them). Export a backup after every meeting and keep the file safe.",
            Dt::MeterTitle => "Storage",
            Dt::MeterWarn50 => "More than half used: export a backup and consider archiving old years.",
            Dt::MeterWarn80 => "Storage is nearly full: export a backup now and archive old years to free space.",
            Dt::LastBackup => "Last backup: ",
            Dt::Never => "never",
            Dt::DaysAgo => " days ago",
            Dt::ExportTitle => "Export a backup",
            Dt::Passphrase => "Passphrase (optional)",
            Dt::PassphraseHint => "With a passphrase the file is encrypted (AES-256-GCM); a forgotten passphrase cannot be recovered.",
            Dt::Export => "Export backup file",
            Dt::Exported => "Exported: ",
            Dt::ImportTitle => "Import a backup",
            Dt::ImportHint => "The file is checked and the changes are previewed before anything is imported; a safety snapshot is taken first and one step can be undone.",
            Dt::ChooseFile => "Choose a backup file",
            Dt::Preview => "Import preview",
            Dt::New => "New",
            Dt::Changed => "Changed (the file wins)",
            Dt::Conflicting => "Id conflicts (kept under new ids)",
            Dt::OnlyHere => "Only here (kept by merge, removed by replace)",
            Dt::Merge => "Merge",
            Dt::Replace => "Replace everything",
            Dt::MergeHint => "Merge keeps this browser's records and adds the file's.",
            Dt::ReplaceHint => "Replace puts the file's content in place of this browser's data.",
            Dt::Imported => "Imported. The data before the import was kept as a snapshot.",
            Dt::Undo => "Undo the last import or archive removal",
            Dt::Undone => "Undone: the data is back to before that step.",
            Dt::SnapshotFailed => "Could not take the safety snapshot, nothing imported: ",
            Dt::RecoveryTitle => "Recovery mode",
            Dt::RecoveryText => "The stored data could not be read completely. This page is read-only and the raw data is untouched: download it first.",
            Dt::DownloadRaw => "Download raw data",
            Dt::ContinueWithShown => "I downloaded it: continue with the data shown",
            Dt::ArchiveTitle => "Year archive",
            Dt::ArchiveYear => "Year to archive",
            Dt::ArchiveHint => "Export the records of a closed year to a backup file; once the file checks out they can be removed from this browser to free space. Merge-import the file to bring them back.",
            Dt::ArchiveExport => "Export the year's archive",
            Dt::ArchiveRemove => "Archive checked: remove the year from this browser",
            Dt::ArchiveRemoved => "The year was removed (a snapshot was kept; it can be undone).",
            Dt::ArchiveVerifyFailed => "The archive file did not check out, nothing removed: ",
            Dt::Cancel => "Cancel",
            Dt::Working => "Working…",
        }
    }
}

/// The browser's local time now.
pub(crate) fn now() -> NaiveDateTime {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .and_then(|day| day.and_hms_opt(d.get_hours(), d.get_minutes(), d.get_seconds()))
        .unwrap_or_default()
}

/// The backup file of every record, stamped `at`, and its name: what the export downloads
/// (the bench hook measures the same). Written from the records in place (a copy of ten years
/// of them is milliseconds more), into a buffer reserved for the size the storage layer knows.
pub(crate) fn backup_file(state: &AppState, at: NaiveDateTime) -> (Vec<u8>, String) {
    let expected = state.with_store(|s| s.records_text_len()).unwrap_or(0);
    state.with_all_records(|db| (backup::export_bytes(db, at, expected), backup::file_name(&db.org.unit_name, at)))
}

/// A JSON file's Blob, made from its UTF-8 bytes: turning the text into a JavaScript
/// string first, which the Blob then encodes back to UTF-8, took ~25 ms of exporting ten years
/// of records (issue 7). The Blob copies the bytes straight out of the module's memory (a
/// copy into a JavaScript array first cost ~5 ms more for ten years of records).
pub(crate) fn json_blob(bytes: &[u8]) -> Result<web_sys::Blob, String> {
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/json;charset=utf-8");
    let parts = js_sys::Array::new();
    // SAFETY: the view is only read by the Blob constructor, which copies it before it
    // returns; nothing is allocated between making the view and that (an allocation could
    // grow the module's memory, which detaches every view of it).
    let blob = unsafe {
        let view = js_sys::Uint8Array::view(bytes);
        parts.push(&view);
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts)
    };
    blob.map_err(|_| "Blob".to_string())
}

/// Offer `text` as a file download (Blob + object URL; nothing leaves the page).
fn download(name: &str, text: &str) -> Result<(), String> {
    download_bytes(name, text.as_bytes())
}

/// Offer UTF-8 JSON `bytes` as a file download.
fn download_bytes(name: &str, bytes: &[u8]) -> Result<(), String> {
    let blob = json_blob(bytes)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "URL".to_string())?;
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").map_err(|_| "a")?.dyn_into().map_err(|_| "a")?;
    a.set_href(&url);
    a.set_download(name);
    let _ = doc.body().map(|b| b.append_child(&a));
    a.click();
    a.remove();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

fn page_address() -> String {
    web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default()
}

/// A parsed file waiting for the user's choice.
#[derive(Clone)]
struct Pending {
    name: String,
    db: Db,
    preview: ImportPreview,
}

#[component]
pub fn DataPage() -> impl IntoView {
    let state = use_app();
    let t = move |k: Dt| k.get(state.lang.get());
    let pick = move |zh: String, en: String| state.lang.get().pick(zh, en);
    // Bumped after every action so the meter re-reads the store.
    let tick = RwSignal::new(0u32);
    let usage = move || {
        tick.get();
        state.db.track();
        state.with_store(|s| s.usage())
    };

    // ----- export -----
    let pass = RwSignal::new(String::new());
    let export_msg = RwSignal::new(None::<String>);
    let do_export = move |_| {
        let at = now();
        let (mut bytes, mut name) = backup_file(&state, at);
        let p = pass.get_untracked();
        if !p.is_empty() {
            match backup::encrypt(&String::from_utf8_lossy(&bytes), &p) {
                Ok(enc) => {
                    bytes = enc.into_bytes();
                    name = name.replace(".json", ".加密.json");
                }
                Err(e) => {
                    export_msg.set(Some(pick(e.zh(), e.en())));
                    return;
                }
            }
        }
        match download_bytes(&name, &bytes) {
            Ok(()) => {
                let today = state.today.get_untracked();
                state.update(|db| db.last_backup = Some(today));
                export_msg.set(Some(format!("{}{name}", Dt::Exported.get(state.lang.get_untracked()))));
            }
            Err(e) => export_msg.set(Some(e)),
        }
        tick.update(|n| *n += 1);
    };

    // ----- import -----
    let import_pass = RwSignal::new(String::new());
    let import_text = RwSignal::new(None::<(String, String)>); // (file name, text)
    let import_err = RwSignal::new(None::<String>);
    let pending = RwSignal::new(None::<Pending>);
    let import_done = RwSignal::new(None::<String>);
    // Still offered when the page is opened again, as long as nothing was saved since.
    let can_undo = RwSignal::new(state.undo_on_offer());
    let analyse = move || {
        let Some((name, text)) = import_text.get_untracked() else { return };
        let p = import_pass.get_untracked();
        match backup::parse_backup(&text, (!p.is_empty()).then_some(p.as_str())) {
            Ok(db) => {
                let preview = state.db.with_untracked(|cur| backup::preview(cur, &db));
                import_err.set(None);
                pending.set(Some(Pending { name, db, preview }));
            }
            Err(e) => {
                pending.set(None);
                import_err.set(Some(pick(e.zh(), e.en())));
            }
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|l| l.get(0)) else { return };
        import_done.set(None);
        pending.set(None);
        if file.size() > MAX_BACKUP_BYTES as f64 {
            let e = backup::ImportError::TooLarge { bytes: file.size() as usize, limit: MAX_BACKUP_BYTES };
            import_err.set(Some(pick(e.zh(), e.en())));
            return;
        }
        let name = file.name();
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                Ok(v) => {
                    import_text.set(Some((name, v.as_string().unwrap_or_default())));
                    analyse();
                }
                Err(_) => import_err.set(Some("无法读取文件 / cannot read the file".into())),
            }
        });
    };
    let run_import = move |mode: ImportMode| {
        let Some(p) = pending.get_untracked() else { return };
        let current = state.all_records();
        match state.with_store(|s| s.snapshot(&current)) {
            Some(Ok(())) => {}
            Some(Err(e)) => {
                import_err.set(Some(format!(
                    "{}{}",
                    Dt::SnapshotFailed.get(state.lang.get_untracked()),
                    pick(e.zh(), e.en())
                )));
                return;
            }
            None => return,
        }
        let next = backup::apply(&current, p.db, mode);
        state.replace(next);
        state.offer_undo();
        pending.set(None);
        import_text.set(None);
        can_undo.set(true);
        import_done.set(Some(Dt::Imported.get(state.lang.get_untracked()).to_string()));
        tick.update(|n| *n += 1);
    };
    let undo = move |_| {
        match state.with_store(|s| s.undo_snapshot()) {
            Some(Ok(Some(db))) => {
                state.db.set(db);
                state.save_state.set(SaveState::Saved);
                // An earlier failed attempt's message no longer holds.
                import_err.set(None);
                import_done.set(Some(Dt::Undone.get(state.lang.get_untracked()).to_string()));
            }
            Some(Ok(None)) => {}
            // Not undone (storage full, another tab saved, read-only): the snapshot is still
            // there and the offer stays, so the user can try again after fixing the cause.
            Some(Err(e)) => {
                // The error replaces the import's status line: one message, and the button.
                import_done.set(None);
                import_err.set(Some(pick(e.zh(), e.en())));
                return;
            }
            None => return,
        }
        can_undo.set(false);
        state.withdraw_undo();
        tick.update(|n| *n += 1);
    };

    // ----- recovery -----
    let in_recovery = move || matches!(state.load_outcome.get(), LoadOutcome::Recovery { .. });
    let download_raw = move |_| {
        let dump = state.with_store(|s| s.raw_dump()).unwrap_or_default();
        let stamp = now().format("%Y%m%d-%H%M");
        let _ = download(&format!("议事原始数据-{stamp}.json"), &dump);
    };
    let continue_shown = move |_| {
        if let Some(Ok(())) = state.with_store(|s| s.force_writable()) {
            state.save_state.set(SaveState::Saved);
            state.load_outcome.set(LoadOutcome::Loaded);
            state.persist();
        }
    };

    // ----- year archive -----
    let years = move || {
        let this = state.this_year();
        state.db.with(backup::years_with_records).into_iter().filter(|y| *y < this).collect::<Vec<_>>()
    };
    let archive_year = RwSignal::new(None::<i32>);
    let archive_ready = RwSignal::new(None::<(i32, Db)>); // verified: (year, rest)
    let archive_msg = RwSignal::new(None::<String>);
    let export_archive = move |_| {
        let Some(year) = archive_year.get_untracked().or_else(|| years().first().copied()) else { return };
        let db = state.all_records();
        let (archive, rest) = backup::archive_year(&db, year);
        let at = now();
        let text = backup::export_json(&archive, at);
        // Verify the file reads back to exactly the archived records before offering removal.
        match backup::parse_backup(&text, None) {
            Ok(back) if back == Db { next_id: back.next_id, ..archive.clone() } => {
                let name = backup::file_name(&format!("{}-{year}年度归档", db.org.unit_name), at);
                match download(&name, &text) {
                    Ok(()) => {
                        let lang = state.lang.get_untracked();
                        let counts = backup::Counts::of(&archive);
                        let counts = lang.pick(counts.zh(), counts.en());
                        archive_msg.set(Some(format!("{}{name}{}", Dt::Exported.get(lang), lang.bracketed(&counts))));
                        archive_ready.set(Some((year, rest)));
                    }
                    Err(e) => archive_msg.set(Some(e)),
                }
            }
            Ok(_) => archive_msg.set(Some(Dt::ArchiveVerifyFailed.get(state.lang.get_untracked()).into())),
            Err(e) => archive_msg.set(Some(format!(
                "{}{}",
                Dt::ArchiveVerifyFailed.get(state.lang.get_untracked()),
                pick(e.zh(), e.en())
            ))),
        }
    };
    let remove_archived = move |_| {
        let Some((_, rest)) = archive_ready.get_untracked() else { return };
        let current = state.all_records();
        match state.with_store(|s| s.snapshot(&current)) {
            Some(Ok(())) => {
                state.replace(rest);
                state.offer_undo();
                can_undo.set(true);
                archive_msg.set(Some(Dt::ArchiveRemoved.get(state.lang.get_untracked()).into()));
            }
            Some(Err(e)) => archive_msg.set(Some(format!(
                "{}{}",
                Dt::SnapshotFailed.get(state.lang.get_untracked()),
                pick(e.zh(), e.en())
            ))),
            None => {}
        }
        archive_ready.set(None);
        tick.update(|n| *n += 1);
    };

    let counts_row = move |label: Dt, c: backup::Counts| {
        view! { <tr><th scope="row">{move || t(label)}</th><td>{move || if state.lang.get() == Lang::Zh { c.zh() } else { c.en() }}</td></tr> }
    };

    view! {
        <section class="page data-page">
            <h1>{move || t(Dt::Title)}</h1>

            <Show when=in_recovery>
                <div class="card banner-bad" role="alert" data-testid="recovery">
                    <h2>{move || t(Dt::RecoveryTitle)}</h2>
                    <p>{move || t(Dt::RecoveryText)}</p>
                    <button type="button" class="btn btn-primary" on:click=download_raw data-testid="download-raw">{move || t(Dt::DownloadRaw)}</button>
                    " "
                    <button type="button" class="btn" on:click=continue_shown data-testid="continue-shown">{move || t(Dt::ContinueWithShown)}</button>
                </div>
            </Show>

            <div class="card" data-testid="data-notice">
                <h2>{move || t(Dt::WhereTitle)}</h2>
                <p>{move || t(Dt::WhereText)}</p>
                <p class="muted"><code>{page_address()}</code></p>
                <p data-testid="last-backup">
                    {move || t(Dt::LastBackup)}
                    {move || match state.db.with(|db| db.last_backup) {
                        None => t(Dt::Never).to_string(),
                        Some(d) => format!("{} {}{}", d, (state.today.get() - d).num_days().max(0), t(Dt::DaysAgo)),
                    }}
                </p>
            </div>

            <div class="card" data-testid="storage-meter">
                <h2>{move || t(Dt::MeterTitle)}</h2>
                {move || usage().map(|u| {
                    let pct = u.percent();
                    view! {
                        <meter min="0" max="100" low="50" high="80" optimum="0" value=format!("{pct:.1}") class="storage-meter"></meter>
                        <p data-testid="usage-text">{format!("{} / {} ({pct:.1}%)", u.used_chars, u.quota_chars)}</p>
                        {(pct >= 80.0).then(|| view! { <p class="banner banner-bad" role="alert">{move || t(Dt::MeterWarn80)}</p> })}
                        {(50.0..80.0).contains(&pct).then(|| view! { <p class="banner banner-warn" role="status">{move || t(Dt::MeterWarn50)}</p> })}
                    }
                })}
            </div>

            <div class="card">
                <h2>{move || t(Dt::ExportTitle)}</h2>
                <label class="field">
                    <span class="field-label">{move || t(Dt::Passphrase)}</span>
                    <input type="password" autocomplete="new-password" prop:value=move || pass.get()
                        on:input=move |ev| pass.set(event_target_value(&ev)) data-testid="export-pass"/>
                    <span class="muted">{move || t(Dt::PassphraseHint)}</span>
                </label>
                <button type="button" class="btn btn-primary" on:click=do_export data-testid="export">{move || t(Dt::Export)}</button>
                {move || export_msg.get().map(|m| view! { <p role="status" data-testid="export-msg">{m}</p> })}
            </div>

            <div class="card">
                <h2>{move || t(Dt::ImportTitle)}</h2>
                <p class="muted">{move || t(Dt::ImportHint)}</p>
                <label class="field">
                    <span class="field-label">{move || t(Dt::ChooseFile)}</span>
                    <input type="file" accept=".json,application/json" on:change=on_file data-testid="import-file"/>
                </label>
                <label class="field">
                    <span class="field-label">{move || t(Dt::Passphrase)}</span>
                    <input type="password" autocomplete="off" prop:value=move || import_pass.get()
                        on:input=move |ev| import_pass.set(event_target_value(&ev))
                        on:change=move |_| analyse() data-testid="import-pass"/>
                </label>
                {move || import_err.get().map(|m| view! { <p class="field-error" role="alert" data-testid="import-error">{m}</p> })}
                {move || pending.get().map(|p| view! {
                    <div data-testid="import-preview">
                        <h3>{move || t(Dt::Preview)}" — "{p.name.clone()}</h3>
                        <table class="table">
                            <tbody>
                                {counts_row(Dt::New, p.preview.new)}
                                {counts_row(Dt::Changed, p.preview.changed)}
                                {counts_row(Dt::Conflicting, p.preview.conflicting)}
                                {counts_row(Dt::OnlyHere, p.preview.only_here)}
                            </tbody>
                        </table>
                        <p class="muted">{move || t(Dt::MergeHint)}" "{move || t(Dt::ReplaceHint)}</p>
                        <button type="button" class="btn btn-primary" on:click=move |_| run_import(ImportMode::Merge) data-testid="import-merge">{move || t(Dt::Merge)}</button>
                        " "
                        <button type="button" class="btn" on:click=move |_| run_import(ImportMode::Replace) data-testid="import-replace">{move || t(Dt::Replace)}</button>
                        " "
                        <button type="button" class="btn btn-quiet" on:click=move |_| pending.set(None)>{move || t(Dt::Cancel)}</button>
                    </div>
                })}
                {move || import_done.get().map(|m| view! { <p role="status" data-testid="import-done">{m}</p> })}
                <Show when=move || can_undo.get()>
                    <button type="button" class="btn" on:click=undo data-testid="import-undo">{move || t(Dt::Undo)}</button>
                </Show>
            </div>

            <div class="card">
                <h2>{move || t(Dt::ArchiveTitle)}</h2>
                <p class="muted">{move || t(Dt::ArchiveHint)}</p>
                {move || {
                    let ys = years();
                    (!ys.is_empty()).then(|| view! {
                        <div class="grid3">
                            <label class="field">
                                <span class="field-label">{move || t(Dt::ArchiveYear)}</span>
                                <select on:change=move |ev| { archive_year.set(event_target_value(&ev).parse().ok()); archive_ready.set(None); } data-testid="archive-year">
                                    {ys.into_iter().map(|y| view! { <option value=y.to_string()>{y}</option> }).collect_view()}
                                </select>
                            </label>
                            <button type="button" class="btn archive-export" on:click=export_archive data-testid="archive-export">{move || t(Dt::ArchiveExport)}</button>
                        </div>
                    })
                }}
                {move || archive_msg.get().map(|m| view! { <p role="status" data-testid="archive-msg">{m}</p> })}
                <Show when=move || archive_ready.get().is_some()>
                    <button type="button" class="btn btn-primary" on:click=remove_archived data-testid="archive-remove">{move || t(Dt::ArchiveRemove)}</button>
                </Show>
            </div>
        </section>
    }
}
