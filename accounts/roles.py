"""The staff roles of the site and the groups that give each its permissions.

The groups themselves (and their permissions) are made by migrations: Wagtail's own
"Editors" and "Moderators", the recruitment app's "Recruitment staff" and "Recruitment
managers". The demo users (cms/demo.py) and the test factories (accounts/factories.py)
both read this list, so a new role is added here once.
"""

from typing import NamedTuple


class Role(NamedTuple):
    """A kind of staff user: the groups they belong to, or a superuser."""

    name: str
    groups: tuple[str, ...] = ()
    superuser: bool = False


ROLES = {
    role.name: role
    for role in [
        Role("editor", ("Editors",)),
        Role("moderator", ("Moderators",)),
        Role("recruiter", ("Recruitment staff",)),
        Role("manager", ("Recruitment managers",)),
        Role("admin", superuser=True),
    ]
}
