"""The record on file: a session read back as one model, rendered as Markdown, HTML or a bundle.

Pure: reads sessions through the store, statements through the content and prompts through the
prompts layer; never imports Textual. ``supervise export`` / ``import`` and the app's Export and
Import actions are built on it.
"""
