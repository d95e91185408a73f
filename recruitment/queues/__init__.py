"""Each recruitment queue, defined once: questions in sections, workflow, stages, retention.

Everything else reads these: the applicant's question pages and check your answers
(`journey.py`), the admin's inspect view and exports, retention and erasure, data requests,
the demo and the bench.
"""

from .base import Question, Queue, Rule, Section, Stage, display_value, field_label
from .mini_police import MINI_POLICE
from .specials import SPECIALS

QUEUES = [SPECIALS, MINI_POLICE]


def queue_for(model_or_instance):
    """The queue of a submission model or instance, or of a form page (its class or an
    instance). KeyError when there is none."""
    cls = model_or_instance if isinstance(model_or_instance, type) else type(model_or_instance)
    for queue in QUEUES:
        if issubclass(cls, queue.model) or cls.__name__ == queue.page_model_name:
            return queue
    raise KeyError(cls.__name__)


def queue_by_key(key):
    """The queue with this key ("specials", "mini-police"); KeyError when there is none."""
    for queue in QUEUES:
        if queue.key == key:
            return queue
    raise KeyError(key)


__all__ = [
    "QUEUES",
    "Question",
    "Queue",
    "Rule",
    "Section",
    "Stage",
    "display_value",
    "field_label",
    "queue_by_key",
    "queue_for",
]
