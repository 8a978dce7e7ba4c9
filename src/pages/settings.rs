//! Settings: the unit, members with their terms, departments and who is in charge, non-member
//! attendees, and the rule parameters with the article each comes from.
//!
//! Edits go to a draft; 保存 validates the whole draft and saves only when there is no error.
//! Errors are shown beside the input they concern.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::app::use_app;
use crate::components::article_link::ArticleLink;
use crate::domain::article::Article;
use crate::domain::db::Db;
use crate::domain::org::{Department, Member, NonMember, Organisation, Role, Term};
use crate::domain::settings::{Reading, RuleSettings};
use crate::domain::validate::{validate_org, validate_settings, Field, Issue};
use crate::domain::Id;
use crate::i18n::{role_label, Ui};

/// Whether a member is referenced by any record (then it cannot be deleted, only its term ended).
fn member_in_use(db: &Db, id: Id) -> bool {
    db.meetings.iter().any(|m| m.chair == Some(id) || m.attendance.iter().any(|a| a.member == id))
        || db.items.iter().any(|i| i.in_charge == Some(id))
        || db.tasks.iter().any(|t| t.member == Some(id))
        || db.evidence.iter().any(|e| e.member == Some(id) || e.counterpart == Some(id))
}

fn department_in_use(db: &Db, id: Id) -> bool {
    db.items.iter().any(|i| i.department == Some(id))
        || db.tasks.iter().any(|t| t.department == Some(id))
        || db.evidence.iter().any(|e| e.department == Some(id))
}

fn attendee_in_use(db: &Db, id: Id) -> bool {
    db.meetings.iter().any(|m| m.observers.contains(&id))
}

/// Draft state of the settings screen.
#[derive(Clone, Copy)]
struct Draft {
    org: RwSignal<Organisation>,
    rules: RwSignal<RuleSettings>,
    next_id: RwSignal<Id>,
    issues: RwSignal<Vec<Issue>>,
    /// Set once the user tried to save, so errors then update live.
    tried: RwSignal<bool>,
}

impl Draft {
    fn new_id(&self) -> Id {
        let id = self.next_id.get_untracked().max(1);
        self.next_id.set(id + 1);
        id
    }
    fn revalidate(&self) {
        if self.tried.get_untracked() {
            let mut v = self.org.with_untracked(validate_org);
            v.extend(self.rules.with_untracked(validate_settings));
            self.issues.set(v);
        }
    }
    fn edit_org(&self, f: impl FnOnce(&mut Organisation)) {
        self.org.update(f);
        self.revalidate();
    }
    fn edit_rules(&self, f: impl FnOnce(&mut RuleSettings)) {
        self.rules.update(f);
        self.revalidate();
    }
    /// The error for a field in the current language.
    fn error(&self, field: Field) -> Signal<Option<String>> {
        let issues = self.issues;
        let state = use_app();
        Signal::derive(move || {
            let lang = state.lang.get();
            issues.with(|v| v.iter().find(|i| i.field == field).map(|i| lang.of(&i.problem)))
        })
    }
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    crate::domain::date_format::parse_date(s.trim())
}

