"""A record as one self-contained HTML page: no external assets, printable on A4."""

from __future__ import annotations

from supervise.records.model import (
    CONFIDENTIAL,
    ItemRecord,
    Record,
    facts,
    item_state,
    sign_off,
)
from supervise.records.text import html_text as t

STYLE = """
:root { color-scheme: light; }
body { font: 11pt/1.45 "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: #111;
  max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; border-bottom: 1px solid #999; margin: 1.6rem 0 .6rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
h4 { font-size: .95rem; margin: .8rem 0 .2rem; }
.confidential { border: 1px solid #555; padding: .35rem .6rem; font-size: .9rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.statement { font-weight: 600; }
.where, .question, .cue, .note { color: #444; font-style: italic; margin: .2rem 0; }
.words { white-space: pre-wrap; overflow-wrap: anywhere; border-left: 3px solid #888;
  padding: .1rem 0 .1rem .6rem; margin: .2rem 0 .5rem; }
.who { font-weight: 600; font-size: .9rem; margin: .3rem 0 0; }
.item { break-inside: auto; border-top: 1px solid #ccc; padding-top: .2rem; }
.item h3 .state { font-weight: normal; font-size: .9rem; }
details.empty summary { color: #555; cursor: pointer; }
details.empty summary::marker { content: "– "; }
table.actions { border-collapse: collapse; width: 100%; }
table.actions th, table.actions td { border: 1px solid #999; padding: .25rem .4rem;
  text-align: left; vertical-align: top; white-space: pre-wrap; overflow-wrap: anywhere; }
.words, .statement, td, dd { unicode-bidi: plaintext; }
@page { size: A4; margin: 18mm 16mm 20mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2, h3, h4, .who { break-after: avoid; page-break-after: avoid; }
  .words, tr, .facts { break-inside: avoid; page-break-inside: avoid; }
  details.empty { display: none; }
  a { color: inherit; text-decoration: none; }
}
""".strip()


def render_html(record: Record) -> str:
    """The whole record as one HTML document; every user's word escaped."""
    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="robots" content="noindex">',
        f"<title>{t(record.title)}</title>",
        f"<style>\n{STYLE}\n</style>",
        "</head>",
        "<body>",
        f"<h1>{t(record.title)}</h1>",
        f'<p class="confidential" role="note">{t(CONFIDENTIAL)}</p>',
    ]
    out += _header(record)
    if record.agenda.strip() or record.opening:
        out.append('<section id="opening"><h2>Opening</h2>')
        if record.agenda.strip():
            out += _words("Agenda", record.agenda)
        for heading, text in record.opening:
            out += _words(heading, text)
        out.append("</section>")
    out.append('<section id="items"><h2>Items</h2>')
    for item in record.items:
        out += _item(item, record.supervision)
    out.append("</section>")
    out += _closing(record)
    out += [f'<footer><p class="confidential">{t(CONFIDENTIAL)}</p></footer>', "</body>", "</html>"]
    return "\n".join(out) + "\n"


def _words(who: str, text: str) -> list[str]:
    return [f'<p class="who">{t(who)}</p>', f'<div class="words">{t(text.strip())}</div>']


def _header(record: Record) -> list[str]:
    cells = "".join(f"<dt>{t(label)}</dt><dd>{t(value)}</dd>" for label, value in facts(record))
    return [f'<dl class="facts">{cells}</dl>']


def _item(item: ItemRecord, supervision: bool) -> list[str]:
    state = item_state(item)
    shown = f' <span class="state">({state})</span>' if state else ""
    out = [f'<article class="item"><h3>{t(item.ref)}{shown}</h3>']
    if item.statement:
        out.append(f'<p class="statement">{t(item.statement)}</p>')
    out.append(f'<p class="where">{t(item.where)}</p>')
    if item.points:
        points = "".join(f"<li>{t(point)}</li>" for point in item.points)
        out.append(f'<p class="who">Points that apply</p><ul class="points">{points}</ul>')
    if item.confidence is not None:
        out.append(f"<p>Confidence: {t(item.confidence_words)}</p>")
    if item.bring_to_supervision:
        out.append('<p class="note">Flagged: bring this to supervision.</p>')
    # An item nobody wrote in shows no prompts: its state says it all.
    for prompt in item.prompts if item.answered else ():
        question = f'<p class="question">{t(prompt.question)}</p>' if prompt.question else ""
        if prompt.empty:
            # Collapsed: one line on screen, nothing on paper.
            out.append(
                f'<details class="empty"><summary>{t(prompt.title)}: not answered</summary>'
                f"{question}</details>"
            )
            continue
        out.append(f"<h4>{t(prompt.title)}</h4>{question}")
        if prompt.practitioner.strip():
            out += _words("Practitioner", prompt.practitioner)
        if supervision and prompt.supervisor.strip():
            if prompt.cue:
                out.append(f'<p class="cue">{t(prompt.cue)}</p>')
            out += _words("Supervisor", prompt.supervisor)
    out.append("</article>")
    return out


def _closing(record: Record) -> list[str]:
    out = ['<section id="closing"><h2>Closing</h2>']
    out += _words("Summary", record.summary) if record.summary.strip() else []
    if record.actions:
        rows = "".join(
            f"<tr><td>{t(a.what)}</td><td>{t(a.who) or '—'}</td><td>{t(a.by_when) or '—'}</td></tr>"
            for a in record.actions
        )
        out.append(
            '<table class="actions"><caption>Agreed actions</caption>'
            "<thead><tr><th>What</th><th>Who</th><th>By when</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )
    else:
        out.append("<p>Agreed actions: none recorded.</p>")
    out.append(f"<p>Next session: {t(record.next_date) or 'not set'}</p></section>")
    out.append('<section id="sign-off"><h2>Sign-off</h2><ul>')
    out += [f"<li>{t(title)}: {t(status)}</li>" for title, status in sign_off(record)]
    out.append("</ul></section>")
    return out
