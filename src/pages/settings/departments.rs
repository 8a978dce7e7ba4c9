//! 科室: each department, its head and the member in charge, and a form that adds one.

use crate::records::Reads;
use leptos::prelude::*;

use super::editor::{slot, Editor};
use super::input::{Messages, RemoveButton, SettingInput};
use crate::components::article_link::ArticleLink;
use crate::domain::article::Article;
use crate::domain::db::Db;
use crate::domain::org::Department;
use crate::domain::Id;
use crate::i18n::Ui;

fn with_department(db: &mut Db, id: Id, f: impl FnOnce(&mut Department)) {
    if let Some(d) = db.org.departments.iter_mut().find(|d| d.id == id) {
        f(d)
    }
}

/// The departments, and a form that adds one by name.
#[component]
pub(super) fn DepartmentsSection(
    /// The screen's editor.
    ed: Editor,
) -> impl IntoView {
    let state = ed.state;
    let ids = Memo::new(move |_| {
        state.db.reading(&[Reads::Org], |db| db.org.departments.iter().map(|d| d.id).collect::<Vec<_>>())
    });
    let name = RwSignal::new(String::new());
    let at = slot("new-department");
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_string();
        let added = ed.change(at, move |db| {
            let id = super::take_id(db);
            db.org.departments.push(Department { id, name: n.clone(), head: String::new(), in_charge: None });
        });
        if added {
            name.set(String::new());
        }
    };
    view! {
        <fieldset class="card">
            <legend>{move || state.t(Ui::DepartmentsSection)}" "<ArticleLink article=Article::clause(18, 3)/></legend>
            <For each=move || ids.get() key=|id| *id children=move |id| view! { <DepartmentRow ed=ed id=id/> }/>
            <form class="row-card add-form" on:submit=add>
                <label class="field">
                    <span class="field-label">{move || state.t(Ui::NewDepartmentName)}</span>
                    <input type="text" data-testid="new-department-name" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                </label>
                <button type="submit" class="btn" data-testid="add-department">{move || state.t(Ui::AddDepartment)}</button>
                <div class="row-note"><Messages ed=ed at=at/></div>
            </form>
        </fieldset>
    }
}

/// One department: name, head, the member in charge, removal (not while records name it).
#[component]
fn DepartmentRow(
    /// The screen's editor.
    ed: Editor,
    /// The department's id.
    id: Id,
) -> impl IntoView {
    let state = ed.state;
    let text = move |f: fn(&Department) -> String| -> Signal<String> {
        Memo::new(move |_| state.db.reading(&[Reads::Org], |db| db.org.department(id).map(f).unwrap_or_default()))
            .into()
    };
    let set = move |at: &'static str, f: fn(&mut Department, String)| {
        Callback::new(move |v: String| {
            ed.change((at, id, 0), move |db| with_department(db, id, |d| f(d, v.clone())));
        })
    };
    let in_charge =
        Memo::new(move |_| state.db.reading(&[Reads::Org], |db| db.org.department(id).and_then(|d| d.in_charge)));
    // The options follow the members kept by id: a member renamed changes that option's text
    // only, instead of building every department's options again.
    let member_ids = Memo::new(move |_| {
        state.db.reading(&[Reads::Org], |db| db.org.members.iter().map(|m| m.id).collect::<Vec<_>>())
    });
    let name = text(|d| d.name.clone());
    let pick = move |ev: web_sys::Event| {
        let v = event_target_value(&ev).parse::<Id>().ok();
        ed.change(("department-in-charge", id, 0), move |db| with_department(db, id, |d| d.in_charge = v));
    };
    view! {
        <div class="row-card" data-testid="department-row">
            <SettingInput ed=ed label=move || state.t(Ui::Department) value=name at=("department-name", id, 0)
                commit=set("department-name", |d, v| d.name = v) testid="department-name".to_string()/>
            <SettingInput ed=ed label=move || state.t(Ui::DepartmentHead) value=text(|d| d.head.clone()) at=("department-head", id, 0)
                commit=set("department-head", |d, v| d.head = v)/>
            <label class="field">
                <span class="field-label">{move || state.t(Ui::InCharge)}</span>
                <select data-testid="department-in-charge" on:change=pick>
                    <option value="" selected=move || in_charge.get().is_none()>{move || state.t(Ui::Nobody)}</option>
                    <For each=move || member_ids.get() key=|mid| *mid let:mid>
                        <option value=mid.to_string() selected=move || in_charge.get() == Some(mid)>
                            {move || state.db.reading(&[Reads::Org], |db| db.org.member(mid).map(|m| m.display_name()).unwrap_or_default())}
                        </option>
                    </For>
                </select>
                <Messages ed=ed at=("department-in-charge", id, 0)/>
            </label>
            <RemoveButton label=Signal::derive(move || state.t(Ui::Remove).to_string())
                question=Signal::derive(move || format!("{}{}", state.t(Ui::RemoveDepartmentAsk), name.get()))
                blocked=Callback::new(move |()| state.db.with_untracked(|db| super::in_use(db, crate::backup::refs::Kind::Department, id)).then_some(Ui::DepartmentInUse))
                on_remove=Callback::new(move |()| { ed.change(("department-name", id, 0), move |db| db.org.departments.retain(|d| d.id != id)); })
                testid="remove-department"/>
        </div>
    }
}
