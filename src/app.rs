//! The app shell: shared state ([`AppState`]), the header with navigation, language switch and
//! saved-state indicator, storage banners, and the hash router outlet.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

use crate::components::banner::StorageBanner;
use crate::domain::db::Db;
use crate::domain::doc::DocId;
use crate::i18n::{Lang, Text, Ui};
use crate::pages;
use crate::records::{Changed, Records};
use crate::router::{Route, Section};
use crate::storage::{LoadOutcome, NamedSave, StorageError, Store};

/// Whether the last change reached storage. 保存状态
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    /// 已保存
    Saved,
    /// 未保存: the last save failed; the data is only in memory.
    Unsaved(StorageError),
    /// 只读: recovery mode, newer schema, or another tab owns newer data.
    ReadOnly(StorageError),
}

/// Shared application state, provided as context. Pages read `db` and change it only through
/// [`AppState::update_docs`] / [`AppState::try_update_docs`] (a change that names its records),
/// [`AppState::update`] (a change whose records are not known) or [`AppState::replace`]; each
/// saves at once.
#[derive(Clone, Copy)]
pub struct AppState {
    /// All records, keyed by document for change notification ([`Records`]).
    pub db: Records,
    /// UI language.
    pub lang: RwSignal<Lang>,
    /// The app's "today" (settable for tests with `?today=YYYY-MM-DD`).
    pub today: RwSignal<NaiveDate>,
    /// Result of the last save.
    pub save_state: RwSignal<SaveState>,
    /// How the data was loaded (for banners: recovery, newer schema, unavailable).
    pub load_outcome: RwSignal<LoadOutcome>,
    /// Result of `navigator.storage.persist()`, asked once after the first user action where the
    /// browser offers it (secure contexts); `None` until answered or where unavailable.
    pub persisted: RwSignal<Option<bool>>,
    /// The store's revision right after an import (which took a safety snapshot): its undo stays on offer while nothing has been saved since, also after a
    /// reload (it is kept in the `undo_rev` preference).
    pub undo_rev: RwSignal<Option<u64>>,
    /// The older months of the records are still being read (the app opens with the current
    /// and the previous year and reads the rest right after the first screen is drawn).
    pub loading_older: RwSignal<bool>,
    /// Records this tab and another changed at the same time: both versions were kept, and a
    /// banner names them until dismissed.
    pub tab_conflicts: RwSignal<Vec<DocId>>,
    store: StoredValue<Store, LocalStorage>,
    /// A check after a save of named records is waiting for the browser to be idle.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    check_pending: StoredValue<bool>,
}

