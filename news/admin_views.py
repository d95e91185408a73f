"""The "Mark as resolved" admin view: thin over news/appeals.py."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from . import appeals
from .enums import AppealOutcome, AppealStatus, AppealType
from .models import AppealPage

RESOLVE = "resolve"
END = "end"


class ResolveAppealForm(forms.Form):
    """Resolve with an outcome and optional update; or, for a missing person, end it."""

    action = forms.ChoiceField(
        label="What do you want to do?",
        choices=[
            (RESOLVE, "Mark as resolved: keep the article, with an update at the top"),
            (END, "End the appeal: take the article offline (missing person only)"),
        ],
        initial=RESOLVE,
        widget=forms.RadioSelect,
    )
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=[("", "Choose the outcome"), *AppealOutcome.choices],
        required=False,
    )
    public_update = forms.CharField(
        label="Public update (optional)",
        help_text="Shown at the top of the article with today's time and date. Leave empty "
        "for the standard words for the outcome.",
        max_length=600,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    reason = forms.CharField(
        label="Why it is ended (kept in the page history, never shown)",
        max_length=600,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, appeal, **kwargs):
        super().__init__(*args, **kwargs)
        if appeal.appeal_type != AppealType.MISSING:
            self.fields["action"].choices = self.fields["action"].choices[:1]

    def clean(self):
        data = super().clean()
        if data.get("action") == RESOLVE and not data.get("outcome"):
            self.add_error("outcome", "Choose the outcome of the appeal.")
        return data


def can_resolve(user, appeal):
    """Moderators and admins (whoever may publish the page) resolve appeals; editors do not."""
    return appeal.permissions_for_user(user).can_publish()


def resolve_appeal(request, page_id):
    appeal = get_object_or_404(AppealPage, pk=page_id)
    if not can_resolve(request.user, appeal):
        raise PermissionDenied
    edit_url = reverse("wagtailadmin_pages:edit", args=[appeal.pk])
    if appeal.status != AppealStatus.OPEN or not appeal.live:
        messages.error(request, "Only an open, published appeal can be resolved or ended.")
        return redirect(edit_url)
    form = ResolveAppealForm(request.POST or None, appeal=appeal)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["action"] == END:
            appeals.end_appeal(appeal, reason=form.cleaned_data["reason"], user=request.user)
            messages.success(request, f"‘{appeal.title}’ has ended and is offline.")
        else:
            appeals.resolve_appeal(
                appeal,
                outcome=form.cleaned_data["outcome"],
                public_update=form.cleaned_data["public_update"],
                user=request.user,
            )
            messages.success(request, f"‘{appeal.title}’ is resolved; its images are deleted.")
        return redirect(edit_url)
    return TemplateResponse(
        request,
        "news/admin/resolve_appeal.html",
        {
            "appeal": appeal,
            "form": form,
            "edit_url": edit_url,
            "sharing": appeals.other_pages_sharing_images(appeal),
        },
    )
