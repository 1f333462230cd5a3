"""Exporting the 300-answer session to HTML, against markdown-it-py rendering the same record."""

from __future__ import annotations

from bench_data import Workspace
from bench_plan import Plan
from bench_process import alternate
from bench_save import seconds
from bench_stats import Round, ratio_round, timed
from markdown_it import MarkdownIt

from supervise.records.build import read_record
from supervise.records.export import Format, export_session
from supervise.records.markdown import render_markdown

EXPORT_RATIO = 1.5
"""How much longer than markdown-it-py alone the whole export may take."""


def export_figure(workspace: Workspace, plan: Plan) -> list[Round]:
    """``export_session`` to HTML from the session file, against markdown-it-py's render of
    the same record as Markdown (made untimed), both in this process with the content loaded."""
    path = workspace.big.path
    library = workspace.library
    markdown = render_markdown(read_record(path, library))
    parser = MarkdownIt("commonmark")
    pages: list[int] = []

    def ours() -> float:
        took = seconds(lambda: pages.append(len(export_session(path, Format.HTML, library))))
        return took

    def baseline() -> float:
        return seconds(lambda: parser.render(markdown))

    mine, theirs = alternate(plan.saves, [ours, baseline], warm_up=plan.warm_up)
    size = f"{len(markdown.encode('utf-8')) / 1024:.0f} KiB of Markdown"
    return [
        ratio_round(
            "export 300-answer session to HTML",
            timed(
                "supervise.records.export_session(path, HTML): the session file read without its "
                "lock, every item's prompts made, the record built and rendered as one "
                f"self-contained HTML page ({pages[-1] // 1024} KiB)",
                f"markdown-it-py (CommonMark) rendering the same record as Markdown ({size}) to "
                "HTML, the parser made once beforehand",
            ),
            mine,
            theirs,
            limit=EXPORT_RATIO,
        )
    ]