/// The state from context. Panics only if called outside [`App`].
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// Text in the current language (reactive when called inside a view closure).
    pub fn t<T: Text>(&self, key: T) -> &'static str {
        key.get(self.lang.get())
    }

    /// A text of the tables for a view or an attribute, following the language:
    /// `{state.tr(Ui::Save)}`. The closure's type depends only on the table, so every call site
    /// of a table shares one compiled text view; a `move || state.t(..)` closure written at each
    /// site compiles a view of its own (wasm size).
    pub fn tr<T: Text + Send + Sync + 'static>(
        &self,
        key: T,
    ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        let lang = self.lang;
        move || key.get(lang.get())
    }

    /// A text of the tables as a signal, for a component's `Signal<String>` prop (see
    /// [`AppState::tr`]).
    pub fn tr_signal<T: Text + Send + Sync + 'static>(&self, key: T) -> Signal<String> {
        let lang = self.lang;
        Signal::derive(move || key.get(lang.get()).to_string())
    }

    /// The colon after a label in the current language (reactive inside a view closure).
    pub fn colon(&self) -> &'static str {
        self.lang.get().colon()
    }

    /// Pick between computed Chinese and English strings by the current language.
    pub fn pick(&self, zh: String, en: String) -> String {
        self.lang.get().pick(zh, en)
    }

    /// Read the older months if they are still pending (see [`AppState::loading_older`]), so
    /// that every change is made to all the records. Called before every change and every use
    /// of the store; it does nothing once they are read.
    pub fn ensure_loaded(&self) {
        let Some(Some((db, outcome))) = self.store.try_update_value(|s| s.load_pending()) else {
            if self.loading_older.get_untracked() {
                self.loading_older.set(false);
                self.mark_loaded();
            }
            return;
        };
        self.db.set(db);
        match &outcome {
            LoadOutcome::Recovery { error } => self.save_state.set(SaveState::ReadOnly(error.clone())),
            LoadOutcome::NewerSchema { found, supported } => self
                .save_state
                .set(SaveState::ReadOnly(StorageError::NewerSchema { found: *found, supported: *supported })),
            _ => {}
        }
        if outcome != LoadOutcome::Loaded {
            self.load_outcome.set(outcome);
        }
        self.loading_older.set(false);
        self.mark_loaded();
    }

    /// Every stored record is in memory: `window.__YISHI_LOADED__` is set (for tests and the
    /// benchmark; `__YISHI_READY__` is the first screen), and the 纪要's fonts are opened once
    /// the browser is idle (see [`pages::meetings::summary::warm_up_fonts`]).
    fn mark_loaded(&self) {
        #[cfg(target_arch = "wasm32")]
        {
            set_marker("__YISHI_LOADED__", page_ms());
            when_idle(pages::meetings::summary::warm_up_fonts);
        }
    }

    /// Read every record (the older months first, when still pending): what an export, an
    /// archive or a safety snapshot must see.
    pub fn with_all_records<R>(&self, f: impl FnOnce(&Db) -> R) -> R {
        self.ensure_loaded();
        self.db.with_untracked(f)
    }

    /// A copy of every record (see [`AppState::with_all_records`]).
    pub fn all_records(&self) -> Db {
        self.with_all_records(Db::clone)
    }

    /// Apply a change whose records are not known (a merge with another tab's records) and save
    /// it at once: the save compares every record with the committed copy.
    pub fn update(&self, f: impl FnOnce(&mut Db)) {
        self.ensure_loaded();
        if let SaveState::ReadOnly(_) = self.save_state.get_untracked() {
            return;
        }
        let was_saved = matches!(self.save_state.get_untracked(), SaveState::Saved);
        self.db.update_untracked(f);
        self.save_and_notify(was_saved);
    }

    /// Apply a change that names the records it touches (it returns their ids) and save it at
    /// once: only those records are stamped, written and told (see
    /// [`crate::storage::Store::save_docs`]). A record the change alters but does not name is
    /// saved with them when it is stored beside them (the same month, or the core); elsewhere
    /// the check that follows when the browser is idle compares every record with the
    /// committed copy and saves what it finds. Either way the miss is reported as an error in
    /// the console (where the end-to-end tests see it).
    pub fn update_docs(&self, f: impl FnOnce(&mut Db) -> Vec<DocId>) {
        self.ensure_loaded();
        if let SaveState::ReadOnly(_) = self.save_state.get_untracked() {
            return;
        }
        let was_saved = matches!(self.save_state.get_untracked(), SaveState::Saved);
        let Some(docs) = self.db.update_untracked(f) else { return };
        if !was_saved {
            // Earlier changes are not saved yet: a save of everything.
            return self.save_and_notify(false);
        }
        self.save_named(&docs);
    }

    /// Save the records `docs` of a change made in memory to the saved data, tell their views,
    /// and check for records the change did not name once the browser is idle.
    fn save_named(&self, docs: &[DocId]) {
        let saved = self.persist_touched(Some(docs));
        if let Some(s) = &saved {
            report_missed(&s.missed);
            self.check_when_idle();
        }
        self.db.changed(&saved.map_or(Changed::Everything, |s| Changed::Docs(s.touched)));
    }

    /// After a save of named records: once the browser is idle, save whatever still differs
    /// from the committed copy (a record a change did not name), saying so in the console, and
    /// collect the partitions such saves replaced.
    fn check_when_idle(&self) {
        #[cfg(target_arch = "wasm32")]
        {
            if self.check_pending.get_value() {
                return;
            }
            self.check_pending.set_value(true);
            let state = *self;
            when_idle(move || {
                state.check_pending.set_value(false);
                // A save that failed since is retried by the next change, not reported here.
                if state.save_state.get_untracked() != SaveState::Saved {
                    return;
                }
                if let Some(missed) = state.persist_touched(None).map(|s| s.touched).filter(|t| !t.is_empty()) {
                    report_missed(&missed);
                    state.db.changed(&Changed::Docs(missed));
                }
                state.with_store(Store::collect_pending_garbage);
            });
        }
    }

    /// Save a change made to the records in memory and tell the views of the records it
    /// touched. The save knows them (they get new revisions) when the data in memory was the
    /// saved data before the change (`was_saved`); otherwise, or when the save did not simply
    /// land, every view is told (an over-notified view only re-runs; an under-notified one
    /// would show old data).
    fn save_and_notify(&self, was_saved: bool) {
        let touched = self.persist_touched(None).map(|s| s.touched);
        self.db.changed(&touched.filter(|_| was_saved).map_or(Changed::Everything, Changed::Docs));
    }

    /// Apply a change that may be refused: on `Err` nothing changes and nothing is saved.
    ///
    /// When the data in memory is the saved data (the usual case) the change is made in place
    /// and a refusal puts back whatever it altered from the store's copy of the committed
    /// records; otherwise (unsaved, memory only, read-only) it is made on a copy (the records
    /// are shared behind `Arc`s: a copy costs a pointer per record).
    ///
    /// The change names the records it touches (it returns them with its value): saved as
    /// [`AppState::update_docs`] saves.
    pub fn try_update_docs<T, E>(&self, f: impl FnOnce(&mut Db) -> Result<(T, Vec<DocId>), E>) -> Result<T, E> {
        self.ensure_loaded();
        let in_place = matches!(self.save_state.get_untracked(), SaveState::Saved)
            && self.store.try_with_value(|s| s.can_restore()).unwrap_or(false);
        let mut change = Some(f);
        if in_place {
            let ran = self.db.update_untracked(|db| {
                let out = change.take().map(|f| f(db));
                if let Some(Err(_)) = out {
                    self.store.try_with_value(|s| s.restore_saved(db));
                }
                out
            });
            if let Some(Some(out)) = ran {
                let (v, docs) = out?;
                self.save_named(&docs);
                return Ok(v);
            }
        }
        // On a copy (and where the signal could not be updated: the change has not run).
        let f = change.take().expect("a change runs at most once");
        let mut draft = self.db.get_untracked();
        let (out, _) = f(&mut draft)?;
        if let SaveState::ReadOnly(_) = self.save_state.get_untracked() {
            return Ok(out);
        }
        self.db.set(draft);
        self.persist();
        Ok(out)
    }

    /// Replace the whole database (import, example data) and save.
    pub fn replace(&self, db: Db) {
        self.ensure_loaded();
        self.db.set(db);
        self.persist();
    }

    /// Save the current data; the indicator shows the outcome.
    ///
    /// When another tab saved first, this tab's changes are put on top of the other tab's
    /// ([`crate::backup::merge::rebase`]): nothing either tab saved is overwritten; a record
    /// both changed keeps both versions and the banner names it.
    pub fn persist(&self) {
        self.persist_touched(None);
    }

    /// [`AppState::persist`], returning the documents the save touched when it landed as is
    /// (not when it was put on top of another tab's records, which sets every record). With
    /// `docs`, a save of those records only ([`AppState::update_docs`]), which also returns
    /// the records it found the change had missed.
    fn persist_touched(&self, docs: Option<&[DocId]>) -> Option<NamedSave> {
        self.ensure_loaded();
        let mut touched = None;
        let mut result = self
            .store
            .try_update_value(|s| {
                self.db.update_untracked(|db| match docs {
                    Some(d) => s.save_docs(db, d),
                    None => s.save_touched(db).map(|touched| NamedSave { touched, missed: Vec::new() }),
                })
            })
            .flatten()
            .map(|r| r.map(|t| touched = Some(t)));
        if let Some(Err(StorageError::Conflict { .. })) = result {
            result = self.rebase_on_other_tab();
        }
        match result {
            // Without browser storage the store keeps data in memory: that is not saved.
            Some(Ok(())) => match self.load_outcome.get_untracked() {
                LoadOutcome::Unavailable(d) => self.save_state.set(SaveState::Unsaved(StorageError::Unavailable(d))),
                _ => self.save_state.set(SaveState::Saved),
            },
            Some(Err(StorageError::ReadOnly)) => {}
            Some(Err(e @ StorageError::Conflict { .. })) => self.save_state.set(SaveState::ReadOnly(e)),
            Some(Err(e)) => self.save_state.set(SaveState::Unsaved(e)),
            None => {}
        }
        touched
    }

    /// Another tab saved since this one read: read its records, put this tab's changes on top
    /// and save the result.
    fn rebase_on_other_tab(&self) -> Option<Result<(), StorageError>> {
        let ours = self.db.get_untracked();
        let outcome = self.store.try_update_value(|s| {
            let base = s.committed().clone();
            let theirs = match s.reload_if_changed()? {
                Ok(db) => db,
                Err(e) => return Some(Err(e)),
            };
            let (mut merged, both) = crate::backup::merge::rebase(&base, &ours, &theirs);
            Some(s.save(&mut merged).map(|()| (merged, both)))
        });
        match outcome.flatten()? {
            Ok((merged, both)) => {
                self.db.set(merged);
                if !both.is_empty() {
                    self.tab_conflicts.update(|v| v.extend(both));
                }
                Some(Ok(()))
            }
            Err(e) => Some(Err(e)),
        }
    }

    /// Run a closure with the store (the data page: usage, snapshots, raw dump).
    pub fn with_store<R>(&self, f: impl FnOnce(&mut Store) -> R) -> Option<R> {
        self.ensure_loaded();
        self.store.try_update_value(f)
    }

    /// An import was just saved: remember the revision for its undo (in
    /// memory and in a preference, so a reload keeps the offer).
    pub fn offer_undo(&self) {
        let rev = self.with_store(|s| {
            let rev = s.revision();
            // Without the preference the undo is still offered until the page is reloaded.
            let _ = s.set_pref(UNDO_PREF, &rev.to_string());
            rev
        });
        self.undo_rev.set(rev);
    }

    /// The undo was used (or can no longer be): offer it nowhere.
    pub fn withdraw_undo(&self) {
        self.undo_rev.set(None);
        self.with_store(|s| s.set_pref(UNDO_PREF, ""));
    }

    /// Is the safety snapshot's undo still safe to offer: a snapshot exists and nothing has been
    /// saved since the change it would undo (so undoing loses no later work)?
    pub fn undo_on_offer(&self) -> bool {
        let Some(rev) = self.undo_rev.get_untracked() else { return false };
        self.with_store(|s| s.revision() == rev && s.snapshot_taken_at().is_some()).unwrap_or(false)
    }

    /// Current year of the app's "today".
    pub fn this_year(&self) -> i32 {
        self.today.get().year()
    }
}

