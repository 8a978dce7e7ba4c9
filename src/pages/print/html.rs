//! The office forms as HTML text, from `domain::official`: plain functions of the records (no
//! reactive view code: these screens are opened rarely and each is one block of markup, so they
//! cost the main wasm a few string templates rather than a tree of view types). Every record
//! text passes through [`esc`].

use chrono::{Datelike, NaiveDate};

use crate::domain::article::cite;
use crate::domain::db::Db;
use crate::domain::meeting::Meeting;
use crate::domain::official::*;
use crate::domain::summary::date_zh;
use crate::domain::task::FollowUpTask;
use crate::domain::Id;

/// Blank rows at the end of a 签到表, for those who come without being listed.
const SPARE_ROWS: usize = 3;

/// `s` as HTML text: the same escaping as the charts' SVG text.
pub use crate::components::chart_svg::esc;

fn p(class: &str, text: &str) -> String {
    format!(r#"<p class="{class}">{}</p>"#, esc(text))
}

fn h2(text: &str) -> String {
    format!(r#"<h2 class="doc-h">{}</h2>"#, esc(text))
}

/// A table of (heading, value) rows.
fn fact_rows(rows: &[(&str, String)]) -> String {
    rows.iter().map(|(k, v)| format!(r#"<tr><th scope="row">{}</th><td>{}</td></tr>"#, esc(k), esc(v))).collect()
}

/// The 会议通知 issued on `issued`: time, place, the agenda, who attends, and what to bring.
pub fn notice(db: &Db, m: &Meeting, issued: NaiveDate) -> String {
    let name = meeting_name(m);
    let when = date_time_zh(m);
    let place = if m.place.trim().is_empty() { "（待定）".to_string() } else { m.place.trim().to_string() };
    let who: String = attendance(&db.org, m)
        .into_iter()
        .filter_map(|(g, v)| match g {
            "出席" => Some(p("doc-para", &format!("党组成员：{v}"))),
            "列席" => Some(p("doc-para", &format!("列席人员：{v}"))),
            _ => None,
        })
        .collect();
    let agenda: String = agenda_lines(db, m)
        .iter()
        .map(|l| format!(r#"<p class="doc-para" data-testid="notice-agenda">{}</p>"#, esc(l)))
        .collect();
    [
        format!(r#"<h1 class="doc-title">{}</h1>"#, esc(&format!("关于召开{name}的通知"))),
        p("doc-to", "各位党组成员、有关同志："),
        p("doc-para", &format!("经党组书记同意，定于{when}在{place}召开{name}。现将有关事项通知如下：")),
        h2("一、会议时间"),
        p("doc-para", &when),
        h2("二、会议地点"),
        p("doc-para", &place),
        h2("三、会议议程"),
        agenda,
        h2("四、参会人员"),
        who,
        h2("五、有关要求"),
        p(
            "doc-para",
            &format!(
                "请参会人员提前阅读会议材料，准时参会。因故不能参会的，请于会前向党组书记请假（{}）。",
                cite::QUORUM.zh()
            ),
        ),
        format!(
            r#"<div class="doc-signature"><p>{}</p><p>{}</p></div>"#,
            esc(&unit_party_group(&db.org)),
            date_zh(issued)
        ),
    ]
    .concat()
}

/// The 签到表: number, name, position and a column to sign in.
pub fn sign_in(db: &Db, m: &Meeting) -> String {
    let rows = sign_in_rows(&db.org, m);
    let n = rows.len();
    let listed: String = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            format!(
                r#"<tr data-testid="sign-in-row"><td>{}</td><td>{}</td><td>{}</td><td></td></tr>"#,
                i + 1,
                esc(&r.name),
                esc(&r.position)
            )
        })
        .collect();
    let spare: String =
        (n + 1..=n + SPARE_ROWS).map(|i| format!("<tr><td>{i}</td><td></td><td></td><td></td></tr>")).collect();
    format!(
        r#"<h1 class="doc-title">{}</h1><p class="doc-meta"><span>{}</span><span>{}</span></p><table class="doc-table sign-in-table"><thead><tr><th class="col-no">序号</th><th class="col-name">姓名</th><th>职务</th><th class="col-sign">签名</th></tr></thead><tbody>{listed}{spare}</tbody></table>"#,
        esc(&format!("{}签到表", meeting_name(m))),
        esc(&format!("时间：{}", date_time_zh(m))),
        esc(&format!("地点：{}", m.place.trim())),
    )
}

/// The paper ballots of a meeting: for each personnel item, one per voter, with the voter's
/// name and a signature line when `named`. A secret ballot carries no name, number or page
/// number: nothing on it may tell whose it is (第十八条（五）). Empty when there is no
/// personnel item.
pub fn ballots(db: &Db, m: &Meeting, named: bool) -> String {
    let unit = esc(&unit_party_group(&db.org));
    let kind = esc(&format!("{}表决票（{}）", meeting_name(m), if named { "记名" } else { "无记名" }));
    let names = voters(&db.org, m);
    let mut out = String::new();
    for (_, item) in ballot_items(db, m) {
        for name in &names {
            let voter = if named {
                format!(r#"<p class="ballot-voter">表决人：{}<span class="sign-line">签名：</span></p>"#, esc(name))
            } else {
                String::new()
            };
            out.push_str(&format!(
                r#"<section class="ballot" data-testid="ballot"><h1 class="ballot-title">{unit}<br>{kind}</h1><p class="ballot-item">表决事项：{}</p><table class="doc-table ballot-choices"><thead><tr><th>同意</th><th>不同意</th><th>弃权</th></tr></thead><tbody><tr><td></td><td></td><td></td></tr></tbody></table><p class="ballot-note">说明：请在选定栏内划“○”，只能选一项；多选、不选或另写他人的为无效票。</p>{voter}</section>"#,
                esc(&item)
            ));
        }
    }
    out
}

/// The 计票单: each item's counts (from the record, or blank to write in) and the signatures of
/// the counter, the scrutineer and the chair.
pub fn tally(db: &Db, m: &Meeting) -> String {
    let rows: String = tally_rows(db, m)
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let counts: String = (0..6)
                .map(|k| format!("<td>{}</td>", r.counts.map(|c| c[k].to_string()).unwrap_or_default()))
                .collect();
            format!(
                r#"<tr data-testid="tally-row"><td>{}</td><td class="tally-title">{}</td><td>{}</td>{counts}<td>{}</td></tr>"#,
                i + 1,
                esc(&r.title),
                esc(&r.method),
                esc(&r.result)
            )
        })
        .collect();
    format!(
        r#"<h1 class="doc-title">{}</h1><p class="doc-meta"><span>{}</span></p><table class="doc-table tally-table"><thead><tr><th>序号</th><th>议题</th><th>表决方式</th><th>应到</th><th>实到</th><th>同意</th><th>不同意</th><th>弃权</th><th>无效</th><th>结果</th></tr></thead><tbody>{rows}</tbody></table><p class="doc-signs"><span>计票人：</span><span>监票人：</span><span>主持人：</span></p>"#,
        esc(&format!("{}计票单", meeting_name(m))),
        esc(&format!("时间：{}", date_time_zh(m))),
    )
}

/// The 会议记录 as a page of the 记录本 (minutes book): the meeting's particulars, each item's
/// remarks, vote and decision, and the signature lines of the chair and the recorder.
pub fn record(db: &Db, m: &Meeting) -> String {
    let chair = crate::domain::rules::chair_of(m).map(|c| db.org.member_name(c)).unwrap_or_default();
    let mut facts = vec![
        ("会议名称", meeting_name(m)),
        ("时间", date_time_zh(m)),
        ("地点", m.place.trim().to_string()),
        ("主持人", chair),
        ("记录人", m.recorder.trim().to_string()),
    ];
    facts.extend(attendance(&db.org, m));
    let items: String = record_items(db, m)
        .iter()
        .map(|it| {
            let remarks: String = it.remarks.iter().map(|r| p("record-line", r)).collect();
            format!(
                r#"<section class="record-item">{}{remarks}{}{}</section>"#,
                h2(&it.heading),
                p("record-line", &format!("表决情况：{}", it.vote)),
                p("record-line", &format!("会议决定：{}", it.decision)),
            )
        })
        .collect();
    format!(
        r#"<h1 class="doc-title">党组会议记录</h1><table class="doc-table record-facts"><tbody>{}</tbody></table>{items}<p class="doc-signs" data-testid="record-signs"><span>主持人（签字）：</span><span>记录人（签字）：</span></p>"#,
        fact_rows(&facts)
    )
}

/// The 督办通知单, or with `reminder` the 催办单 (how late it is and the latest report), of task
/// `t` on `today`, with a receipt to sign (第十八条（七）).
pub fn task_sheet_html(db: &Db, t: &FollowUpTask, id: Id, today: NaiveDate, reminder: bool) -> String {
    let s = task_sheet(db, t, today);
    let dash = |v: &str| if v.is_empty() { "—".to_string() } else { v.to_string() };
    let mut rows = vec![
        ("督办事项", s.title.clone()),
        ("决策来源", dash(&s.source)),
        ("责任党组成员", dash(&s.member)),
        ("责任科室", dash(&s.department)),
        ("交办日期", s.created.clone()),
        ("办结时限", s.deadline.clone()),
    ];
    let ask = if reminder {
        rows.push(("办理状态", s.status.to_string()));
        rows.push(("逾期天数", if s.overdue_days > 0 { format!("{}天", s.overdue_days) } else { "—".into() }));
        rows.push(("最近反馈", dash(&s.latest)));
        format!(
            "请于收到本单后三个工作日内书面反馈办理进展；确有困难不能按期办结的，说明原因并提出办结时限（{}）。",
            cite::FOLLOW_UP.zh()
        )
    } else {
        format!("请按时限抓好落实，每月反馈办理进展，办结后报送办结情况（{}）。", cite::FOLLOW_UP.zh())
    };
    rows.push(("办理要求", ask));
    let title = if reminder { "催办单" } else { "督办通知单" };
    format!(
        r#"<h1 class="doc-title">{}</h1><p class="doc-meta"><span>督办编号：{:04}-{id}</span><span>{}</span></p><table class="doc-table task-table"><tbody>{}<tr><th scope="row">签收</th><td>签收人：　　　　　　　签收日期：　　年　　月　　日</td></tr></tbody></table>"#,
        esc(&format!("{}{title}", unit_party_group(&db.org))),
        today.year(),
        date_zh(today),
        fact_rows(&rows),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::example::example_db;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, 15).unwrap()
    }

    #[test]
    fn record_text_is_escaped() {
        assert_eq!(esc(r#"<b>"A&B"</b> 'x'"#), "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt; &#39;x&#39;");
        let mut db = example_db(today());
        let mut m = db.meetings[0].as_ref().clone();
        m.place = "<script>alert(1)</script>".into();
        m.title = "<i>会</i>".into();
        db.org.unit_name = "某局<i>".into();
        let task = db.tasks[0].as_ref().clone();
        for html in [
            notice(&db, &m, today()),
            sign_in(&db, &m),
            tally(&db, &m),
            record(&db, &m),
            task_sheet_html(&db, &task, task.id, today(), true),
        ] {
            assert!(!html.contains("<script>") && !html.contains("<i>"), "{html}");
            assert!(html.contains("&lt;i&gt;"), "{html}");
        }
    }

    #[test]
    fn secret_ballots_name_nobody_and_named_ones_name_each_voter_once() {
        let db = example_db(today());
        let m = db
            .meetings
            .iter()
            .find(|m| !ballot_items(&db, m).is_empty())
            .expect("the example has a personnel item on a meeting");
        let names = voters(&db.org, m);
        let named = ballots(&db, m, true);
        let secret = ballots(&db, m, false);
        assert_eq!(named.matches(r#"class="ballot""#).count(), names.len());
        assert_eq!(secret.matches(r#"class="ballot""#).count(), names.len());
        for n in &names {
            assert_eq!(named.matches(&format!("表决人：{}", esc(n))).count(), 1, "{n}");
            assert!(!secret.contains(n.as_str()), "{n} on a secret ballot");
        }
        assert!(!secret.contains("表决人"));
        let none = db.meetings.iter().find(|m| ballot_items(&db, m).is_empty()).unwrap();
        assert_eq!(ballots(&db, none, false), "");
    }
}