/// The settings screen.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = use_app();
    let db = state.db.get_untracked();
    let draft = Draft {
        org: RwSignal::new(db.org.clone()),
        rules: RwSignal::new(db.settings.clone()),
        next_id: RwSignal::new(db.next_id.max(1)),
        issues: RwSignal::new(Vec::new()),
        tried: RwSignal::new(false),
    };
    let status = RwSignal::new(None::<bool>);
    // The records as the draft started from them.
    let base = StoredValue::new(db.clone());
    // The unit and the rules as last saved: while the draft differs from them, the heading
    // says that the page holds unsaved changes.
    let saved = RwSignal::new((db.org.clone(), db.settings.clone()));
    let dirty = Memo::new(move |_| saved.with(|(o, r)| draft.org.with(|d| d != o) || draft.rules.with(|d| d != r)));

    let save = move |_| {
        draft.tried.set(true);
        draft.revalidate();
        if draft.issues.with_untracked(|v| v.is_empty()) {
            let org = draft.org.get_untracked();
            let rules = draft.rules.get_untracked();
            let next = draft.next_id.get_untracked();
            // The draft's changes put on top of the records as they are now: another tab may
            // have saved since the page was opened (see `backup::merge::rebase`).
            let opened = base.get_value();
            let mut ours = opened.clone();
            ours.org = org;
            ours.settings = rules;
            ours.next_id = ours.next_id.max(next);
            let mut both = Vec::new();
            state.update(|db| {
                let (merged, b) = crate::backup::merge::rebase(&opened, &ours, db);
                *db = merged;
                both = b;
                // Planned meetings take the members serving on their dates (第十八条（四）).
                crate::domain::conduct::follow_rosters(db);
            });
            if !both.is_empty() {
                state.tab_conflicts.update(|v| v.extend(both));
            }
            base.set_value(state.db.get_untracked());
            saved.set((draft.org.get_untracked(), draft.rules.get_untracked()));
            status.set(Some(true));
        } else {
            status.set(Some(false));
        }
    };

    view! {
        <section class="page settings-page">
            <h1>{state.tr(Ui::SettingsTitle)}" "
                {move || dirty.get().then(|| view! { <span class="pill pill-warn" data-testid="settings-unsaved">{state.tr(Ui::UnsavedEdits)}</span> })}
            </h1>
            <crate::components::conflict::ConflictNotice doc=crate::domain::doc::DocId::Settings/>
            <UnitSection draft=draft/>
            <MembersSection draft=draft/>
            <DepartmentsSection draft=draft/>
            <AttendeesSection draft=draft/>
            <RulesSection draft=draft/>
            <div class="savebar">
                <button type="button" class="btn btn-primary" on:click=save data-testid="settings-save">
                    {state.tr(Ui::Save)}
                </button>
                {move || match status.get() {
                    Some(true) if !dirty.get() => Some(view! { <span class="ok" role="status" data-testid="settings-status">{state.t(Ui::SavedOk)}</span> }.into_any()),
                    Some(true) => None,
                    Some(false) => Some(view! { <span class="field-error" role="alert" data-testid="settings-status">{state.t(Ui::FixErrors)}</span> }.into_any()),
                    None => None,
                }}
            </div>
        </section>
    }
}

/// Unit name and superior committee.
#[component]
fn UnitSection(
    /// The draft being edited.
    draft: Draft,
) -> impl IntoView {
    let state = use_app();
    let unit_err = draft.error(Field::UnitName);
    view! {
        <fieldset class="card">
            <legend>{state.tr(Ui::UnitSection)}" "<ArticleLink article=Article::new(3)/></legend>
            <div class="grid2">
                <label class="field" class:has-error=move || unit_err.get().is_some()>
                    <span class="field-label">{state.tr(Ui::UnitName)}</span>
                    <input
                        type="text"
                        data-testid="unit-name"
                        prop:value=move || draft.org.with(|o| o.unit_name.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); draft.edit_org(|o| o.unit_name = v) }
                    />
                    {move || unit_err.get().map(|e| view! { <span class="field-error" role="alert">{e}</span> })}
                </label>
                <label class="field">
                    <span class="field-label">{state.tr(Ui::Superior)}</span>
                    <input
                        type="text"
                        data-testid="unit-superior"
                        prop:value=move || draft.org.with(|o| o.superior.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); draft.edit_org(|o| o.superior = v) }
                    />
                </label>
                <label class="field">
                    <span class="field-label">{state.tr(Ui::IssueCopyTo)}</span>
                    <input
                        type="text"
                        data-testid="issue-copy-to"
                        prop:value=move || draft.rules.with(|r| r.issue.copy_to.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); draft.edit_rules(|r| r.issue.copy_to = v) }
                    />
                </label>
                <label class="field">
                    <span class="field-label">{state.tr(Ui::IssueIssuer)}</span>
                    <input
                        type="text"
                        data-testid="issue-issuer"
                        placeholder=state.tr(Ui::IssueIssuerHint)
                        prop:value=move || draft.rules.with(|r| r.issue.issuer.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); draft.edit_rules(|r| r.issue.issuer = v) }
                    />
                </label>
            </div>
        </fieldset>
    }
}