/// `performance.now()` of the page (0 where there is none).
#[cfg(target_arch = "wasm32")]
pub(crate) fn page_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

/// A change did not name records it changed (found by its save or by the idle check, and
/// saved): an error in the console, where the end-to-end tests see it.
fn report_missed(missed: &[DocId]) {
    #[cfg(target_arch = "wasm32")]
    if !missed.is_empty() {
        let names: Vec<String> = missed.iter().map(ToString::to_string).collect();
        web_sys::console::error_1(
            &format!("a change did not name every record it changed; saved now: {}", names.join(", ")).into(),
        );
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = missed;
}

/// Set `window[name]` to a number: the markers the tests and the benchmark read.
#[cfg(target_arch = "wasm32")]
pub(crate) fn set_marker(name: &str, value: f64) {
    if let Some(w) = web_sys::window() {
        let _ = js_sys::Reflect::set(&w, &name.into(), &value.into());
    }
}

/// The first month read at start: January of the previous year (of `?today=` or the clock).
/// The home screen, this year's duties and the recent meetings need no more; older months are
/// read right after the first screen is drawn.
fn recent_from() -> String {
    let year = query_today().unwrap_or_else(clock_today).year();
    format!("{:04}-01", year - 1)
}

/// `?today=YYYY-MM-DD` (tests and demonstrations), when given and valid.
fn query_today() -> Option<NaiveDate> {
    query_param("today").and_then(|s| parse_day(&s))
}

/// Run `f` once the browser is idle (`requestIdleCallback`); where there is no such thing
/// (Safari), after 200 ms.
#[cfg(target_arch = "wasm32")]
fn when_idle(f: impl Fn() + Clone + 'static) {
    if request_idle_callback_with_handle(f.clone()).is_err() {
        set_timeout(f, std::time::Duration::from_millis(200));
    }
}

fn parse_day(s: &str) -> Option<NaiveDate> {
    crate::domain::date_format::parse_date(s)
}

/// The browser clock's local date.
fn clock_today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date()).unwrap_or(NaiveDate::MIN)
}

fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// Today's date in the browser's time zone, or the `?today=` / stored `today` override.
fn initial_today(store: &Store) -> NaiveDate {
    query_today().or_else(|| store.pref("today").and_then(|s| parse_day(&s))).unwrap_or_else(clock_today)
}

/// Another kind of screen is about to replace this one: focus the main region first, so that
/// keyboard and screen-reader users start at the new screen's content, and the link that was
/// clicked is not removed while focused (Blink's removal of the focused element is a costly
/// part of a navigation). A screen of the same kind (another year, another search) keeps the
/// focus where it is. A focused input is blurred on the way, so its pending change is saved.
fn focus_main() {
    let main = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
    if let Some(main) = main {
        let _ = main.focus();
    }
}

fn current_route() -> Route {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    Route::parse(&hash)
}

/// Navigate to a route: the router follows at once ([`go_to`]).
pub fn navigate(route: &Route) {
    go_to(&route.href());
}

/// Go to the in-app address `href` (`#/...`): a new history entry (pushState), then a
/// `hashchange` dispatched here, so the router follows now rather than in the task the
/// browser queues after a hash change (a visible delay in opening a screen or running a
/// search on a slow tablet). The same address again does nothing, as with a hash; without
/// a history API the location hash is set and the browser's own hashchange follows.
fn go_to(href: &str) {
    let Some(w) = web_sys::window() else { return };
    if w.location().hash().ok().as_deref() == Some(href) {
        return;
    }
    match w.history().and_then(|h| h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))) {
        Ok(()) => {
            if let Ok(ev) = web_sys::Event::new("hashchange") {
                let _ = w.dispatch_event(&ev);
            }
        }
        Err(_) => {
            let _ = w.location().set_hash(href.trim_start_matches('#'));
        }
    }
}

