"""Start-up checks for recruitment: each queue's definition is whole, and (on deploy) the
forms do not run without reCAPTCHA.

A status the applicant's status page has no words for would answer the applicant with a 500;
one the workflow has no entry for could never be left (or reached); a decision that needs a
reason but is not final could be moved on with its reason still showing. `manage.py check`
(and so every start-up and the test run) stops on any of these.
"""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from .queues import QUEUES


def queue_problems(queue):
    """The errors in one queue's definition (recruitment/queues/): every status has a public
    stage and a transitions entry, and every status that needs a reason is final."""
    errors = []
    model = queue.model
    for status in queue.status_enum:
        label = f"{queue.key} status {status.value!r}"
        if status not in queue.public_stages:
            errors.append(
                Error(
                    f"The {label} has no public stage: its applicants' status page would fail.",
                    hint=f"Add a Stage for it to public_stages in recruitment/queues/ "
                    f"({queue.key}).",
                    obj=model,
                    id="recruitment.E001",
                )
            )
        if status not in queue.transitions or status not in model.transitions:
            errors.append(
                Error(
                    f"The {label} has no transitions entry.",
                    hint="Add it to the queue's transitions in recruitment/workflows.py "
                    "([] for a final status).",
                    obj=model,
                    id="recruitment.E002",
                )
            )
    for status in model.reason_statuses:
        if queue.transitions.get(status) or model.transitions.get(status):
            errors.append(
                Error(
                    f"The {queue.key} status {status!r} needs a reason but is not final: it "
                    "could be moved on with its reason still showing.",
                    hint="A decision that needs a reason must allow no further move "
                    "(transitions [] in recruitment/workflows.py).",
                    obj=model,
                    id="recruitment.E003",
                )
            )
    return errors


@register()
def queues_are_whole(app_configs, **kwargs):
    return [error for queue in QUEUES for error in queue_problems(queue)]


@register(Tags.security, deploy=True)
def recaptcha_keys_configured(app_configs, **kwargs):
    if settings.RECAPTCHA_ENABLED:
        return []
    return [
        Warning(
            "reCAPTCHA keys are not configured: the recruitment forms rely on the honeypot "
            "and rate limit alone.",
            hint="Set RECAPTCHA_PUBLIC_KEY and RECAPTCHA_PRIVATE_KEY in the environment.",
            id="recruitment.W001",
        )
    ]