/// Members and their terms. Those who had left when the page was opened (往届成员) are folded
/// under a button and built only when shown: after ten years they are much of the form and
/// slow to open on a tablet. 保存 with an error on one of them
/// opens the fold, so the error is seen beside its input.
#[component]
fn MembersSection(
    /// The draft being edited.
    draft: Draft,
) -> impl IntoView {
    let state = use_app();
    let roster_err = draft.error(Field::Roster);
    let today = state.today.get_untracked();
    // Decided once, so that a card does not move to the other list while its dates are edited.
    let former = StoredValue::new(
        draft.org.with_untracked(|o| o.members.iter().filter(|m| m.has_left(today)).map(|m| m.id).collect::<Vec<_>>()),
    );
    let is_former = move |id: Id| former.with_value(|f| f.contains(&id));
    let ids = move |left: bool| {
        draft.org.with(|o| o.members.iter().filter(|m| is_former(m.id) == left).map(|m| m.id).collect::<Vec<_>>())
    };
    let former_count = Memo::new(move |_| ids(true).len());
    let show_former = RwSignal::new(false);
    // On every 保存 (each sets `tried`), not on every keystroke after one: a fold closed again
    // by hand stays closed while the user types elsewhere.
    Effect::new(move |_| {
        draft.tried.track();
        let error_in_fold = draft.issues.with_untracked(|v| {
            v.iter().any(|i| matches!(i.field, Field::MemberName(id) | Field::TermDates(id, _) if is_former(id)))
        });
        if error_in_fold {
            show_former.set(true);
        }
    });
    let add_member = move |_| {
        let id = draft.new_id();
        let today = state.today.get_untracked();
        let role = if draft.org.with_untracked(|o| o.members.is_empty()) { Role::Secretary } else { Role::Member };
        draft.edit_org(|o| {
            o.members.push(Member {
                id,
                name: String::new(),
                note: String::new(),
                terms: vec![Term { role, start: today, end: None, director: false, main_leader: false }],
            })
        });
    };
    view! {
        <fieldset class="card">
            <legend>{state.tr(Ui::MembersSection)}" "<ArticleLink article=Article::new(9)/></legend>
            {move || roster_err.get().map(|e| view! { <p class="field-error" role="alert" data-testid="roster-error">{e}</p> })}
            <For each=move || ids(false) key=|id| *id children=move |id| view! { <MemberCard draft=draft id=id/> }/>
            <button type="button" class="btn" on:click=add_member data-testid="add-member">
                {state.tr(Ui::AddMember)}
            </button>
            <Show when=move || { former_count.get() > 0 }>
                <div class="former-members">
                    <button
                        type="button"
                        class="btn btn-quiet"
                        aria-expanded=move || show_former.get().to_string()
                        aria-controls="former-members"
                        data-testid="toggle-former"
                        on:click=move |_| show_former.update(|s| *s = !*s)
                    >
                        {move || state.t(if show_former.get() { Ui::HideFormer } else { Ui::ShowFormer })}
                        {move || state.lang.get().bracketed(&former_count.get().to_string())}
                    </button>
                    <div id="former-members">
                        <Show when=move || show_former.get()>
                            <For each=move || ids(true) key=|id| *id children=move |id| view! { <MemberCard draft=draft id=id/> }/>
                        </Show>
                    </div>
                </div>
            </Show>
        </fieldset>
    }
}