fn set_document_lang(lang: Lang) {
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = el.set_attribute("lang", lang.html_lang());
    }
}

/// Call `navigator.storage.persist()` where it exists and record the answer.
fn request_persistence(out: RwSignal<Option<bool>>) {
    use wasm_bindgen::JsCast;
    let Some(w) = web_sys::window() else { return };
    let storage = js_sys::Reflect::get(
        &js_sys::Reflect::get(&w, &"navigator".into()).unwrap_or(wasm_bindgen::JsValue::UNDEFINED),
        &"storage".into(),
    )
    .unwrap_or(wasm_bindgen::JsValue::UNDEFINED);
    let Ok(persist) = js_sys::Reflect::get(&storage, &"persist".into()) else { return };
    let Some(persist) = persist.dyn_ref::<js_sys::Function>() else { return };
    let Ok(promise) = persist.call0(&storage) else { return };
    let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else { return };
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(v) = wasm_bindgen_futures::JsFuture::from(promise).await {
            out.set(v.as_bool());
        }
    });
}

/// Preference holding the revision an import left ([`AppState::undo_rev`]).
const UNDO_PREF: &str = "undo_rev";

/// The application root.
#[component]
pub fn App() -> impl IntoView {
    let (store, db, outcome) = Store::open_browser_recent(Some(&recent_from()));
    let loading_older = store.has_pending();
    let lang = Lang::from_code(&store.pref("lang").unwrap_or_default());
    let today = initial_today(&store);
    let save_state = match &outcome {
        LoadOutcome::Recovery { error } => SaveState::ReadOnly(error.clone()),
        LoadOutcome::NewerSchema { found, supported } => {
            SaveState::ReadOnly(StorageError::NewerSchema { found: *found, supported: *supported })
        }
        LoadOutcome::Unavailable(d) => SaveState::Unsaved(StorageError::Unavailable(d.clone())),
        _ => SaveState::Saved,
    };
    let state = AppState {
        db: Records::new(db),
        lang: RwSignal::new(lang),
        today: RwSignal::new(today),
        save_state: RwSignal::new(save_state),
        load_outcome: RwSignal::new(outcome),
        persisted: RwSignal::new(None),
        undo_rev: RwSignal::new(store.pref(UNDO_PREF).and_then(|v| v.parse().ok())),
        loading_older: RwSignal::new(loading_older),
        tab_conflicts: RwSignal::new(Vec::new()),
        store: StoredValue::new_local(store),
        check_pending: StoredValue::new(false),
    };
    if loading_older {
        // After the first screen is painted (a task queued from the frame that paints it); and
        // in any case within a second (a tab opened in the background draws no frames).
        request_animation_frame(move || set_timeout(move || state.ensure_loaded(), std::time::Duration::ZERO));
        set_timeout(move || state.ensure_loaded(), std::time::Duration::from_secs(1));
    } else {
        state.mark_loaded();
    }
    provide_context(state);
    set_document_lang(lang);
    // `window.__YISHI_BENCH__` for `./dev bench`, only when the URL has `?bench`.
    #[cfg(target_arch = "wasm32")]
    crate::sample::bench_hook::install(state);

    let route = RwSignal::new(current_route());
    // The route of the page on show: a new page for every new address, except where the page
    // follows the route in place ([`Route::same_screen`]).
    let page_route = Memo::new_with_compare(
        move |_| route.get(),
        |old, new| !matches!((old, new), (Some(a), Some(b)) if a.same_screen(b)),
    );
    // The address changed (typed, back and forward, or `go_to`): show its screen.
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        let next = current_route();
        if std::mem::discriminant(&next) != std::mem::discriminant(&route.get_untracked()) {
            focus_main();
        }
        route.set(next);
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    // An in-app link clicked (or Enter on it) is followed in the click itself ([`go_to`]).
    // Clicks a screen handled itself are left alone, and so are clicks with a modifier key (a
    // new tab or window).
    let _ = window_event_listener(leptos::ev::click, move |ev| {
        use wasm_bindgen::JsCast;
        if ev.default_prevented()
            || ev.button() != 0
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href^='#/']").ok().flatten())
            .filter(|a| !a.has_attribute("target") && !a.has_attribute("download"));
        let Some(href) = link.and_then(|a| a.get_attribute("href")) else { return };
        ev.prevent_default();
        go_to(&href);
    });
    // Another tab saved: take its newer data (or go read-only if ours is unsaved).
    let _ = window_event_listener(leptos::ev::storage, move |_| {
        state.ensure_loaded();
        if let Some(Some(result)) = state.store.try_update_value(|s| s.reload_if_changed()) {
            match result {
                Ok(db) => {
                    state.db.set_changed(db);
                    state.save_state.set(SaveState::Saved);
                }
                Err(e) => state.save_state.set(SaveState::ReadOnly(e)),
            }
        }
    });
    // Ask the browser to keep our storage (exempt from eviction) after the first user action.
    let asked = StoredValue::new(false);
    let _ = window_event_listener(leptos::ev::pointerdown, move |_| {
        if !asked.get_value() {
            asked.set_value(true);
            request_persistence(state.persisted);
        }
    });
    // A tablet going to sleep or a tab being closed: blur the focused input so its pending
    // `change` fires and is saved now (every other action is saved the moment it happens).
    let flush = move || {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = el.blur();
        }
    };
    let _ = window_event_listener(leptos::ev::pagehide, move |_| flush());
    let _ = window_event_listener(leptos::ev::visibilitychange, move |_| {
        let hidden = web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden());
        if hidden {
            flush();
        }
    });

    view! {
        <a class="skip" href="#main">{state.tr(Ui::SkipToContent)}</a>
        <Header route=route/>
        <StorageBanner/>
        <crate::components::conflict::TabConflictBanner/>
        <main id="main" class="main" tabindex="-1">
            {move || pages::render_page(page_route.get(), route.into())}
        </main>
    }
}

