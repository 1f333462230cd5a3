"""A record as Markdown: plain CommonMark that reads the same on GitHub, GitLab, editors, pandoc."""

from __future__ import annotations

from supervise.records.model import (
    CONFIDENTIAL,
    ItemRecord,
    Record,
    facts,
    item_state,
    sign_off,
)
from supervise.records.text import md_block, md_inline


def render_markdown(record: Record) -> str:
    """The whole record as one Markdown document; every user's word escaped."""
    out: list[str] = [f"# {md_inline(record.title)}", "", f"*{CONFIDENTIAL}*", ""]
    out += _header(record)
    if record.agenda.strip() or record.opening:
        out += ["## Opening", ""]
        if record.agenda.strip():
            out += ["**Agenda**", "", *md_block(record.agenda), ""]
        for heading, text in record.opening:
            out += [f"**{md_inline(heading)}**", "", *md_block(text), ""]
    out += ["## Items", ""]
    for item in record.items:
        out += _item(item, record.supervision)
    out += _closing(record)
    return "\n".join(out).rstrip("\n") + "\n"


def _header(record: Record) -> list[str]:
    return [*(f"- **{label}:** {md_inline(value)}" for label, value in facts(record)), ""]


def _item(item: ItemRecord, supervision: bool) -> list[str]:
    title = md_inline(item.ref)
    state = item_state(item)
    out = [f"### {title} ({state})" if state else f"### {title}", ""]
    if item.statement:
        out += [f"**{md_inline(item.statement)}**", ""]
    out += [f"*{md_inline(item.where)}*", ""]
    if item.points:
        out += ["Points that apply:", "", *(f"- {md_inline(point)}" for point in item.points), ""]
    if item.confidence is not None:
        out += [f"Confidence: {md_inline(item.confidence_words)}", ""]
    if item.bring_to_supervision:
        out += ["Flagged: bring this to supervision.", ""]
    unanswered: list[str] = []
    for prompt in item.prompts if item.answered else ():
        if prompt.empty:
            unanswered.append(md_inline(prompt.title))
            continue
        out += [f"#### {md_inline(prompt.title)}", ""]
        if prompt.question:
            out += [f"*{md_inline(prompt.question)}*", ""]
        if prompt.practitioner.strip():
            out += ["Practitioner:", "", *md_block(prompt.practitioner), ""]
        if supervision and prompt.supervisor.strip():
            if prompt.cue:
                out += [f"*{md_inline(prompt.cue)}*", ""]
            out += ["Supervisor:", "", *md_block(prompt.supervisor), ""]
    if unanswered and item.answered:
        out += [f"Not answered: {'; '.join(unanswered)}", ""]
    return out


def _closing(record: Record) -> list[str]:
    out = ["## Closing", ""]
    out += ["**Summary**", "", *(md_block(record.summary) if record.summary.strip() else ["—"]), ""]
    out += ["**Agreed actions**", ""]
    if record.actions:
        for number, action in enumerate(record.actions, start=1):
            who = md_inline(action.who) or "—"
            by_when = md_inline(action.by_when) or "—"
            out.append(f"{number}. {md_inline(action.what)} (who: {who}; by: {by_when})")
        out.append("")
    else:
        out += ["None recorded.", ""]
    out += [f"**Next session:** {md_inline(record.next_date) or 'not set'}", ""]
    out += ["## Sign-off", ""]
    out += [f"- {title}: {md_inline(status)}" for title, status in sign_off(record)]
    return [*out, ""]