/// One member with their terms.
#[component]
fn MemberCard(
    /// The draft being edited.
    draft: Draft,
    /// The member's id.
    id: Id,
) -> impl IntoView {
    let state = use_app();
    let name_err = draft.error(Field::MemberName(id));
    let blocked = RwSignal::new(false);
    let field = move |f: fn(&Member) -> String| move || draft.org.with(|o| o.member(id).map(f).unwrap_or_default());
    let edit = move |f: Box<dyn FnOnce(&mut Member)>| {
        draft.edit_org(|o| {
            if let Some(m) = o.members.iter_mut().find(|m| m.id == id) {
                f(m)
            }
        })
    };
    let remove = move |_| {
        if state.db.with_untracked(|db| member_in_use(db, id)) {
            blocked.set(true);
        } else {
            draft.edit_org(|o| {
                o.members.retain(|m| m.id != id);
                for d in o.departments.iter_mut().filter(|d| d.in_charge == Some(id)) {
                    d.in_charge = None;
                }
            });
        }
    };
    let serving = move || draft.org.with(|o| o.member(id).is_some_and(|m| m.serves_on(state.today.get())));
    // A memo, so that the term rows are built again only when a term is added or removed, not
    // on every keystroke anywhere in the draft (with ten years of members, typing lagged
    // behind the keys).
    let term_count = Memo::new(move |_| draft.org.with(|o| o.member(id).map(|m| m.terms.len()).unwrap_or(0)));
    view! {
        <div class="member-card" data-testid="member-card">
            <div class="grid3">
                <label class="field" class:has-error=move || name_err.get().is_some()>
                    <span class="field-label">{state.tr(Ui::Name)}</span>
                    <input
                        type="text"
                        data-testid="member-name"
                        prop:value=field(|m| m.name.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |m| m.name = v)) }
                    />
                    {move || name_err.get().map(|e| view! { <span class="field-error" role="alert">{e}</span> })}
                </label>
                <label class="field">
                    <span class="field-label">{state.tr(Ui::Note)}</span>
                    <input
                        type="text"
                        placeholder=state.tr(Ui::NoteHint)
                        prop:value=field(|m| m.note.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |m| m.note = v)) }
                    />
                </label>
                <div class="member-status">
                    <span class=move || if serving() { "pill pill-ok" } else { "pill" }>
                        {move || if serving() { state.t(Ui::ServingOn) } else { state.t(Ui::FormerMember) }}
                    </span>
                    <button type="button" class="btn btn-quiet btn-danger" on:click=remove>{state.tr(Ui::Remove)}</button>
                </div>
            </div>
            {move || blocked.get().then(|| view! {
                <p class="field-error" role="alert">{state.tr(Ui::MemberInUse)}</p>
            })}
            {move || (0..term_count.get()).map(|i| view! { <TermRow draft=draft id=id index=i/> }).collect_view()}
            <button
                type="button"
                class="btn btn-quiet"
                on:click=move |_| {
                    let today = state.today.get_untracked();
                    edit(Box::new(move |m| m.terms.push(Term { role: Role::Member, start: today, end: None, director: false, main_leader: false })))
                }
            >
                {state.tr(Ui::AddTerm)}
            </button>
        </div>
    }
}