/// The top bar: app name, navigation, language switch and saved-state indicator.
#[component]
fn Header(
    /// The current route, for highlighting the active section.
    route: RwSignal<Route>,
) -> impl IntoView {
    let state = use_app();
    let links: [(Section, Route, Ui); 9] = [
        (Section::Home, Route::Home, Ui::NavHome),
        (Section::Meetings, Route::Meetings, Ui::NavMeetings),
        (Section::Items, Route::Items, Ui::NavItems),
        (Section::Tasks, Route::Tasks, Ui::NavTasks),
        (Section::Duties, Route::Duties(None), Ui::NavDuties),
        (Section::Search, Route::Search(String::new()), Ui::NavSearch),
        (Section::Rules, Route::Rules(None), Ui::NavRules),
        (Section::Settings, Route::Settings, Ui::NavSettings),
        (Section::Data, Route::Data, Ui::NavData),
    ];
    let toggle_lang = move |_| {
        let next = state.lang.get_untracked().other();
        state.lang.set(next);
        set_document_lang(next);
        state.with_store(|s| s.set_pref("lang", next.code()));
    };
    view! {
        <header class="topbar">
            <a class="brand" href="#/">
                <span class="brand-name">{state.tr(Ui::AppName)}</span>
                <span class="brand-tag">{state.tr(Ui::AppTagline)}</span>
            </a>
            <div class="topbar-tools">
                <SaveIndicator/>
                <button type="button" class="btn btn-quiet lang-toggle" on:click=toggle_lang data-testid="lang-toggle">
                    {state.tr(Ui::Language)}
                </button>
            </div>
            <nav class="nav" aria-label=state.tr(Ui::MainNavigation)>
                {links
                    .into_iter()
                    .map(|(section, target, label)| {
                        let href = target.href();
                        view! {
                            <a
                                href=href
                                class="nav-link"
                                class:active=move || route.get().section() == section
                                aria-current=move || (route.get().section() == section).then_some("page")
                            >
                                {move || state.t(label)}
                            </a>
                        }
                    })
                    .collect_view()}
            </nav>
        </header>
    }
}

/// 已保存 / 未保存 / 只读.
#[component]
fn SaveIndicator() -> impl IntoView {
    let state = use_app();
    view! {
        <span
            class="save-indicator"
            class:bad=move || !matches!(state.save_state.get(), SaveState::Saved)
            data-testid="save-state"
            role="status"
        >
            {move || match state.save_state.get() {
                SaveState::Saved if state.loading_older.get() => state.t(Ui::LoadingOlder),
                SaveState::Saved => state.t(Ui::Saved),
                SaveState::Unsaved(_) => state.t(Ui::Unsaved),
                SaveState::ReadOnly(_) => state.t(Ui::ReadOnly),
            }}
        </span>
    }
}
