//! 督办通知单 and 催办单 of a follow-up task (第十八条（七）): what, from which decision, who, by
//! when, and for the 催办单 how late it is and the latest report; a receipt to sign.

use leptos::prelude::*;

use crate::app::use_app;
use crate::domain::article::cite;
use crate::domain::official::{task_sheet, unit_party_group};
use crate::domain::summary::date_zh;
use crate::domain::Id;

/// The sheet of a task.
#[component]
pub fn TaskSheetDoc(
    /// The task.
    id: Id,
    /// 催办单 (a reminder) rather than the 督办通知单.
    reminder: bool,
) -> impl IntoView {
    let state = use_app();
    move || {
        let today = state.today.get();
        state.db.with(|db| {
            let t = db.task(id)?;
            let s = task_sheet(db, t, today);
            let dash = |v: String| if v.is_empty() { "—".to_string() } else { v };
            let mut rows = vec![
                ("督办事项", s.title.clone()),
                ("决策来源", dash(s.source.clone())),
                ("责任党组成员", dash(s.member.clone())),
                ("责任科室", dash(s.department.clone())),
                ("交办日期", s.created.clone()),
                ("办结时限", s.deadline.clone()),
            ];
            let ask = if reminder {
                rows.push(("办理状态", s.status.to_string()));
                rows.push(("逾期天数", if s.overdue_days > 0 { format!("{}天", s.overdue_days) } else { "—".into() }));
                rows.push(("最近反馈", dash(s.latest.clone())));
                format!("请于收到本单后三个工作日内书面反馈办理进展；确有困难不能按期办结的，说明原因并提出办结时限（{}）。", cite::FOLLOW_UP.zh())
            } else {
                format!("请按时限抓好落实，每月反馈办理进展，办结后报送办结情况（{}）。", cite::FOLLOW_UP.zh())
            };
            let title = if reminder { "催办单" } else { "督办通知单" };
            Some(view! {
                <article class="doc doc-a4 doc-task" lang="zh-CN" data-testid="doc-task">
                    <h1 class="doc-title">{format!("{}{title}", unit_party_group(&db.org))}</h1>
                    <p class="doc-meta"><span>{format!("督办编号：{}-{id}", today.format("%Y"))}</span><span>{date_zh(today)}</span></p>
                    <table class="doc-table task-table">
                        <tbody>
                            {rows.into_iter().map(|(k, v)| view! { <tr><th scope="row">{k}</th><td>{v}</td></tr> }).collect_view()}
                            <tr><th scope="row">"办理要求"</th><td>{ask}</td></tr>
                            <tr><th scope="row">"签收"</th><td class="task-receipt">"签收人：　　　　　　　签收日期：　　年　　月　　日"</td></tr>
                        </tbody>
                    </table>
                </article>
            })
        })
    }
}