/// One term of a member: role, dates, flags.
#[component]
fn TermRow(
    /// The draft being edited.
    draft: Draft,
    /// The member's id.
    id: Id,
    /// Index of the term.
    index: usize,
) -> impl IntoView {
    let state = use_app();
    let err = draft.error(Field::TermDates(id, index));
    let get = move |f: fn(&Term) -> String| {
        move || draft.org.with(|o| o.member(id).and_then(|m| m.terms.get(index)).map(f).unwrap_or_default())
    };
    let flag = move |f: fn(&Term) -> bool| {
        move || draft.org.with(|o| o.member(id).and_then(|m| m.terms.get(index)).map(f).unwrap_or(false))
    };
    let edit = move |f: Box<dyn FnOnce(&mut Term)>| {
        draft.edit_org(|o| {
            if let Some(t) = o.members.iter_mut().find(|m| m.id == id).and_then(|m| m.terms.get_mut(index)) {
                f(t)
            }
        })
    };
    let role_value = move || draft.org.with(|o| o.member(id).and_then(|m| m.terms.get(index)).map(|t| t.role));
    view! {
        <div class="term-row" class:has-error=move || err.get().is_some()>
            <label class="field">
                <span class="field-label">{state.tr(Ui::Role)}</span>
                <select
                    data-testid="term-role"
                    on:change=move |ev| {
                        let role = match event_target_value(&ev).as_str() {
                            "secretary" => Role::Secretary,
                            "deputy" => Role::DeputySecretary,
                            _ => Role::Member,
                        };
                        edit(Box::new(move |t| t.role = role))
                    }
                >
                    {[(Role::Secretary, "secretary"), (Role::DeputySecretary, "deputy"), (Role::Member, "member")]
                        .into_iter()
                        .map(|(r, v)| view! {
                            <option value=v selected=move || role_value() == Some(r)>{move || state.t(role_label(r))}</option>
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="field">
                <span class="field-label">{state.tr(Ui::TermStart)}</span>
                <input
                    type="date"
                    data-testid="term-start"
                    prop:value=get(|t| t.start.to_string())
                    on:change=move |ev| {
                        if let Some(d) = parse_date(&event_target_value(&ev)) {
                            edit(Box::new(move |t| t.start = d))
                        }
                    }
                />
            </label>
            <label class="field">
                <span class="field-label">{state.tr(Ui::TermEnd)}</span>
                <input
                    type="date"
                    data-testid="term-end"
                    title=state.tr(Ui::TermEndHint)
                    prop:value=get(|t| t.end.map(|d| d.to_string()).unwrap_or_default())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let end = parse_date(&v);
                        edit(Box::new(move |t| t.end = end))
                    }
                />
            </label>
            <label class="check">
                <input type="checkbox" prop:checked=flag(|t| t.director) on:change=move |ev| { let v = event_target_checked(&ev); edit(Box::new(move |t| t.director = v)) }/>
                <span>{state.tr(Ui::Director)}</span>
            </label>
            <label class="check">
                <input type="checkbox" prop:checked=flag(|t| t.main_leader) on:change=move |ev| { let v = event_target_checked(&ev); edit(Box::new(move |t| t.main_leader = v)) }/>
                <span>{state.tr(Ui::MainLeader)}</span>
            </label>
            <button
                type="button"
                class="btn btn-quiet btn-danger"
                aria-label=move || format!("{} {}", state.t(Ui::Remove), state.t(Ui::TermStart))
                on:click=move |_| draft.edit_org(|o| {
                    if let Some(m) = o.members.iter_mut().find(|m| m.id == id) {
                        if index < m.terms.len() {
                            m.terms.remove(index);
                        }
                    }
                })
            >
                "×"
            </button>
            {move || err.get().map(|e| view! { <span class="field-error term-error" role="alert">{e}</span> })}
        </div>
    }
}

/// Departments and the member in charge of each.
#[component]
fn DepartmentsSection(
    /// The draft being edited.
    draft: Draft,
) -> impl IntoView {
    let state = use_app();
    let add = move |_| {
        let id = draft.new_id();
        draft.edit_org(|o| {
            o.departments.push(Department { id, name: String::new(), head: String::new(), in_charge: None })
        });
    };
    view! {
        <fieldset class="card">
            <legend>{state.tr(Ui::DepartmentsSection)}" "<ArticleLink article=Article::clause(18, 3)/></legend>
            <For
                each=move || draft.org.with(|o| o.departments.iter().map(|d| d.id).collect::<Vec<_>>())
                key=|id| *id
                children=move |id| view! { <DepartmentRow draft=draft id=id/> }
            />
            <button type="button" class="btn" on:click=add data-testid="add-department">{state.tr(Ui::AddDepartment)}</button>
        </fieldset>
    }
}

/// One department.
#[component]
fn DepartmentRow(
    /// The draft being edited.
    draft: Draft,
    /// The department's id.
    id: Id,
) -> impl IntoView {
    let state = use_app();
    let name_err = draft.error(Field::DepartmentName(id));
    let blocked = RwSignal::new(false);
    let edit = move |f: Box<dyn FnOnce(&mut Department)>| {
        draft.edit_org(|o| {
            if let Some(d) = o.departments.iter_mut().find(|d| d.id == id) {
                f(d)
            }
        })
    };
    let get =
        move |f: fn(&Department) -> String| move || draft.org.with(|o| o.department(id).map(f).unwrap_or_default());
    let in_charge = move || draft.org.with(|o| o.department(id).and_then(|d| d.in_charge));
    // The options follow the members kept by id: a keystroke in a member's name changes that
    // option's text only, instead of building every department's options again.
    let member_ids = Memo::new(move |_| draft.org.with(|o| o.members.iter().map(|m| m.id).collect::<Vec<_>>()));
    view! {
        <div class="row-card" data-testid="department-row">
            <label class="field" class:has-error=move || name_err.get().is_some()>
                <span class="field-label">{state.tr(Ui::Department)}</span>
                <input type="text" data-testid="department-name" prop:value=get(|d| d.name.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |d| d.name = v)) }/>
                {move || name_err.get().map(|e| view! { <span class="field-error" role="alert">{e}</span> })}
            </label>
            <label class="field">
                <span class="field-label">{state.tr(Ui::DepartmentHead)}</span>
                <input type="text" prop:value=get(|d| d.head.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |d| d.head = v)) }/>
            </label>
            <label class="field">
                <span class="field-label">{state.tr(Ui::InCharge)}</span>
                <select data-testid="department-in-charge" on:change=move |ev| {
                    let v = event_target_value(&ev).parse::<Id>().ok();
                    edit(Box::new(move |d| d.in_charge = v))
                }>
                    <option value="" selected=move || in_charge().is_none()>{state.tr(Ui::Nobody)}</option>
                    <For each=move || member_ids.get() key=|mid| *mid let:mid>
                        <option value=mid.to_string() selected=move || in_charge() == Some(mid)>
                            {move || draft.org.with(|o| o.member(mid).map(|m| m.display_name()).unwrap_or_default())}
                        </option>
                    </For>
                </select>
            </label>
            <button type="button" class="btn btn-quiet btn-danger" on:click=move |_| {
                if state.db.with_untracked(|db| department_in_use(db, id)) { blocked.set(true) } else { draft.edit_org(|o| o.departments.retain(|d| d.id != id)) }
            }>{state.tr(Ui::Remove)}</button>
            {move || blocked.get().then(|| view! { <p class="field-error" role="alert">{state.tr(Ui::DepartmentInUse)}</p> })}
        </div>
    }
}

