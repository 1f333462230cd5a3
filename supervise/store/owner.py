"""Whose a file or folder is, as each system tells it: links, owners and who else may write."""

from __future__ import annotations

import os
import stat
import sys

NO_FOLLOW: int = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
"""Flags for os.open: fail on a symbolic link rather than open what it points to, and never wait
on a planted pipe (Windows has neither: there ``is_link`` is checked before and after opening)."""

_REPARSE_POINT = 0x400
"""Windows' FILE_ATTRIBUTE_REPARSE_POINT: a symbolic link, a junction or a mount point."""


def is_link(info: os.stat_result) -> bool:
    """True if ``info`` (from lstat) is a symbolic link, or on Windows any reparse point."""
    attributes: int = getattr(info, "st_file_attributes", 0)
    return stat.S_ISLNK(info.st_mode) or bool(attributes & _REPARSE_POINT)


def same_file(one: os.stat_result, other: os.stat_result) -> bool:
    """True if two stat results describe the same file (device and inode)."""
    return (one.st_dev, one.st_ino) == (other.st_dev, other.st_ino)


def other_owner(info: os.stat_result) -> str | None:
    """Who owns ``info`` if not the user running supervise ("user 1001"); None if the user does.

    Windows keeps no owner in these bits: there a file is private by being in the user's profile.
    """
    # sys.platform is read at call time, so the Windows path can be tested here by substitution.
    if sys.platform == "win32" or info.st_uid == os.geteuid():
        return None
    try:
        import pwd

        return f"{pwd.getpwuid(info.st_uid).pw_name} (user {info.st_uid})"
    except (ImportError, KeyError):
        return f"user {info.st_uid}"


def writable_by_others(info: os.stat_result) -> bool:
    """True if people other than the owner may change what is in this folder or file.

    A group that is the owner's own private group (Debian's and Fedora's default, which gives a
    clone's folders mode 0775) lets nobody else in, so group write counts only for a shared group.
    """
    if sys.platform == "win32":
        return False
    if info.st_mode & stat.S_IWOTH:
        return True
    return bool(info.st_mode & stat.S_IWGRP) and not _private_group(info.st_gid, info.st_uid)


def _private_group(gid: int, uid: int) -> bool:
    if sys.platform == "win32":
        return False
    try:
        import grp
        import pwd

        group, user = grp.getgrgid(gid), pwd.getpwuid(uid)
    except (ImportError, KeyError):
        return False
    return (
        group.gr_name == user.pw_name
        and user.pw_gid == gid
        and not set(group.gr_mem) - {user.pw_name}
    )
