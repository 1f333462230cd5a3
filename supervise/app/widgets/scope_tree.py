"""A tree of every loaded framework, section and item, for choosing what a session covers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

if TYPE_CHECKING:
    from supervise.content import Library


TICKED, PARTLY, UNTICKED = "☑", "◐", "☐"


class ScopeTree(Tree[str]):
    """Frameworks › sections › items with tick boxes; enter or a click ticks, space folds."""

    BINDINGS = [Binding("enter", "select_cursor", "Tick / untick", show=True)]

    class Changed(Message):
        """The set of ticked items changed."""

        def __init__(self, tree: ScopeTree) -> None:
            super().__init__()
            self.tree = tree
            """The tree that changed."""

    def __init__(self, library: Library, *, id: str | None = None) -> None:
        super().__init__("Everything", id=id)
        self.library = library
        """The loaded content the tree shows."""
        self.show_root = False
        self.auto_expand = False
        self.ticked: list[str] = []
        """Ticked item references, in document order."""
        self._filter = ""

    def on_mount(self) -> None:
        """Build the tree."""
        self._rebuild()

    def set_filter(self, text: str) -> None:
        """Show only items (and their parents) whose words contain every word of ``text``."""
        self._filter = text.strip().lower()
        self._rebuild()

    def tick(self, refs: Iterable[str]) -> None:
        """Tick the items under each of ``refs`` (framework, section or item references)."""
        self._set(set(self.ticked) | set(self.library.expand(refs)))

    def _rebuild(self) -> None:
        self.clear()
        words = self._filter.split()
        for framework in self.library.frameworks.values():
            framework_node = self.root.add("", data=framework.id, expand=True)
            for section in framework.sections:
                section_node = framework_node.add("", data=section.ref, expand=bool(words))
                for item in section.items:
                    # Titles count too, so "threats" finds the whole threats group.
                    haystack = f"{framework.title} {section.title} {item.ref} {item.text}".lower()
                    if all(word in haystack for word in words):
                        section_node.add_leaf("", data=item.ref)
                if words and not section_node.children:
                    section_node.remove()
            if words and not framework_node.children:
                framework_node.remove()
        self._relabel()
        # Clearing the tree leaves no cursor, and Enter would then tick nothing.
        self.cursor_line = 0

    def _items_under(self, node: TreeNode[str]) -> list[str]:
        if not node.children:
            return [node.data] if node.data and self.library.has_item(node.data) else []
        return [ref for child in node.children for ref in self._items_under(child)]

    def _relabel(self) -> None:
        ticked = set(self.ticked)
        stack = list(self.root.children)
        while stack:
            node = stack.pop()
            stack.extend(node.children)
            refs = self._items_under(node)
            count = sum(ref in ticked for ref in refs)
            box = TICKED if refs and count == len(refs) else PARTLY if count else UNTICKED
            # Text, not str: content titles are words, and a str label is read as markup.
            node.set_label(Text(f"{box} {self._title(node)}"))

    def _title(self, node: TreeNode[str]) -> str:
        ref = node.data or ""
        if self.library.has_item(ref):
            item = self.library.item(ref)
            return f"{item.id}. {item.text}"
        if ref in self.library.frameworks:
            framework = self.library.frameworks[ref]
            return f"{framework.id.upper()}  {framework.title}"
        framework_id, section_id = ref.split("/")
        section = next(
            s for s in self.library.frameworks[framework_id].sections if s.id == section_id
        )
        return f"{section.title} (our title)" if section.editorial else section.title

    def on_tree_node_selected(self, event: Tree.NodeSelected[str]) -> None:
        """Enter or a click ticks the node and everything under it (or unticks it all)."""
        event.stop()
        refs = self._items_under(event.node)
        ticked = set(self.ticked)
        if refs and all(ref in ticked for ref in refs):
            ticked -= set(refs)
        else:
            ticked |= set(refs)
        self._set(ticked)

    def _set(self, ticked: set[str]) -> None:
        self.ticked = [ref for ref in self.library.expand(ticked)]
        self._relabel()
        self.post_message(self.Changed(self))