/// Non-member attendees (列席).
#[component]
fn AttendeesSection(
    /// The draft being edited.
    draft: Draft,
) -> impl IntoView {
    let state = use_app();
    let add = move |_| {
        let id = draft.new_id();
        draft.edit_org(|o| o.attendees.push(NonMember { id, name: String::new(), position: String::new() }));
    };
    view! {
        <fieldset class="card">
            <legend>{state.tr(Ui::AttendeesSection)}" "<ArticleLink article=Article::clause(18, 4)/></legend>
            <For
                each=move || draft.org.with(|o| o.attendees.iter().map(|a| a.id).collect::<Vec<_>>())
                key=|id| *id
                children=move |id| {
                    let name_err = draft.error(Field::AttendeeName(id));
                    let blocked = RwSignal::new(false);
                    let edit = move |f: Box<dyn FnOnce(&mut NonMember)>| draft.edit_org(|o| if let Some(a) = o.attendees.iter_mut().find(|a| a.id == id) { f(a) });
                    let get = move |f: fn(&NonMember) -> String| move || draft.org.with(|o| o.attendee(id).map(f).unwrap_or_default());
                    view! {
                        <div class="row-card">
                            <label class="field" class:has-error=move || name_err.get().is_some()>
                                <span class="field-label">{state.tr(Ui::Name)}</span>
                                <input type="text" prop:value=get(|a| a.name.clone()) on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |a| a.name = v)) }/>
                                {move || name_err.get().map(|e| view! { <span class="field-error" role="alert">{e}</span> })}
                            </label>
                            <label class="field">
                                <span class="field-label">{state.tr(Ui::Position)}</span>
                                <input type="text" prop:value=get(|a| a.position.clone()) on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |a| a.position = v)) }/>
                            </label>
                            <button type="button" class="btn btn-quiet btn-danger" on:click=move |_| {
                                if state.db.with_untracked(|db| attendee_in_use(db, id)) { blocked.set(true) } else { draft.edit_org(|o| o.attendees.retain(|a| a.id != id)) }
                            }>{state.tr(Ui::Remove)}</button>
                            {move || blocked.get().then(|| view! { <p class="field-error" role="alert">{state.tr(Ui::AttendeeInUse)}</p> })}
                        </div>
                    }
                }
            />
            <button type="button" class="btn" on:click=add>{state.tr(Ui::AddAttendee)}</button>
        </fieldset>
    }
}

/// A labelled whole-number input bound to a rule parameter, with inline errors for text that is
/// not a number (the value then stays unchanged) and for out-of-range values after saving.
#[component]
fn NumberSetting(
    /// The draft being edited.
    draft: Draft,
    /// Label.
    label: Ui,
    /// Settings key used in validation messages.
    key: &'static str,
    /// Read the value.
    get: fn(&RuleSettings) -> u64,
    /// Write the value.
    set: fn(&mut RuleSettings, u64),
    /// Article the parameter comes from.
    article: Article,
) -> impl IntoView {
    let state = use_app();
    let range_err = draft.error(Field::Setting(key));
    let parse_err = RwSignal::new(false);
    view! {
        <label class="field" class:has-error=move || parse_err.get() || range_err.get().is_some()>
            <span class="field-label">{move || state.t(label)}" "<ArticleLink article=article/></span>
            <input
                type="text"
                inputmode="numeric"
                data-testid=format!("setting-{key}")
                prop:value=move || draft.rules.with(|r| get(r).to_string())
                on:change=move |ev| {
                    match event_target_value(&ev).trim().replace([',', '，'], "").parse::<u64>() {
                        Ok(v) => {
                            parse_err.set(false);
                            draft.edit_rules(|r| set(r, v));
                        }
                        Err(_) => parse_err.set(true),
                    }
                }
            />
            {move || parse_err.get().then(|| view! { <span class="field-error" role="alert">{state.tr(Ui::WholeNumberUnchanged)}</span> })}
            {move || range_err.get().map(|e| view! { <span class="field-error" role="alert">{e}</span> })}
        </label>
    }
}

