"""The "Comms approval" workflow: editors submit news, moderators approve or reject it.

The workflow and its task are created by a migration; a migration cannot know the news index
(it is created later), so the workflow is assigned to each news index when it is created.
"""

from wagtail.models import Workflow, WorkflowPage

COMMS_WORKFLOW_NAME = "Comms approval"
COMMS_TASK_NAME = "Comms approval by moderators"
APPROVER_GROUP = "Moderators"


def comms_workflow():
    """The active Comms approval workflow, or None if it has been deleted or disabled."""
    return Workflow.objects.filter(name=COMMS_WORKFLOW_NAME, active=True).first()


def assign_comms_workflow(page):
    """Make Comms approval the workflow of this page and its descendants. Idempotent.

    Leaves a page alone if someone has already given it another workflow.
    Returns the page's workflow assignment, or None when the workflow does not exist.
    """
    workflow = comms_workflow()
    if workflow is None:
        return None
    assignment, _created = WorkflowPage.objects.get_or_create(
        page=page, defaults={"workflow": workflow}
    )
    return assignment
