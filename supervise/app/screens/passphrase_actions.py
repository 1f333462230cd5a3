"""The session list's passphrase command: change it for an encrypted folder, or protect a
plain one (palette only: it takes no key from the list)."""

from __future__ import annotations

from pathlib import Path

from textual.screen import Screen

from supervise.app.commands import Command

PASSPHRASE = Command(
    "passphrase",
    "",
    "Passphrase",
    "Change this sessions folder's passphrase, or protect the folder with one",
    footer=False,
    palette="Change or set the passphrase",
)
"""The passphrase command of the session list."""


class PassphraseActions(Screen[None]):
    """What the home screen does about the folder's passphrase (mixed into HomeScreen)."""

    sessions_dir: Path

    def action_passphrase(self) -> None:
        """Change the passphrase (asking the one in force first), or set one."""
        from supervise.app.screens.unlock import ChangePassphraseScreen, ProtectScreen
        from supervise.store.keys import is_encrypted

        cost = getattr(self.app, "protection_cost", None)
        if is_encrypted(self.sessions_dir):
            self.app.push_screen(ChangePassphraseScreen(self.sessions_dir, cost))
        else:
            self.app.push_screen(ProtectScreen(self.sessions_dir, cost, from_list=True))