/// 台账起始日期: nothing before it is required or flagged. Empty means the date of the first
/// record, which the hint shows.
#[component]
fn LedgerStartSetting(
    /// The draft being edited.
    draft: Draft,
) -> impl IntoView {
    let state = use_app();
    let first = Memo::new(move |_| state.db.with(crate::domain::rules::duty::first_record));
    view! {
        <label class="field">
            <span class="field-label">{state.tr(Ui::LedgerStart)}</span>
            <input type="date" data-testid="setting-ledger-start"
                prop:value=move || draft.rules.with(|r| r.duties.ledger_start.map(|d| d.to_string()).unwrap_or_default())
                on:change=move |ev| {
                    let v = parse_date(&event_target_value(&ev));
                    draft.edit_rules(|r| r.duties.ledger_start = v)
                }/>
            <span class="muted">{move || {
                let f = first.get().map(|d| format!("{}{}", state.colon(), state.lang.get().date(d))).unwrap_or_default();
                format!("{}{f}", state.t(Ui::LedgerStartHint))
            }}</span>
        </label>
    }
}

/// Rule parameters.
#[component]
fn RulesSection(
    /// The draft being edited.
    draft: Draft,
) -> impl IntoView {
    let state = use_app();
    let q = Article::clause(18, 4);
    let v = Article::clause(18, 5);
    let reading = move || draft.rules.with(|r| r.reading);
    view! {
        <fieldset class="card">
            <legend>{state.tr(Ui::RulesSection)}</legend>
            <div class="grid2">
                <NumberSetting draft=draft label=Ui::OpenQuorum key="open_quorum" article=q
                    get=|r| r.open_quorum.num as u64 set=|r, v| r.open_quorum.num = v.min(u32::MAX as u64) as u32/>
                <NumberSetting draft=draft label=Ui::Denominator key="open_quorum" article=q
                    get=|r| r.open_quorum.den as u64 set=|r, v| r.open_quorum.den = v.min(u32::MAX as u64) as u32/>
                <NumberSetting draft=draft label=Ui::SpecialQuorum key="special_quorum" article=q
                    get=|r| r.special_quorum.num as u64 set=|r, v| r.special_quorum.num = v.min(u32::MAX as u64) as u32/>
                <NumberSetting draft=draft label=Ui::Denominator key="special_quorum" article=q
                    get=|r| r.special_quorum.den as u64 set=|r, v| r.special_quorum.den = v.min(u32::MAX as u64) as u32/>
                <NumberSetting draft=draft label=Ui::PassThreshold key="pass_threshold" article=v
                    get=|r| r.pass_threshold.num as u64 set=|r, v| r.pass_threshold.num = v.min(u32::MAX as u64) as u32/>
                <NumberSetting draft=draft label=Ui::Denominator key="pass_threshold" article=v
                    get=|r| r.pass_threshold.den as u64 set=|r, v| r.pass_threshold.den = v.min(u32::MAX as u64) as u32/>
            </div>
            <div class="field" role="radiogroup" aria-label=state.tr(Ui::ReadingLabel)>
                <span class="field-label">{state.tr(Ui::ReadingLabel)}" "<ArticleLink article=q/></span>
                <label class="check">
                    <input type="radio" name="reading" data-testid="reading-strict" prop:checked=move || reading() == Reading::Strict
                        on:change=move |_| draft.edit_rules(|r| r.reading = Reading::Strict)/>
                    <span>{state.tr(Ui::ReadingStrict)}</span>
                </label>
                <label class="check">
                    <input type="radio" name="reading" data-testid="reading-inclusive" prop:checked=move || reading() == Reading::Inclusive
                        on:change=move |_| draft.edit_rules(|r| r.reading = Reading::Inclusive)/>
                    <span>{state.tr(Ui::ReadingInclusive)}</span>
                </label>
            </div>
            <label class="check">
                <input type="checkbox" prop:checked=move || draft.rules.with(|r| r.subtract_recused)
                    on:change=move |ev| { let c = event_target_checked(&ev); draft.edit_rules(|r| r.subtract_recused = c) }/>
                <span>{state.tr(Ui::SubtractRecused)}</span>
            </label>
            <label class="check">
                <input type="checkbox" prop:checked=move || draft.rules.with(|r| r.subtract_not_counted)
                    on:change=move |ev| { let c = event_target_checked(&ev); draft.edit_rules(|r| r.subtract_not_counted = c) }/>
                <span>{state.tr(Ui::SubtractNotCounted)}</span>
            </label>
            <NumberSetting draft=draft label=Ui::ExpenditureThreshold key="expenditure_threshold_yuan" article=Article::clause(6, 6)
                get=|r| r.expenditure_threshold_yuan set=|r, v| r.expenditure_threshold_yuan = v/>
            <h3>{state.tr(Ui::DutiesSection)}</h3>
            <LedgerStartSetting draft=draft/>
            <div class="grid2">
                <NumberSetting draft=draft label=Ui::MeetingEveryMonths key="meeting_every_months" article=Article::clause(18, 1)
                    get=|r| r.duties.meeting_every_months as u64 set=|r, v| r.duties.meeting_every_months = v.min(999) as u32/>
                <NumberSetting draft=draft label=Ui::StudyPerYear key="study_per_year" article=Article::clause(22, 1)
                    get=|r| r.duties.study_per_year as u64 set=|r, v| r.duties.study_per_year = v.min(999) as u32/>
                <NumberSetting draft=draft label=Ui::SeminarEveryMonths key="seminar_every_months" article=Article::clause(22, 1)
                    get=|r| r.duties.seminar_every_months as u64 set=|r, v| r.duties.seminar_every_months = v.min(999) as u32/>
                <NumberSetting draft=draft label=Ui::ReportsPerYear key="reports_per_year" article=Article::new(12)
                    get=|r| r.duties.reports_per_year as u64 set=|r, v| r.duties.reports_per_year = v.min(999) as u32/>
                <NumberSetting draft=draft label=Ui::DemocraticLifePerYear key="democratic_life_per_year" article=Article::clause(23, 1)
                    get=|r| r.duties.democratic_life_per_year as u64 set=|r, v| r.duties.democratic_life_per_year = v.min(999) as u32/>
                <NumberSetting draft=draft label=Ui::DemocraticLifeReportDays key="democratic_life_report_days" article=Article::clause(23, 4)
                    get=|r| r.duties.democratic_life_report_days as u64 set=|r, v| r.duties.democratic_life_report_days = v.min(999) as u32/>
                <NumberSetting draft=draft label=Ui::BranchReportsPerYear key="branch_reports_per_year" article=Article::new(24)
                    get=|r| r.duties.branch_reports_per_year as u64 set=|r, v| r.duties.branch_reports_per_year = v.min(999) as u32/>
                <NumberSetting draft=draft label=Ui::VillageDaysPerYear key="village_days_per_year" article=Article::new(26)
                    get=|r| r.duties.village_days_per_year as u64 set=|r, v| r.duties.village_days_per_year = v.min(999) as u32/>
                <NumberSetting draft=draft label=Ui::IntegrityMeetingsPerHalfYear key="integrity_meetings_per_half_year" article=Article::new(27)
                    get=|r| r.duties.integrity_meetings_per_half_year as u64 set=|r, v| r.duties.integrity_meetings_per_half_year = v.min(999) as u32/>
                <NumberSetting draft=draft label=Ui::IdeologyMeetingsPerYear key="ideology_meetings_per_year" article=Article::new(28)
                    get=|r| r.duties.ideology_meetings_per_year as u64 set=|r, v| r.duties.ideology_meetings_per_year = v.min(999) as u32/>
                <NumberSetting draft=draft label=Ui::IdeologyBriefingsPerYear key="ideology_briefings_per_year" article=Article::new(28)
                    get=|r| r.duties.ideology_briefings_per_year as u64 set=|r, v| r.duties.ideology_briefings_per_year = v.min(999) as u32/>
            </div>
            <button type="button" class="btn btn-quiet" on:click=move |_| draft.edit_rules(|r| *r = RuleSettings::default())>
                {state.tr(Ui::ResetDefaults)}
            </button>
        </fieldset>
    }
}
