//! "上次备份：N 天前" with a link to export: on 首页 and after each meeting, because the data
//! lives only in this browser.

use leptos::prelude::*;

use crate::app::use_app;
use crate::i18n::phrases::Phrase;
use crate::i18n::Ui;

/// Days since the last exported backup, with a link to the data page.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let state = use_app();
    let text = move || {
        let today = state.today.get();
        match state.db.with(|db| db.last_backup) {
            Some(d) => state.lang.get().of(&Phrase::LastBackupDaysAgo((today - d).num_days().max(0))),
            None => format!("{}{}{}", state.t(Ui::LastBackup), state.colon(), state.t(Ui::NeverBackedUp)),
        }
    };
    let stale = move || {
        let today = state.today.get();
        state.db.with(|db| db.last_backup).is_none_or(|d| (today - d).num_days() > 7)
    };
    view! {
        <p class="backup-reminder no-print" class:stale=stale data-testid="backup-reminder">
            <span>{text}</span>
            " "
            <a class="btn btn-small" href="#/data">{state.tr(Ui::ExportNow)}</a>
        </p>
        <crate::components::ios_storage_notice::IosSendBackReminder/>
    }
}
